def log = new File(basedir, 'build.log').text
assert log.contains('provisioning go1.21.13 for linux/amd64 (golang.org/toolchain@v0.0.1-go1.21.13.linux-amd64): ')
assert log.contains("(through Maven's HTTP proxy 127.0.0.1:9 as ci)") : 'the download went through the proxy of settings.xml'
assert log.contains('hint: check the network path to the proxy')
assert !log.contains('s3cret-proxy-pass') : 'the proxy password is never printed'
assert !log.contains('\tat io.gohygiene')
true
