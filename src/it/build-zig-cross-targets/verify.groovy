import groovy.json.JsonSlurper

def json = new JsonSlurper().parse(new File(basedir, 'target/go-hygiene/verify.json'))
def byFile = json.binaries.collectEntries { [(it.file): it] }
assert json.binaries.every { it.verdict != 'FAIL' } : 'maxGlibc 2.17, static musl and maxMacos 11.0 all hold'
def arm64 = byFile['target/go/linux_arm64/app'].inspection.images[0]
def glibc = arm64.elf.versionNeeds.collectMany { it.versions*.name }.findAll { it.startsWith('GLIBC_') }
assert glibc.every { def (ma, mi) = it.substring(6).tokenize('.')*.toInteger(); ma < 2 || (ma == 2 && mi <= 17) } : "glibc floor 2.17: ${glibc}"
def musl = byFile['target/go/linux_amd64/app'].inspection.images[0]
assert musl.elf.interpreter == null : 'musl build is statically linked'
assert byFile['target/go/windows_amd64/app.exe'].inspection.images[0].pe.optionalHeader.magic == 0x20b : 'PE32+'
def mac = byFile['target/go/darwin_arm64/app'].inspection.images[0].macho
assert mac.buildVersion.minos == '11.0'
assert mac.dylibs*.name.contains('/usr/lib/libSystem.B.dylib')
assert mac.codeSignature != null
