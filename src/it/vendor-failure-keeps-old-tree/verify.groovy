def log = new File(basedir, 'build.log').text
assert log.contains("go mod vendor -o") && log.contains('failed (exit 1); vendor/ was left exactly as it was')
assert log.contains('example.invalid/does-not-exist')
assert log.contains('module lookup disabled by GOPROXY=off')
def digest = { File f -> java.security.MessageDigest.getInstance('SHA-256').digest(f.bytes).encodeHex().toString() }
def vendor = new File(basedir, 'vendor')
def lines = []
vendor.eachFileRecurse(groovy.io.FileType.FILES) { lines << vendor.toPath().relativize(it.toPath()).toString() + ' ' + digest(it) }
assert lines.sort().join('\n') == new File(basedir, 'vendor-before.txt').text : 'vendor/ changed although go mod vendor failed'
assert !log.contains('\tat io.gohygiene') : 'a user mistake gets a message, not a stack trace'
