import groovy.json.JsonSlurper

def log = new File(basedir, 'build.log').text
// The first run asks for details (-Dgo-hygiene.details): a line when each target starts and one when it ends.
// Each Maven run ends with its "Total time:" line (Maven 3.9 and 4 print more than 3.8 before a run starts).
def runs = log.split(/Total time:/)
assert runs.size() == 3 : "two runs in build.log, found ${runs.size() - 1}"
def (first, second) = [runs[0], runs[1]]
['linux/amd64', 'linux/arm64', 'darwin/arm64', 'windows/amd64'].each { t ->
    assert first =~ /${t}: building/ && first =~ /${t}: built in [\d.]+ (ms|s) -> target\/go\// : "one line when ${t} starts and one when it ends"
}
assert first =~ /go-hygiene: 4 target\(s\) built in [\d.]+ (ms|s) with go\S+ \S+\n/ : 'the first build ends with one line and its time'
assert first =~ /\| target +\| / : 'with details, the whole verify table'
// The second run, without details and with nothing changed: one line for the build, one per binary, the total.
assert second =~ /go-hygiene: 4 target\(s\) built in [\d.]+ (ms|s) with go\S+ \S+, every output unchanged/ : 'the second says nothing changed'
assert !(second =~ /: building|: built in/) : 'no per-target lines when nothing changed'
assert !(second =~ /\| target +\| /) : 'no table rows without details'
assert !second.contains('go-hygiene: reports') : 'unchanged reports are not announced'
assert second =~ /target\/go\/linux_amd64\/app  linux\/amd64  PASS: 0 failed, 0 warnings, 0 waived/
assert second =~ /go-hygiene: verified 4 binaries in [\d.]+ (ms|s): 0 failed, 0 warnings, 0 waived/
// The binary inspection core, through the verify goal's report, says what each output is.
def json = new JsonSlurper().parse(new File(basedir, 'target/go-hygiene/verify.json'))
def seen = json.binaries.collectEntries { [(it.file): it.inspection.images[0].goos + '/' + it.inspection.images[0].goarch + ' ' + it.inspection.format] }
assert seen['target/go/linux_amd64/app'] == 'linux/amd64 ELF'
assert seen['target/go/linux_arm64/app'] == 'linux/arm64 ELF'
assert seen['target/go/darwin_arm64/app'] == 'darwin/arm64 MACHO'
assert seen['target/go/windows_amd64/app.exe'] == 'windows/amd64 PE'
assert json.binaries.every { it.verdict != 'FAIL' }
assert new File(basedir, 'target/go-hygiene/build-linux_arm64.sh').canExecute() : 'the command is written out to re-run by hand'
assert new File(basedir, 'target/go-hygiene/build-linux_arm64.env').text.contains('GOARCH=arm64')
assert !log.contains('.go-hygiene-before') : 'verify read a hidden leftover as a binary'
assert !new File(basedir, 'target/go/linux_amd64/.app.go-hygiene-before').exists() : 'the next build of the target removes it'
true
