def log = new File(basedir, 'build.log').text
def installed = (['go', 'version'].execute(['GOTOOLCHAIN=local'], null).text =~ /go\d+\.\d+(\.\d+)?/)[0][0]
assert log.contains("installed go is ${installed}, which is not in goVersion [99,)") : "names the installed ${installed}"
assert log.contains('hint: install a Go release in [99,)')
