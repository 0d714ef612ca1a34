def log = new File(basedir, 'build.log').text
assert log =~ /target\/app \[buildinfo\] .*must be a Go binary but has no readable Go build info: no build-info magic/ :
        'a Go binary whose build info was zeroed fails, it is not passed as "not a Go binary"'
assert log =~ /target\/app-no-phdrs \[loadable\] .*no loadable segment/ : 'e_phnum = 0 fails the structural check'
assert log =~ /target\/app-no-phdrs \[buildinfo\] .*cannot be read/ : 'and its build info cannot be read'
def json = new groovy.json.JsonSlurper().parse(new File(basedir, 'target/go-hygiene/verify.json'))
assert json.binaries*.verdict == ['FAIL', 'FAIL'] : json.binaries*.verdict
return true
