// An empty module cache each run, so the first invocation really downloads (go's cache has read-only directories).
def cache = new File(basedir, '../../it-gomodcache/provision-old-release-no-go-on-path').canonicalFile
if (cache.exists()) {
    ['chmod', '-R', 'u+w', cache.path].execute().waitFor()
    assert cache.deleteDir()
}
return true
