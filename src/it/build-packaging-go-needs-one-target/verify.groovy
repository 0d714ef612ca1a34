// packaging go with two targets: one clear error before anything builds, naming what to do.
def log = new File(basedir, 'build.log').text
assert log.contains('<packaging>go</packaging> publishes one binary as the project\'s artifact, but this build makes 2 (2 target(s): linux/amd64, darwin/arm64)')
assert log.contains('hint: use <packaging>pom</packaging>, where every binary is attached with its goos-goarch classifier')
assert !new File(basedir, 'target/go').exists(): 'something was built'
assert !log.contains('\tat io.gohygiene'): 'a stack trace for a configuration mistake'
true
