// An empty module cache each run, so the first invocation really downloads (go's cache has read-only directories).
def cache = new File(buildDirectory(basedir), 'it-gomodcache/provision-newest-from-go-mod-toolchain')
if (cache.exists()) {
    ['chmod', '-R', 'u+w', cache.path].execute().waitFor()
    assert cache.deleteDir()
}
return true

/** The plugin build's target/ (ITs are cloned under it: target/it, or target/other-mavens/<version>/it), where
 *  invoker.properties puts the module cache as ${project.build.directory}/it-gomodcache. */
File buildDirectory(File dir) {
    def d = dir.canonicalFile
    while (d != null && d.name != 'target') {
        d = d.parentFile
    }
    assert d != null : "no target/ above ${dir}"
    return d
}
