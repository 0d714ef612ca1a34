import groovy.json.JsonSlurper

def log = new File(basedir, 'build.log').text
assert log.contains('go-hygiene: restored ') && log.contains(
        'for the cgo packages of github.com/karalabe/hid, github.com/supranational/blst, github.com/tree-sitter/tree-sitter-python')

// <explain>: the cgo paths handed to the build (none here) and every restored file with its reason.
assert log.contains('go-hygiene: cgo paths for the build: none')
assert log.contains('go-hygiene: restored into vendor/:')
assert log.contains('  vendor/github.com/tree-sitter/tree-sitter-python/src/parser.c  (#include "../../src/parser.c" in bindings/go/binding.go)')

// The plugin's build used the empty cache set in invoker.properties.
def cache = new File(new File(basedir, 'gocache.txt').text)
assert new File(cache, 'README').isFile() : 'go wrote its cache where invoker.properties said'
assert new File(basedir, 'target/go-hygiene/build-linux_amd64.env').text.contains('GOCACHE=' + cache.path)

def run = { String name ->
    def p = [new File(basedir, "target/go/linux_amd64/$name").path].execute()
    def out = p.text
    p.waitFor()
    assert p.exitValue() == 0 : "$name exited ${p.exitValue()}"
    out.trim()
}
assert run('tspython') == 'tree-sitter-python ok: true'
assert run('blst') == 'blst ok: verify=true pk=9112a0386a234071'
assert run('hid').startsWith('hid ok: supported=true')

def manifest = new JsonSlurper().parse(new File(basedir, 'target/go-hygiene/vendor-manifest.json'))
def restored = manifest.restored.collectEntries { [(it.path): it.reason] }
assert restored['vendor/github.com/tree-sitter/tree-sitter-python/src/parser.c'] == '#include "../../src/parser.c" in bindings/go/binding.go'
assert restored['vendor/github.com/supranational/blst/bindings/blst.h'] != null
assert restored['vendor/github.com/supranational/blst/build/assembly.S'] != null
assert restored['vendor/github.com/karalabe/hid/libusb/libusb/os/events_posix.h'] != null
assert restored['vendor/github.com/karalabe/hid/hidapi/libusb/hidapi_thread_pthread.h'].contains('include HIDAPI_THREAD_MODEL_INCLUDE')
restored.keySet().each { assert new File(basedir, it).isFile() : it }

// Plain go mod vendor, in a copy of the project: each of the three packages fails to build from its vendor/.
// The copy lives in another directory and is built without -trimpath, so none of its cgo objects can come
// from the cache the plugin filled; the standard library can, which only saves time.
def plain = new File(basedir, 'target/plain-vendor')
plain.deleteDir()
plain.mkdirs()
['go.mod', 'go.sum'].each { new File(plain, it).bytes = new File(basedir, it).bytes }
['tspython', 'blst', 'hid'].each {
    def dir = new File(plain, "cmd/$it")
    dir.mkdirs()
    new File(dir, 'main.go').bytes = new File(basedir, "cmd/$it/main.go").bytes
}
def env = System.getenv().findAll { k, v -> !(k in ['GOFLAGS', 'GOOS', 'GOARCH', 'CGO_ENABLED', 'CC', 'GOENV']) }
env['GOCACHE'] = cache.path
env['GOFLAGS'] = '-buildvcs=false'
def go = { List<String> args ->
    def p = (['go'] + args).execute(env.collect { k, v -> "$k=$v" }, plain)
    def out = new StringBuffer(), err = new StringBuffer()
    p.waitForProcessOutput(out, err)
    [p.exitValue(), out.toString() + err.toString()]
}
def (vendorExit, vendorOut) = go(['mod', 'vendor'])
assert vendorExit == 0 : vendorOut
[tspython: '../../src/parser.c: No such file or directory',
 blst    : 'blst.h: No such file or directory',
 hid     : 'No such file or directory'].each { name, error ->
    def (exit, out) = go(['build', '-mod=vendor', '-o', "bin/$name", "./cmd/$name"])
    assert exit != 0 : "plain go mod vendor should break $name"
    assert out.contains(error) : out
}
true
