// Issue 16.4: the toolchain table and the build agree on GOFLAGS from the go env file.
def log = new File(basedir, 'build.log').text
assert log =~ /\| inheritedEnvironment \| GOFLAGS\s+\| GOFLAGS=-buildvcs=false \(go env file\s+\| the build keeps -buildvcs=false \(VCS\s+\| ok/ :
        'the toolchain row says the build keeps it'
def env = new File(basedir, 'target/go-hygiene/build-linux_amd64.env').text
assert env.contains('GOFLAGS=-buildvcs=false') && env.contains('GOENV=off')
def binary = new File(basedir, 'target/go/linux_amd64/app')
def m = ['go', 'version', '-m', binary.path].execute()
def info = m.text
assert m.waitFor() == 0
assert info.contains('build\tGOOS=linux')
assert !info.contains('vcs.revision') : "no VCS stamp in the binary:\n${info}"
assert log.contains('BUILD SUCCESS')
