def log = new File(basedir, 'build.log').text
def runs = log.split(/Total time:/)
assert runs.size() == 3 : "two runs in build.log, found ${runs.size() - 1}"
def (first, second) = [runs[0], runs[1]]
[first, second].each { assert it.contains('BUILD SUCCESS') }
// One warning for the whole build, not one per object.
def warnings = first.readLines().findAll { it.contains('[WARNING]') }
assert warnings.size() == 1 : warnings
assert warnings[0].contains('the remote cache http://127.0.0.1:9/go-cache/ is unreachable')
assert warnings[0].contains('the rest of this go command uses the local cache only')
assert first =~ /linux\/amd64: remote cache: 0 hits \(0 from the server\), [1-9]\d* misses, 0 B down, 0 B up, /
// The second run: everything from the local disk tier (the server is still unreachable, and said so once).
def hits = (second =~ /linux\/amd64: remote cache: ([1-9]\d*) hits \(0 from the server\), (\d+) miss/)
assert hits.find() : second
assert (hits.group(2) as int) <= 1
assert new File(basedir, 'target/cache').isDirectory()
assert new File(basedir, 'target/go/linux_amd64/app').path.execute().text == 'built through the remote cache\n'
