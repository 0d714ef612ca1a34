// The proxy of Maven's settings.xml reached go: its download went to 127.0.0.1:9 and was refused there.
def log = new File(basedir, 'build.log').text
assert log =~ /proxyconnect tcp: dial tcp 127\.0\.0\.1:9/ : 'go did not use the proxy from settings.xml'
assert log.contains('hint:') : 'the failure says what to do'
assert log.contains("go-hygiene: go downloads through Maven's proxy 'corporate' (HTTPS_PROXY=http://127.0.0.1:9, NO_PROXY=.intranet.example,localhost)")
assert !new File(basedir, 'vendor').exists() : 'no vendor/ from a failed vendoring'
assert !log.contains('\tat io.gohygiene')
true
