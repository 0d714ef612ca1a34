// Nothing outside target/ was created, changed or deleted by two builds (toolchain, build, verify).
def snapshot = evaluate(new File(basedir, 'snapshot.groovy'))
def before = new File(basedir.parentFile, "${basedir.name}.before").readLines().collectEntries { it.split('\t', 2) as List }
def after = snapshot(basedir.toPath())

def created = (after.keySet() - before.keySet()).collect { "created ${it}: ${after[it]}" }
def deleted = (before.keySet() - after.keySet()).collect { "deleted ${it}: was ${before[it]}" }
def changed = before.keySet().intersect(after.keySet()).findAll { before[it] != after[it] }
        .collect { "changed ${it}: ${before[it]} -> ${after[it]}" }
def outside = created + deleted + changed
assert outside.isEmpty() : "written outside target/:\n  " + outside.join('\n  ')
assert before.containsKey('go.mod') && before.containsKey('internal/greeting/greeting.go') : "the snapshot saw the project: ${before.keySet()}"

// And the builds did their work, in target/.
def log = new File(basedir, 'build.log').text
assert (log =~ /BUILD SUCCESS/).count == 2
['linux_amd64/app', 'darwin_arm64/app', 'windows_amd64/app.exe', 'linux_arm64/app', 'darwin_amd64/app'].each {
    assert new File(basedir, "target/go/${it}").isFile() : it
}
assert new File(basedir, 'target/go-hygiene/verify.json').isFile()
assert new File(basedir, 'target/go-hygiene/build-linux_amd64.sh').isFile()
