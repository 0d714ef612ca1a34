def log = new File(basedir, 'build.log').text
assert log =~ /target\/app \[target\] .*amd64.*arm64/ : 'an amd64 binary declared linux/arm64 fails the target rule'
