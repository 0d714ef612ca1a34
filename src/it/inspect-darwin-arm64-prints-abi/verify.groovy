import groovy.json.JsonSlurper

def log = new File(basedir, 'build.log').text
assert log =~ /target\/app: darwin\/arm64 Mach-O \(\d+ bytes\)/ : 'format and architecture'
assert log =~ /mach-o +64-bit MH_EXECUTE, arm64/
assert log =~ /platform +MACOS minos \d+\.\d+ sdk/ : 'the macOS minimum'
assert log =~ /dylib +\/usr\/lib\/libSystem\.B\.dylib/
assert log =~ /signature +adhoc, linker-signed/ : 'the ad-hoc signature the Go linker adds'
assert log =~ /go +go1\.\d+/ && log =~ /path +example\.com\/it\/cmd\/app/ && log =~ /build +GOARCH=arm64/ : 'the Go build info'

def json = new JsonSlurper().parse(new File(basedir, 'target/app.json'))
assert json.format == 'MACHO'
assert json.images[0].goos == 'darwin' && json.images[0].goarch == 'arm64'
assert json.images[0].macho.buildVersion.minos ==~ /\d+\.\d+/
assert json.images[0].macho.dylibs*.name.contains('/usr/lib/libSystem.B.dylib')
assert json.images[0].buildInfo.settings.find { it.key == 'GOOS' }.value == 'darwin'

assert log =~ /not inspectable: .*go\.mod at offset 0: unknown magic/ : 'a non-binary names the file and why'

assert log =~ /"format" : "MACHO"/ : 'under -q the JSON report is still printed'
assert log.contains('nothing to inspect: name a binary or a directory with -Dgo-hygiene.file=<path>') : 'a missing property is named'
assert !log.contains("parameters 'file'") : "not Maven's generic message"
