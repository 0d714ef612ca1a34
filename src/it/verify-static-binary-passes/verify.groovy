def log = new File(basedir, 'build.log').text
assert log =~ /target\/app  linux\/amd64  PASS: 0 failed, 0 warnings, 0 waived  \(linux\/amd64 ELF\)/
assert log =~ /\| linkage +\|.*\| ok +\|/ : 'linkage=static passes'
assert log =~ /\| target +\|.*\| ok +\|/
assert new File(basedir, 'target/go-hygiene/verify.json').isFile()
assert new File(basedir, 'target/go-hygiene/verify.sarif').isFile()
assert new File(basedir, 'target/go-hygiene/TEST-go-hygiene.xml').isFile()
assert log =~ /go-hygiene: verified 1 binary in [\d.]+ (ms|s): 0 failed, 0 warnings, 0 waived/
assert log.contains('BUILD SUCCESS')
