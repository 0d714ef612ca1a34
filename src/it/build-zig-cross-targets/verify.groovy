import groovy.json.JsonSlurper

def log = new File(basedir, 'build.log').text
// Run 1 (macos 11.0, maxMacos 11.0): the header's minos passes, the Go release's minimum does not.
def go = (log =~ /(go1\.\d+(?:\.\d+)?) requires (?:at least )?macOS 12/)
assert go.find() : 'the Go release minimum is named'
def release = go.group(1)
assert log =~ /target\/go\/darwin_arm64\/app \[macos\] .*${java.util.regex.Pattern.quote(release)} requires (at least )?macOS 12 (or later )?\(Go 1\.25 raised it.*maxMacos is 11\.0.*cannot be kept.*the binary says minos 11\.0/ : 'FAIL names the release, its minimum and the minos'
assert log.contains('Raise <maxMacos> and <macos> on this darwin target to 12') : 'the hint names <maxMacos> and <macos>'

// Run 2 (macos 12.0, maxMacos 12.0): the report below is this run's.
def json = new JsonSlurper().parse(new File(basedir, 'target/go-hygiene/verify.json'))
def byFile = json.binaries.collectEntries { [(it.file): it] }
assert json.binaries.every { it.verdict != 'FAIL' } : 'maxGlibc 2.17, static musl and maxMacos 12.0 all hold'
def arm64 = byFile['target/go/linux_arm64/app'].inspection.images[0]
def glibc = arm64.elf.versionNeeds.collectMany { it.versions*.name }.findAll { it.startsWith('GLIBC_') }
assert glibc.every { def (ma, mi) = it.substring(6).tokenize('.')*.toInteger(); ma < 2 || (ma == 2 && mi <= 17) } : "glibc floor 2.17: ${glibc}"
def musl = byFile['target/go/linux_amd64/app'].inspection.images[0]
assert musl.elf.interpreter == null : 'musl build is statically linked'
assert byFile['target/go/windows_amd64/app.exe'].inspection.images[0].pe.optionalHeader.magic == 0x20b : 'PE32+'
def darwin = byFile['target/go/darwin_arm64/app']
def mac = darwin.inspection.images[0].macho
assert mac.buildVersion.minos == '12.0'
assert mac.dylibs*.name.contains('/usr/lib/libSystem.B.dylib')
assert mac.codeSignature != null
def macos = darwin.findings.findAll { it.check == 'macos' }
assert macos.every { it.verdict == 'PASS' } : "minos 12.0 and the Go release's minimum both hold: ${macos}"
