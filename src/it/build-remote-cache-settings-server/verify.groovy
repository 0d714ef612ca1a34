// Machine A pushed with the decrypted credentials, machine B read everything back, and the password was sent only
// to the server: not in the log, not in target/ (the re-run files mask it by its name).
import java.nio.file.Files

System.properties.remove('go-hygiene.it.cacheServer')?.stop(0)
def log = new File(basedir, 'build.log').text
assert log.contains('BUILD SUCCESS')
def requests = new File(basedir, 'requests.log').readLines()
assert !requests.isEmpty() : 'the build never reached the cache server'
assert requests.every { !it.endsWith(' 401') } : "requests without the credentials: ${requests.findAll { it.endsWith(' 401') }.take(3)}"
def puts = requests.count { it.startsWith('PUT /cache/cas/') }
def hits = requests.count { it.startsWith('GET /cache/cas/') && it.endsWith(' 200') }
assert puts > 10 : "machine A pushed ${puts} objects"
assert hits > 10 : "machine B fetched ${hits} objects"

// One line per target and execution; A missed and pushed, B got everything from the server.
def lines = log.readLines().findAll { it.contains('linux/amd64: remote cache: ') }
assert lines.size() == 2 : lines
assert lines[0] =~ /0 hits \(0 from the server\), \d+ misses, 0 B down, .* up \(\d+ pushed\)/
def b = (lines[1] =~ /(\d+) hits \((\d+) from the server\), (\d+) miss/)
assert b.find() : lines[1]
assert (b.group(2) as int) > 10 && (b.group(3) as int) <= 2 : lines[1]
// The test goal: one line per execution; C compiled the test binary and pushed it, D got everything from the server
// (go test keeps its test results in the same cache: D's run may be "(cached)" from C's).
def testLines = log.readLines().findAll { it.contains('linux/amd64 tests: remote cache: ') }
assert testLines.size() == 2 : testLines
assert testLines[0] =~ /\(\d+ pushed\)/ : testLines[0]
def d = (testLines[1] =~ /(\d+) hits \((\d+) from the server\), (\d+) miss/)
assert d.find() : testLines[1]
assert (d.group(2) as int) > 0 && (d.group(3) as int) <= 2 && !testLines[1].contains('pushed') : testLines[1]
def report = new File(basedir, 'target/surefire-reports/TEST-example.com.app.cmd.app.xml')
assert report.isFile() && report.text.contains('name="TestGreeting"') : report

// http with credentials: said, once per execution (each resolves its settings).
assert log.readLines().count { it.contains('is plain http: the credentials of <server> go-cache are sent in clear text') } == 4

['ITCACHEPASS', 'U/Ax9Yz++MkHjZ5KVXHKg6He82wi7SHtf8kT4muySPw='].each { secret ->
    assert !log.contains(secret) : "${secret} in build.log"
    new File(basedir, 'target').eachFileRecurse { f ->
        if (f.isFile() && f.length() < 10_000_000) {
            assert !new String(Files.readAllBytes(f.toPath()), 'ISO-8859-1').contains(secret) : "${secret} in ${f}"
        }
    }
}
def env = new File(basedir, 'target/go-hygiene/build-linux_amd64.env').readLines()
assert env.contains('GO_HYGIENE_REMOTE_CACHE_PASSWORD=<masked>') : env.findAll { it.startsWith('GO_HYGIENE') }
assert env.any { it.startsWith('GOCACHEPROG=') && it.contains('io.gohygiene.remotecache.CacheProgram') }
def binary = new File(basedir, 'target/go/linux_amd64/app')
assert binary.path.execute().text == 'built through the remote cache\n'
