// A real darwin/arm64 executable, cross-compiled here on Linux by the real go.
def env = System.getenv().collect { k, v -> "$k=$v" } + ['GOOS=darwin', 'GOARCH=arm64', 'CGO_ENABLED=0', 'GOFLAGS=-buildvcs=false']
def go = ['go', 'build', '-o', 'target/app', './cmd/app'].execute(env, basedir)
go.waitForProcessOutput(System.out, System.err)
assert go.exitValue() == 0
return true
