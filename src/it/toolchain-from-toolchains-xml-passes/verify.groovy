def log = new File(basedir, 'build.log').text
def goroot = ['go', 'env', 'GOROOT'].execute().text.trim()
assert log.contains("at ${goroot}/bin/go (found via toolchains.xml (type go))")
assert log.contains('Go toolchain check passed')
