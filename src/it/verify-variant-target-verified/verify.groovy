import groovy.json.JsonSlurper

def log = new File(basedir, 'build.log').text
assert new File(basedir, 'target/go/linux_arm_7-softfloat/app').isFile() : 'the build wrote the variant folder'
assert !log.contains('no binaries to verify') && !log.contains('NOTHING VERIFIED') : 'verify found the variant binary'
assert log =~ /go-hygiene: verified 1 binary in [\d.]+ (ms|s): 0 failed/
def json = new JsonSlurper().parse(new File(basedir, 'target/go-hygiene/verify.json'))
assert json.binaries*.file == ['target/go/linux_arm_7-softfloat/app']
assert json.binaries[0].target == 'linux/arm/7,softfloat'
assert json.binaries[0].inspection.images[0].goarch == 'arm'
return true
