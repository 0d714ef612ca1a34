// Builds ./cmd/app into target/app with the real go, in the environment build.env describes (KEY=VALUE lines).
def extra = new File(basedir, 'build.env').readLines().findAll { it.contains('=') }
def env = System.getenv().collect { k, v -> "$k=$v" } + ['GOFLAGS=-buildvcs=false'] + extra
def go = ['go', 'build', '-o', 'target/app', './cmd/app'].execute(env, basedir)
go.waitForProcessOutput(System.out, System.err)
assert go.exitValue() == 0 : 'go build failed'

// The binary's own minos (LC_BUILD_VERSION), read here so the test follows whatever this Go release emits:
// the build passes maxMacos equal to it and fails one minor version below.
def bytes = new File(basedir, 'target/app').bytes
def buf = java.nio.ByteBuffer.wrap(bytes).order(java.nio.ByteOrder.LITTLE_ENDIAN)
int ncmds = buf.getInt(16), off = 32, minos = -1
for (int i = 0; i < ncmds; i++) {
    int cmd = buf.getInt(off), size = buf.getInt(off + 4)
    if (cmd == 0x32) { minos = buf.getInt(off + 12) }
    off += size
}
assert minos > 0 : 'LC_BUILD_VERSION found'
int major = minos >>> 16, minor = (minos >>> 8) & 0xff
new File(basedir, 'equal.properties').text = "go-hygiene.maxMacos=${major}.${minor}\n"
def below = minor > 0 ? "${major}.${minor - 1}" : "${major - 1}.9"
new File(basedir, 'below.properties').text = "go-hygiene.maxMacos=${below}\n"
new File(basedir, 'minos.txt').text = "${major}.${minor}"
return true
