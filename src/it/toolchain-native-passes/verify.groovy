def log = new File(basedir, 'build.log').text
assert log.contains('| check') && log.contains('| verdict |') : 'the findings table is printed'
assert log =~ /\| hostArchitecture\s+\|.*\| ok\s+\|/ : 'the go executable is native'
assert log =~ /\| goVersion\s+\| installed go\s+\| go1\.\d+/ : 'the version row shows the installed go'
assert log.contains('found via PATH') : 'the report says which source named go'
assert log =~ /Go toolchain check passed: 0 failures, \d+ warnings \([\d.]+ (ms|s)\)/ : 'the step ends with its time'
assert log.contains('BUILD SUCCESS')
