import groovy.json.JsonSlurper

def log = new File(basedir, 'build.log').text
['linux/amd64', 'linux/arm64', 'darwin/arm64', 'windows/amd64'].each { t ->
    assert log =~ /${t}: building/ && log =~ /${t}: built in [\d.]+ (ms|s) -> target\/go\// : "one line when ${t} starts and one when it ends"
}
assert log =~ /linux\/amd64: built in .* \(unchanged\)/ : 'the second build rewrites nothing'
assert log =~ /go-hygiene: 4 target\(s\) built in [\d.]+ (ms|s)\n/ : 'the first build ends with one line and its time'
assert log =~ /go-hygiene: 4 target\(s\) built in [\d.]+ (ms|s), every output unchanged/ : 'the second says nothing changed'
assert log =~ /go-hygiene: reports \[.*\] \(unchanged\)/ : 'the second run leaves the reports as they are'
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
