import groovy.json.JsonSlurper

def log = new File(basedir, 'build.log').text
assert log.contains('BUILD SUCCESS')

// go build names a binary after its import path: example.com/netcli/v2 -> netcli; <name> replaces that for the helper.
def outputs = { String key -> new File(basedir, "target/go/${key}").list().findAll { !it.startsWith('.') }.sort() }
assert outputs('linux_amd64') == ['netcli', 'netcli-helper'] : outputs('linux_amd64')
assert outputs('windows_amd64') == ['netcli-helper.exe', 'netcli.exe'] : outputs('windows_amd64')
assert !log.contains('linux_amd64/workspace') && !log.contains('linux_amd64/helper') : 'the checkout directory and go\'s name for the helper are not used'

def json = new JsonSlurper().parse(new File(basedir, 'target/go-hygiene/verify.json'))
def verified = json.binaries*.file.collect { basedir.toPath().relativize(basedir.toPath().resolve(it)).toString() }.sort()
assert verified == ['target/go/linux_amd64/netcli', 'target/go/linux_amd64/netcli-helper',
                    'target/go/windows_amd64/netcli-helper.exe', 'target/go/windows_amd64/netcli.exe'] : verified
assert json.binaries.every { it.verdict != 'FAIL' }

// Each file holds its own program.
['netcli', 'netcli-helper'].each { name ->
    def p = [new File(basedir, "target/go/linux_amd64/${name}").path].execute()
    def out = new ByteArrayOutputStream()
    p.waitForProcessOutput(out, out)
    assert out.toString().trim() == name
}
true
