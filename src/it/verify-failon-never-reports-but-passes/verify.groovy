def log = new File(basedir, 'build.log').text
assert log =~ /\| linkage +\|.*\| FAIL +\|/ : 'the failure is reported'
assert log =~ /target\/app \(linux\/amd64, linux\/amd64 ELF\): [1-9]\d* failed/
assert log.contains('BUILD SUCCESS') : 'failOn=never passes'
