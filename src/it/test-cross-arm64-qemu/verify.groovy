// The cgo package's tests ran twice: on the host, and compiled for linux/arm64 with the cross gcc and run under
// qemu-aarch64, where a test compiled only for arm64 checks runtime.GOARCH and the C library's uname. Each run has
// its own reports; the windows target's tests cannot run on a linux host and a warning line says so.
import javax.xml.parsers.DocumentBuilderFactory

def log = new File(basedir, 'build.log').text
assert log.contains('BUILD SUCCESS')
assert log =~ /go-hygiene: tests of linux\/arm64 under \S*qemu-aarch64\S* -L \/usr\/aarch64-linux-gnu/
assert log.contains('go-hygiene: tests: 1 passed, 0 failed, 0 skipped in 1 package')
assert log.contains('go-hygiene: linux/arm64 tests: 2 passed, 0 failed, 0 skipped in 1 package')
assert log.contains('[WARNING] go-hygiene: tests of windows/amd64 do not run on this linux/amd64 host')

def reports = new File(basedir, 'target/surefire-reports')
assert reports.list().sort() == ['TEST-example.com.crossqemu.arch-linux-arm64.xml', 'TEST-example.com.crossqemu.arch.xml']
def parse = { name -> DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(new File(reports, name)).documentElement }
def names = { suite -> def nodes = suite.getElementsByTagName('testcase'); (0..<nodes.length).collect { nodes.item(it).getAttribute('name') } }

def arm64 = parse('TEST-example.com.crossqemu.arch-linux-arm64.xml')
assert arm64.getAttribute('name') == 'example.com/crossqemu/arch (linux/arm64)'
assert ['tests', 'failures', 'errors', 'skipped'].collect { arm64.getAttribute(it) } == ['2', '0', '0', '0']
assert names(arm64).sort() == ['TestAddInC', 'TestRunsAsArm64']

def host = parse('TEST-example.com.crossqemu.arch.xml')
assert host.getAttribute('name') == 'example.com/crossqemu/arch'
assert names(host) == ['TestAddInC']
return true
