// Issue 16.2: no <cc> on a linux/arm64 cgo target; the build goal would use aarch64-linux-gnu-gcc from PATH, so the gate checks that.
def log = new File(basedir, 'build.log').text
assert log =~ /\| cgoCompiler\s+\| linux\/arm64 \(cgo\)\s+\| aarch64-linux-gnu-gcc \(no <cc>: found on\s+\|.*\| ok\s+\|/ :
        'the cgoCompiler row names the cross compiler it chose and passes'
assert log =~ /\|\s+PATH\) → aarch64-linux-gnu\s+\|/ : 'and what that compiler targets'
assert !log.contains('targets x86_64-linux-gnu') : 'the host gcc is not what is checked'
assert log.contains('Go toolchain check passed: 0 failures')
assert log.contains('BUILD SUCCESS')
