// install publishes each binary with its target as classifier, and the verify goal's CycloneDX SBOM of each beside
// it (same classifier, type cdx.json) describing exactly the installed bytes.
import groovy.json.JsonSlurper
import java.security.MessageDigest

def dir = new File(localRepositoryPath, 'it/gohygiene/build-install-attaches-classified/1.0')
['linux-amd64.bin', 'windows-amd64.exe'].each { suffix ->
    def binary = new File(dir, "build-install-attaches-classified-1.0-${suffix}")
    assert binary.isFile()
    def classifier = suffix.substring(0, suffix.indexOf('.'))
    def sbomFile = new File(dir, "build-install-attaches-classified-1.0-${classifier}.cdx.json")
    assert sbomFile.isFile(): "no SBOM for ${suffix} in ${dir.list()}"
    def sbom = new JsonSlurper().parse(sbomFile)
    assert sbom.bomFormat == 'CycloneDX' && sbom.specVersion == '1.6'
    def root = sbom.metadata.component
    assert root.hashes[0].alg == 'SHA-256'
    assert root.hashes[0].content == MessageDigest.getInstance('SHA-256').digest(binary.bytes).encodeHex().toString()
    def goos = classifier.split('-')[0]
    assert root.properties.find { it.name == 'go-hygiene:build:GOOS' }.value == goos
    assert sbom.components.find { it.name == 'std' }.purl.startsWith('pkg:golang/std@go1.')
}
def log = new File(basedir, 'build.log').text
assert log.contains('go-hygiene: 2 SBOM(s), CycloneDX 1.6: [target/go-hygiene/linux_amd64/')
assert log.contains(', 2 attached')
true
