// A git work tree of its own, so go would stamp vcs.* into the binary unless -buildvcs=false reaches the build.
def git = { List<String> args ->
    def p = (['git'] + args).execute(null, basedir)
    p.waitForProcessOutput(System.out, System.err)
    assert p.exitValue() == 0 : "git ${args}"
}
git(['init', '-q'])
git(['add', 'go.mod', 'cmd'])
git(['-c', 'user.name=it', '-c', 'user.email=it@example.com', 'commit', '-qm', 'it'])
return true
