// <coverage>true</coverage>: go's profile in target/go-hygiene/coverage.out, Cobertura XML valid against
// coverage-04.dtd at target/site/cobertura/coverage.xml, the total printed; a second run with
// -Dgo-hygiene.minimumCoverage=90 fails with the figure and the minimum.
import javax.xml.parsers.DocumentBuilderFactory
import org.xml.sax.InputSource
import org.xml.sax.helpers.DefaultHandler
import org.xml.sax.SAXParseException

def log = new File(basedir, 'build.log').text
assert log.contains('go-hygiene: coverage 50.0% of statements (1 of 2) in 1 file(s) -> target/site/cobertura/coverage.xml')
assert log.contains('coverage 50.0% is below <minimumCoverage> 90.0%')
assert new File(basedir, 'target/go-hygiene/coverage.out').text.startsWith('mode: set\nexample.com/cov/calc/calc.go:')

def xml = new File(basedir, 'target/site/cobertura/coverage.xml')
// The plugin project's own copy of the DTD: above the target/ the IT is cloned under (target/it, or
// target/other-mavens/<version>/it).
def target = basedir.canonicalFile
while (target != null && target.name != 'target') {
    target = target.parentFile
}
def dtd = new File(target.parentFile, 'src/test/resources/gotest/coverage-04.dtd')
assert dtd.isFile()
def factory = DocumentBuilderFactory.newInstance()
factory.validating = true
def builder = factory.newDocumentBuilder()
def errors = []
builder.entityResolver = { publicId, systemId -> new InputSource(dtd.toURI().toString()) } as org.xml.sax.EntityResolver
builder.errorHandler = new DefaultHandler() {
    void error(SAXParseException e) { errors << e.message }
    void fatalError(SAXParseException e) { errors << e.message }
}
def doc = builder.parse(xml)
assert errors == [] : "valid against coverage-04.dtd: ${errors}"
def coverage = doc.documentElement
assert coverage.getAttribute('lines-valid') == '6' && coverage.getAttribute('lines-covered') == '3'
def cls = doc.getElementsByTagName('class').item(0)
assert cls.getAttribute('filename') == 'calc/calc.go'
assert cls.parentNode.parentNode.getAttribute('name') == 'example.com/cov/calc'
return true
