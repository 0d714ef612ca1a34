def log = new File(basedir, 'build.log').text
assert log =~ /'.*fake-go\/go version' did not finish within 2\.0 s and was killed/ : 'names the command and the timeout'
def pid = new File(basedir, 'fake-go/child.pid').text.trim()
// Dead means gone, or a zombie waiting for init to reap it.
def stat = new File("/proc/${pid}/stat")
assert !stat.exists() || stat.text.split(' ')[2] == 'Z' : "the child ${pid} of the hung go was killed too"
