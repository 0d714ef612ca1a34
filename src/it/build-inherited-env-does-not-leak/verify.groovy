def log = new File(basedir, 'build.log').text
assert log =~ /target\/go\/linux_amd64\/app  linux\/amd64  (PASS|WARN): 0 failed/ : 'GOOS/GOARCH from the shell did not reach the build'
def env = new File(basedir, 'target/go-hygiene/build-linux_amd64.env').text
assert env.contains('GOOS=linux') && env.contains('GOARCH=amd64')
assert !env.contains('GOARCH=arm64') && !env.contains('GOOS=windows')
