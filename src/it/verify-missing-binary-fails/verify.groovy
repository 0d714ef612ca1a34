def log = new File(basedir, 'build.log').text
assert log =~ /target\/app \[readable\] cannot verify target\/app: does not exist/ : 'the missing binary is a failure naming it'
assert log.contains('hint: point <binaries> (go-hygiene.binaries) at the executable the Go build produced')
