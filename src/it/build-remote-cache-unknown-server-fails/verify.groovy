def log = new File(basedir, 'build.log').text
assert log.contains('BUILD FAILURE')
assert log.contains('<remoteCache><serverId> no-such-server: settings.xml has no <server> with that id; add <server><id>no-such-server</id>')
assert !log.contains('at io.gohygiene') : 'a stack trace for a user mistake'
assert !new File(basedir, 'target/go/linux_amd64/app').exists()
