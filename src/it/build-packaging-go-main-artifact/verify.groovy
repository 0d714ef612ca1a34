// packaging go: the lifecycle ran every goal, and install published the binary itself as the project's artifact.
def log = new File(basedir, 'build.log').text
['toolchain (default-toolchain)', 'build (default-build)', 'test (default-test)', 'verify (default-verify)', ':install (default-install)'].each {
    // Maven 3.9 and 4 name a plugin by its prefix (install:3.1.4:install), 3.8 by its artifactId
    assert log.contains(it): "the go lifecycle did not run ${it}"
}
assert log.contains('go-hygiene: tests: 1 passed, 0 failed, 0 skipped in 1 package')
assert new File(basedir, 'target/surefire-reports/TEST-example.com.it.cmd.app.xml').isFile()
def built = new File(basedir, 'target/go/linux_amd64/app')
def dir = new File(localRepositoryPath, 'it/gohygiene/build-packaging-go-main-artifact/1.0')
def main = new File(dir, 'build-packaging-go-main-artifact-1.0.bin')
assert main.isFile(): "no main artifact in ${dir}: ${dir.list()}"
assert new File(dir, 'build-packaging-go-main-artifact-1.0-linux-amd64.bin').isFile()
assert main.bytes == built.bytes
def b = main.bytes
assert b[0] == 0x7f && b[1] == ('E' as char) && b[2] == ('L' as char) && b[3] == ('F' as char)
assert (b[18] & 0xff) == 0x3e: 'e_machine is not EM_X86_64'
// The verify goal's SBOM of the main artifact is published beside it.
assert new File(dir, 'build-packaging-go-main-artifact-1.0.cdx.json').text.contains('"specVersion" : "1.6"')
assert new File(dir, 'build-packaging-go-main-artifact-1.0.pom').text.contains('<packaging>go</packaging>')
true
