def log = new File(basedir, 'build.log').text
assert log =~ /WARN inheritedEnvironment \(GOARCH\): / : 'GOARCH is reported as a warning'
assert log.contains('Go toolchain check passed: 0 failures, 1 warning (')
assert log.contains('Go toolchain check failed: 1 problem(s)') : 'failOn=warning fails on it'
