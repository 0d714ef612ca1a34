// golang.org/x/text v0.3.7's language.ParseAcceptLanguage (GO-2022-1059) is linked into both stripped binaries: a
// warning naming the symbol and the fix, in the log, verify.json and the SBOM; with <vulnerabilities>error the
// second build fails on it.
import groovy.json.JsonSlurper

def log = new File(basedir, 'build.log').text
assert log =~ /go-hygiene: vulnerability database golang.org\/x\/vulndb@v0.0.0-20261105234957-e22db6528018, pinned, \d+ entries, verified against the checksum database/
assert log.contains('GO-2022-1059 (CVE-2022-32149, GHSA-69ch-w2m2-3vjp) in golang.org/x/text@v0.3.7, golang.org/x/text/language: symbols linked: language.ParseAcceptLanguage')
assert log.contains('upgrade golang.org/x/text to v0.3.8 or later')
// The first build passed with the warnings; the second failed on them.
assert log.contains('Binary verification failed')
assert log.contains('BUILD FAILURE')

def sbom = new JsonSlurper().parse(new File(basedir, 'target/go-hygiene/linux_amd64/vulnlinked.cdx.json'))
def vuln = sbom.vulnerabilities.find { it.id == 'GO-2022-1059' }
assert vuln != null: "no GO-2022-1059 in the SBOM: ${sbom.vulnerabilities}"
def text = sbom.components.find { it.name == 'golang.org/x/text' }
assert vuln.affects*.ref == [text.'bom-ref']
assert vuln.source.name == 'Go Vulnerability Database'
true
