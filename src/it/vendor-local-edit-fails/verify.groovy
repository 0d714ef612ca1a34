def log = new File(basedir, 'build.log').text
assert log.contains('vendor/ has local edits that vendoring would overwrite; vendor/ was not changed:')
assert log.contains('modified: vendor/example.com/cgodep/dep.go')
assert log.contains('allowVendorEdits')
def digest = { File f -> java.security.MessageDigest.getInstance('SHA-256').digest(f.bytes).encodeHex().toString() }
def vendor = new File(basedir, 'vendor')
def lines = []
vendor.eachFileRecurse(groovy.io.FileType.FILES) { lines << vendor.toPath().relativize(it.toPath()).toString() + ' ' + digest(it) }
assert lines.sort().join('\n') == new File(basedir, 'vendor-before.txt').text : 'vendor/ changed although the run was refused'
assert !log.contains('\tat io.gohygiene') : 'a user mistake gets a message, not a stack trace'
