import groovy.json.JsonSlurper
import java.nio.file.Files
import java.nio.file.Path

def name = "proj with 'single' \"double\" \$(touch pwned) `touch pwned` ü ✓"
Path project = basedir.toPath().resolve(name)
def log = new File(basedir, 'build.log').text
assert log.contains('BUILD SUCCESS')
assert log.contains('Go toolchain check passed')

// The binaries carry the hostile name through <name> (go itself would name them hostile, after example.com/hostile).
Path linux = project.resolve("target/go/linux_amd64/${name}")
Path windows = project.resolve("target/go/windows_amd64/${name}.exe")
assert Files.isRegularFile(linux) && Files.isRegularFile(windows) : "binaries under ${project.resolve('target/go')}"

def report = new JsonSlurper().parse(project.resolve('target/go-hygiene/verify.json').toFile())
assert report.binaries*.file.sort() == ["target/go/linux_amd64/${name}", "target/go/windows_amd64/${name}.exe"].collect { it.toString() }
assert report.binaries*.verdict == ['WARN', 'WARN'] : report.binaries*.verdict
// SARIF names each binary by a relative URI: percent-encoded, and decoding it gives the name back.
def sarif = new JsonSlurper().parse(project.resolve('target/go-hygiene/verify.sarif').toFile())
def uris = sarif.runs[0].results*.locations*.getAt(0)*.physicalLocation*.artifactLocation*.uri.unique().sort()
assert uris.size() == 2 : "a warning for each binary: ${uris}"
assert uris.every { new URI(it).rawPath == it && !it.contains(' ') } : "not percent-encoded: ${uris}"
assert uris.collect { new URI(it).path } == ["target/go/linux_amd64/${name}", "target/go/windows_amd64/${name}.exe"].collect { it.toString() }
def junit = javax.xml.parsers.DocumentBuilderFactory.newInstance().newDocumentBuilder()
        .parse(project.resolve('target/go-hygiene/TEST-go-hygiene.xml').toFile())
assert junit.documentElement.tagName in ['testsuite', 'testsuites'] : 'the JUnit report is well-formed XML'

// -ldflags -X carried the text through argv: the program prints it rather than a shell running it.
def run = new ProcessBuilder(linux.toString()).redirectErrorStream(true).start()
assert run.inputStream.text.strip() == '$(touch pwned)'
assert run.waitFor() == 0

// The reproduction script, run by /bin/sh, rebuilds the same bytes.
byte[] built = Files.readAllBytes(linux)
Files.delete(linux)
def script = new ProcessBuilder('sh', project.resolve('target/go-hygiene/build-linux_amd64.sh').toString())
        .directory(basedir).redirectErrorStream(true).start()
def scriptOutput = script.inputStream.text
assert script.waitFor() == 0 : scriptOutput
assert Arrays.equals(built, Files.readAllBytes(linux)) : 'the script rebuilt different bytes'

// Nothing ran the commands hidden in the names: no file called pwned here, where Maven ran, or in the temp dir.
def pwned = []
Files.walk(basedir.toPath()).each { if (it.fileName.toString() == 'pwned') pwned << it }
[System.getProperty('user.dir'), System.getProperty('java.io.tmpdir'), System.getProperty('user.home')].each {
    if (Files.exists(Path.of(it, 'pwned'))) pwned << Path.of(it, 'pwned')
}
assert pwned.isEmpty() : "a shell ran a command from a name: ${pwned}"
