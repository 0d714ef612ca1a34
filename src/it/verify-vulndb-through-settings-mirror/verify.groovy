// The vulnerability database came through the settings.xml mirror, with its <server>'s credentials, and was still
// verified against the checksum database; GOPROXY (unreachable) was never asked; the password is nowhere.
System.properties.remove('go-hygiene.it.goMirror')?.stop(0)
def log = new File(basedir, 'build.log').text
assert log.contains('BUILD SUCCESS')
assert log =~ /go-hygiene: vulnerability database golang.org\/x\/vulndb@v0.0.0-20261105234957-e22db6528018, pinned, \d+ entries, verified against the checksum database, through the settings.xml mirror corp-go \(http:\/\/127.0.0.1:\d+\/go\/ as ci\)/

def requests = new File(basedir, 'requests.log').readLines()
def zip = requests.findAll { it.startsWith('/golang.org/x/vulndb/@v/v0.0.0-20261105234957-e22db6528018.zip ') }
// The JDK client sends the credentials after the challenge: one 401, then the 200.
assert zip.contains('/golang.org/x/vulndb/@v/v0.0.0-20261105234957-e22db6528018.zip 200') : requests
assert requests.any { it.startsWith('/sumdb/sum.golang.org/') && it.endsWith(' 200') } : "the checksum database was not asked through the mirror: ${requests}"
assert !log.contains('goproxy.invalid') : 'GOPROXY was asked although a mirror replaces it'

assert !log.contains('ITMIRRORPASS') : 'the mirror password is in build.log'
new File(basedir, 'target').eachFileRecurse { f ->
    if (f.isFile() && f.length() < 10_000_000) {
        assert !f.getText('ISO-8859-1').contains('ITMIRRORPASS') : "the mirror password is in ${f}"
    }
}
true
