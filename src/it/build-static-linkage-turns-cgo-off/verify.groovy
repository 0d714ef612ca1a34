import groovy.json.JsonSlurper

def log = new File(basedir, 'build.log').text
assert log.contains('linux/amd64: cgo off (CGO_ENABLED=0), since <linkage> is static and the target sets no <cgo>') : 'the build says it turned cgo off'
assert log =~ /go-hygiene: verified 4 binaries in [\d.]+ (ms|s): 0 failed/
def json = new JsonSlurper().parse(new File(basedir, 'target/go-hygiene/verify.json'))
def linux = json.binaries.find { it.file == 'target/go/linux_amd64/netcli' }
assert linux.verdict != 'FAIL'
assert linux.findings.find { it.check == 'linkage' && it.subject == 'linkage' }.verdict == 'PASS'
assert linux.findings.find { it.check == 'cgo' }.verdict == 'PASS' : 'build info says CGO_ENABLED=0, as the target now asks'
def out = new ByteArrayOutputStream()
def p = [new File(basedir, 'target/go/linux_amd64/netcli').path, 'version'].execute()
p.waitForProcessOutput(out, System.err)
assert out.toString().trim() == 'netcli 1.4.2' : 'the -X ldflag reached the binary'
return true
