def log = new File(basedir, 'build.log').text
assert log =~ /binary to verify .*target\/app does not exist/
assert log.contains('hint: build it first')
