// Issue 15.9: a <moduleDirectory> that does not exist is said at validate, naming the directory and the setting.
def log = new File(basedir, 'build.log').text
def dir = new File(basedir, 'no-such-module').canonicalPath
assert log.contains('Go toolchain check failed')
assert log.contains("[moduleDirectory] <moduleDirectory> (go-hygiene.moduleDirectory) ${dir} does not exist") : 'names the setting and the directory'
assert log.contains('hint: set <moduleDirectory> (go-hygiene.moduleDirectory) to the directory that holds go.mod')
assert !log.contains('check the go executable')
