def log = new File(basedir, 'build.log').text
assert log =~ /FAIL linkage \(linkage\): / : 'the failure is reported'
assert log =~ /target\/app  linux\/amd64  FAIL: [1-9]\d* failed/
assert log.contains('BUILD SUCCESS') : 'failOn=never passes'
