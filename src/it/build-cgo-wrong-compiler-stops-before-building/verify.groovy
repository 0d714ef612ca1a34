def log = new File(basedir, 'build.log').text
def triple = ['gcc', '-dumpmachine'].execute().text.trim()
assert log.contains('C compilers do not match their cgo targets; nothing was built')
assert log.contains("the C compiler gcc targets ${triple}")
assert !log.contains('linux/arm64: building') : 'stopped before any go build started'
assert !new File(basedir, 'target/go/linux_arm64/app').exists()
