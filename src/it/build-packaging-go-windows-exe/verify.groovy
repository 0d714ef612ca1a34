// A single Windows target: the project's artifact is an .exe, a PE32+ for x86-64.
def dir = new File(localRepositoryPath, 'it/gohygiene/build-packaging-go-windows-exe/1.0')
def main = new File(dir, 'build-packaging-go-windows-exe-1.0.exe')
assert main.isFile(): "no .exe main artifact in ${dir}: ${dir.list()}"
assert !new File(dir, 'build-packaging-go-windows-exe-1.0.bin').exists()
def b = main.bytes
assert b[0] == ('M' as char) && b[1] == ('Z' as char)
int pe = (b[0x3c] & 0xff) | ((b[0x3d] & 0xff) << 8)
assert new String(b, pe, 4, 'ISO-8859-1') == 'PE\0\0'
assert ((b[pe + 4] & 0xff) | ((b[pe + 5] & 0xff) << 8)) == 0x8664: 'machine is not AMD64'
assert ((b[pe + 24] & 0xff) | ((b[pe + 25] & 0xff) << 8)) == 0x20b: 'not PE32+'
true
