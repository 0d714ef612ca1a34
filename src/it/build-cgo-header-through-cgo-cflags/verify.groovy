def app = new File(basedir, 'target/go/linux_amd64/app')
assert app.canExecute() : 'the cgo build found greeting.h through CGO_CFLAGS'
def out = [app.path].execute().text
assert out.contains('hello from an injected include path')
def env = new File(basedir, 'target/go-hygiene/build-linux_amd64.env').text
assert env =~ /CGO_CFLAGS=.*-I.*\/include/
