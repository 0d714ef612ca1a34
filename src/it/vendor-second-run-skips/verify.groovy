// Two invocations of mvn verify on the same project: the first vendors (restoring the pruned C files), the
// second finds go.mod, go.sum, modules.txt and the restored files unchanged and does nothing.
def log = new File(basedir, 'build.log').text
assert log.contains('go-hygiene: restored 5 file(s) that go mod vendor leaves out, for the cgo packages of example.com/cgodep')
assert log.contains('go-hygiene: vendor/ is up to date (go.mod, go.sum, vendor/modules.txt and 5 restored files unchanged): nothing to do')
assert log.indexOf('restored 5 file(s)') < log.indexOf('vendor/ is up to date') : 'the no-op is the second run'
assert new File(basedir, 'vendor/example.com/cgodep/csrc/impl.c').isFile()
def manifest = new groovy.json.JsonSlurper().parse(new File(basedir, 'target/go-hygiene/vendor-manifest.json'))
assert manifest.restored*.path.contains('vendor/example.com/cgodep/include/add.h')
// go names the binary of '.' after the module path's last element (example.com/app), not the directory
def app = new File(basedir, 'target/go/linux_amd64/app')
assert [app.path].execute().text.trim() == 'cgodep 1.0 5'
