def log = new File(basedir, 'build.log').text
assert log.contains('go-hygiene: kept 1 locally edited file(s) in vendor/ (allowVendorEdits)')
assert log.contains('[WARNING] go-hygiene: kept 1 locally edited file(s) in vendor/ (allowVendorEdits): vendor/example.com/cgodep/dep.go')
assert new File(basedir, 'vendor/example.com/cgodep/dep.go').text.contains('Patched locally')
def manifest = new groovy.json.JsonSlurper().parse(new File(basedir, 'target/go-hygiene/vendor-manifest.json'))
assert manifest.keptEdits == ['vendor/example.com/cgodep/dep.go']
