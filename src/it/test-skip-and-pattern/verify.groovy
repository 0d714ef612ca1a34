// -DskipTests skips with one line; a -Dtest that matches nothing with -DfailIfNoTests=true fails the build, and so
// does one without it (Surefire's failIfNoSpecifiedTests, on by default), unless -Dsurefire.failIfNoSpecifiedTests=false
// makes it a warning;
// -Dtest=TestOne runs only TestOne (go test -run TestOne); the same run again is answered by go's test cache and
// says so; -Dtest=!TestOne runs every test but TestOne (go test -skip); -Dtest=two#TestTwo runs ./two with -run ^TestTwo$.
import javax.xml.parsers.DocumentBuilderFactory

def log = new File(basedir, 'build.log').text
// Maven 3.8 names the plugin by its artifactId in the mojo line, Maven 3.9 and 4 by its prefix (go-hygiene).
def runs = log.split(/--- go-hygiene(?:-maven-plugin)?:[^:]+:test \(default\)/).drop(1)
assert runs.size() == 8 : "eight invocations of the test goal, found ${runs.size()}"
assert runs[0].contains('go-hygiene: tests skipped')
assert !runs[0].contains('go-hygiene: tests:')
assert runs[1].contains('go-hygiene: no tests ran in ./... matching -Dtest=NoSuchTest and -DfailIfNoTests=true; add tests, or check <testPackages> and -Dtest')
assert runs[1].contains('BUILD FAILURE')
assert runs[2].contains('go-hygiene: no tests ran in ./... matching -Dtest=NoSuchTest: check the name (a Go regular expression over test names),'
        + ' or set -Dsurefire.failIfNoSpecifiedTests=false where a module may have no such test, as with Surefire')
assert runs[2].contains('BUILD FAILURE')
assert runs[3].contains('[WARNING] go-hygiene: no tests ran in ./... matching -Dtest=NoSuchTest')
assert runs[3].contains('BUILD SUCCESS')
assert runs[4].contains('go-hygiene: tests: 1 passed, 0 failed, 0 skipped in 1 package (0 cached')
assert runs[5].contains('go-hygiene: tests: 1 passed, 0 failed, 0 skipped in 1 package (1 cached') : 'the second identical run is cached'
assert runs[6].contains('go-hygiene: tests: 1 passed, 0 failed, 0 skipped in 1 package') : 'TestTwo alone: TestOne left out'
assert runs[7].contains('go-hygiene: tests: 1 passed, 0 failed, 0 skipped in 1 package')
def doc = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(new File(basedir, 'target/surefire-reports/TEST-example.com.pattern.two.xml'))
def cases = doc.getElementsByTagName('testcase')
assert cases.length == 1 && cases.item(0).getAttribute('name') == 'TestTwo' : 'the last run wrote the report: TestTwo only'
return true
