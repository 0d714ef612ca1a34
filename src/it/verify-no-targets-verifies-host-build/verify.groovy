import groovy.json.JsonSlurper

def log = new File(basedir, 'build.log').text
assert log.contains('no <targets> configured: building for linux/amd64') : 'the build says which target it chose'
assert !log.contains('no binaries to verify') && !log.contains('NOTHING VERIFIED') : 'verify saw the binary the build made'
assert log =~ /go-hygiene: verified 1 binary in [\d.]+ (ms|s): 0 failed/
def json = new JsonSlurper().parse(new File(basedir, 'target/go-hygiene/verify.json'))
assert json.binaries*.file == ['target/go/linux_amd64/app']
assert json.binaries[0].target == 'linux/amd64'
assert json.binaries[0].inspection.images[0].goarch == 'amd64'
return true
