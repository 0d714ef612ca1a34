// CI archives target/ and keeps the log: no credential of the environment may reach either.
import java.nio.file.Files

def secrets = ['ghp_ITTOKENVALUE', 'ITAWSSECRET', 'ITPROXYPASS', 'ITGOPROXYPASS']
def log = new File(basedir, 'build.log').text
assert log.contains('BUILD SUCCESS')
secrets.each { assert !log.contains(it) : "${it} in build.log" }
new File(basedir, 'target').eachFileRecurse { f ->
    if (f.isFile() && f.length() < 10_000_000) {
        def text = new String(Files.readAllBytes(f.toPath()), 'ISO-8859-1')
        secrets.each { assert !text.contains(it) : "${it} in ${f}" }
    }
}

def env = new File(basedir, 'target/go-hygiene/build-linux_amd64.env').readLines()
assert env.contains('GITHUB_TOKEN=<masked>') && env.contains('AWS_SECRET_ACCESS_KEY=<masked>')
assert env.contains('HTTPS_PROXY=http://ituser:***@127.0.0.1:9')
assert env.contains('GOOS=linux') && env.contains('GOARCH=amd64')

// The script still rebuilds the same bytes, with the credentials taken from the shell that runs it.
def binary = new File(basedir, 'target/go/linux_amd64/app')
def built = binary.bytes
assert binary.delete()
def pb = new ProcessBuilder('sh', new File(basedir, 'target/go-hygiene/build-linux_amd64.sh').path).redirectErrorStream(true)
pb.environment().clear()
pb.environment().putAll([PATH: '/usr/bin:/bin', GITHUB_TOKEN: 'ghp_ITTOKENVALUE', AWS_SECRET_ACCESS_KEY: 'ITAWSSECRET',
                         HTTPS_PROXY: 'http://ituser:ITPROXYPASS@127.0.0.1:9'])
def script = pb.start()
def output = script.inputStream.text
assert script.waitFor() == 0 : output
assert Arrays.equals(built, binary.bytes) : 'the script rebuilt different bytes'
