def log = new File(basedir, 'build.log').text
def triple = ['gcc', '-dumpmachine'].execute().text.trim()
assert log.contains("the C compiler gcc targets ${triple}") : "names the compiler's triple ${triple}"
assert log.contains('not linux/arm64')
assert log.contains('aarch64-linux-gnu-gcc') : 'the hint names the cross compiler to use'
