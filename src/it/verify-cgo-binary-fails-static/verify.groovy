def log = new File(basedir, 'build.log').text
assert log.contains('Binary verification failed')
assert log =~ /target\/app \[linkage\] .*dynamic.*/ : 'the failure names the linkage rule'
assert log.contains('libc.so.6') : 'and what makes the binary dynamic'
assert log =~ /\| linkage +\|.*\| ok +\|/ : 'linkage=dynamic passes'
