def log = new File(basedir, 'build.log').text
assert log.contains('Go toolchain check failed')
assert log.contains('GOARCH=arm64 from the environment makes every plain go command build for arm64, but the targets need linux/amd64')
assert log.contains('hint: Unset GOARCH in the shell or CI job')
assert log =~ /FAIL inheritedEnvironment \(GOARCH\): /
