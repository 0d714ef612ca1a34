// What a build killed with its JVM may leave beside an output: the hidden link to the old one. It is not a binary
// of the target, and verify must not read it (this one is not even an executable).
def dir = new File(basedir, 'target/go/linux_amd64')
dir.mkdirs()
new File(dir, '.app.go-hygiene-before').text = 'left over by a killed build'
return true
