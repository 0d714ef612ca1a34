// Module a gets a linux/arm64 binary (as its pom declares), module b a linux/amd64 one: only b is wrong.
def build = { String goarch, File out ->
    def env = System.getenv().collect { k, v -> "$k=$v" } + ["GOOS=linux", "GOARCH=${goarch}", 'CGO_ENABLED=0', 'GOFLAGS=-buildvcs=false', 'GOTOOLCHAIN=local']
    def p = ['go', 'build', '-trimpath', '-o', out.absolutePath, './cmd/app'].execute(env, new File(basedir, 'src'))
    p.waitForProcessOutput(System.out, System.err)
    assert p.exitValue() == 0
}
build('arm64', new File(basedir, 'a/app'))
build('amd64', new File(basedir, 'b/app'))
return true
