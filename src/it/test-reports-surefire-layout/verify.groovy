// Pass, fail, skip, subtests and a panic, read back from the Surefire files field by field; with
// -Dmaven.test.failure.ignore=true the failures are logged and the build passes.
import javax.xml.parsers.DocumentBuilderFactory

def log = new File(basedir, 'build.log').text
assert log.contains('BUILD SUCCESS')
assert log.contains('(ignored: -Dmaven.test.failure.ignore=true)')
assert log.contains('go-hygiene: tests: 2 passed, 4 failed, 1 skipped in 2 packages')

def reports = new File(basedir, 'target/surefire-reports')
assert reports.list().sort() == ['TEST-example.com.layout.boom.xml', 'TEST-example.com.layout.cases.xml']
def parse = { name -> DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(new File(reports, name)).documentElement }
def children = { element, tag -> def nodes = element.getElementsByTagName(tag); (0..<nodes.length).collect { nodes.item(it) } }

def cases = parse('TEST-example.com.layout.cases.xml')
assert cases.tagName == 'testsuite'
assert cases.getAttribute('name') == 'example.com/layout/cases'
assert ['tests', 'failures', 'errors', 'skipped'].collect { cases.getAttribute(it) } == ['6', '3', '0', '1']
def testcases = children(cases, 'testcase')
assert testcases*.getAttribute('name') == ['TestPass', 'TestFail', 'TestSkip', 'TestSub', 'TestSub/one', 'TestSub/two']
assert testcases.every { it.getAttribute('classname') == 'example.com/layout/cases' && it.getAttribute('time') ==~ /\d+\.\d{3}/ }
def byName = testcases.collectEntries { [(it.getAttribute('name')): it] }
assert children(byName.TestPass, '*').isEmpty()
assert children(byName.TestFail, 'failure')[0].getAttribute('message') == 'cases_test.go:8: want 3, got 4'
assert children(byName.TestFail, 'failure')[0].textContent.contains('--- FAIL: TestFail')
assert children(byName.TestSkip, 'skipped')[0].getAttribute('message') == 'cases_test.go:12: not on CI'
assert children(byName.TestSub, 'failure').size() == 1
assert children(byName['TestSub/one'], '*').isEmpty()
assert children(byName['TestSub/two'], 'failure')[0].getAttribute('message') == 'cases_test.go:17: two is wrong'

def boom = parse('TEST-example.com.layout.boom.xml')
assert boom.getAttribute('name') == 'example.com/layout/boom'
def panics = children(boom, 'testcase').find { it.getAttribute('name') == 'TestPanics' }
assert panics.getAttribute('classname') == 'example.com/layout/boom'
def failure = children(panics, 'failure')[0]
assert failure.getAttribute('message').startsWith('panic: boom')
assert failure.textContent.contains('boom_test.go:6')
return true
