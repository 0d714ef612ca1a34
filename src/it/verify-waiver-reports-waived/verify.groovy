def log = new File(basedir, 'build.log').text
assert log =~ /waived glibc \(GLIBC\): / : 'the violation is reported as waived'
assert log.contains('waived: ships only to hosts with Debian 12 (TICKET-42)')
assert log.contains('BUILD SUCCESS')
