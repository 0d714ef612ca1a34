import groovy.json.JsonSlurper

def json = new JsonSlurper().parse(new File(basedir, 'target/go-hygiene/verify.json'))
def image = json.binaries[0].inspection.images[0]
assert image.goarch == 'arm64' && image.elf.header.machine == 183 : 'an aarch64 ELF'
assert image.elf.interpreter == '/lib/ld-linux-aarch64.so.1'
assert image.buildInfo.settings.find { it.key == 'CGO_ENABLED' }.value == '1' : 'cgo really on in the cross build'
def log = new File(basedir, 'build.log').text
assert log.contains('linux/arm64 wants cgo and names no <cc>: using aarch64-linux-gnu-gcc found on PATH')
def env = new File(basedir, 'target/go-hygiene/build-linux_arm64.env').text
assert env.contains('CGO_ENABLED=1') && env.contains('CC=aarch64-linux-gnu-gcc')
