// A failing test fails the build; the message names it and the report directory, the report holds its output.
import javax.xml.parsers.DocumentBuilderFactory

def log = new File(basedir, 'build.log').text
assert log.contains('go-hygiene: tests: 1 passed, 1 failed, 0 skipped in 1 package')
assert log.contains('1 test failed: example.com/fails/calc.TestBroken; see target/surefire-reports for their output')
assert log.contains('calc_test.go:8: 1 + 1 = 2, want 3') : 'the failure is shown under its package table'
def suite = DocumentBuilderFactory.newInstance().newDocumentBuilder()
        .parse(new File(basedir, 'target/surefire-reports/TEST-example.com.fails.calc.xml')).documentElement
assert suite.getAttribute('tests') == '2' && suite.getAttribute('failures') == '1'
def cases = suite.getElementsByTagName('testcase')
def broken = (0..<cases.length).collect { cases.item(it) }.find { it.getAttribute('name') == 'TestBroken' }
assert broken.getElementsByTagName('failure').item(0).getAttribute('message') == 'calc_test.go:8: 1 + 1 = 2, want 3'
return true
