// Issue 15.10: a GOOS/GOARCH pair that go rejects is the inheritedEnvironment finding, not a failed 'go env -json'.
def log = new File(basedir, 'build.log').text
assert log.contains('Go toolchain check failed')
assert log =~ /FAIL inheritedEnvironment \(GOOS\/GOARCH\): go rejects plan9\/s390x \(unsupported GOOS\/GOARCH pair\)/
assert log.contains('Unset GOOS in the shell or CI job') && log.contains('Unset GOARCH in the shell or CI job')
assert !log.contains('go env -json\' failed') : 'the probe itself does not fail'
