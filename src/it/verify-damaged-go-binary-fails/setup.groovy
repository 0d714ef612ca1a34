// Builds ./cmd/app with the real go (build.env: KEY=VALUE lines), then damages it as the hostile-file run did:
// target/app with its build-info magic zeroed, target/app-no-phdrs with e_phnum = 0 (nothing the kernel could load).
def extra = new File(basedir, 'build.env').readLines().findAll { it.contains('=') }
def env = System.getenv().collect { k, v -> "$k=$v" } + ['GOFLAGS=-buildvcs=false'] + extra
def go = ['go', 'build', '-o', 'target/built', './cmd/app'].execute(env, basedir)
go.waitForProcessOutput(System.out, System.err)
assert go.exitValue() == 0 : 'go build failed'

byte[] built = new File(basedir, 'target/built').bytes
byte[] magic = '\u00ff Go buildinf:'.getBytes('ISO-8859-1')
byte[] noMagic = built.clone()
int zeroed = 0
for (int i = 0; i + magic.length <= noMagic.length; i += 16) {
    if (Arrays.equals(Arrays.copyOfRange(noMagic, i, i + magic.length), magic)) {
        Arrays.fill(noMagic, i, i + magic.length, (byte) 0)
        zeroed++
    }
}
assert zeroed > 0 : 'no build-info magic in the built binary'
new File(basedir, 'target/app').bytes = noMagic

byte[] noPhdrs = built.clone()
noPhdrs[0x38] = 0 // e_phnum of an ELF64 file, little-endian
noPhdrs[0x39] = 0
new File(basedir, 'target/app-no-phdrs').bytes = noPhdrs
return true
