def log = new File(basedir, 'build.log').text
assert log.contains('no go executable found')
assert log.contains('PATH: no go in /usr/bin:/bin')
assert log.contains('hint: install Go') && log.contains('-Dgo-hygiene.go=')
