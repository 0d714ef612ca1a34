// Builds ./cmd/app into target/app with the real go, in the environment build.env describes (KEY=VALUE lines).
def extra = new File(basedir, 'build.env').readLines().findAll { it.contains('=') }
def env = System.getenv().collect { k, v -> "$k=$v" } + ['GOFLAGS=-buildvcs=false'] + extra
def go = ['go', 'build', '-o', 'target/app', './cmd/app'].execute(env, basedir)
go.waitForProcessOutput(System.out, System.err)
assert go.exitValue() == 0 : 'go build failed'
return true
