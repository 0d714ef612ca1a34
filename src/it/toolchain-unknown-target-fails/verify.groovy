def log = new File(basedir, 'build.log').text
assert log.contains('unknown target linux/amd65')
assert log.contains('(go tool dist list) knows')
assert log.contains('linux/amd64') && log.contains('windows/arm64') && log.contains('darwin/arm64') : 'lists the valid targets'
assert !log.contains('at io.gohygiene') : 'no stack trace for a user mistake'
