// The GOMODCACHE invoker.properties names, ${project.build.directory}/it-gomodcache/…: emptied, so whatever go
// needs it must download, through the proxy Maven names. The plugin project's target/ is the first ancestor of this
// IT named so (the ITs run in target/it/ or, under .ci/other-mavens, target/other-mavens/<maven>/it/).
def target = basedir.canonicalFile
while (target != null && target.name != 'target') {
    target = target.parentFile
}
def cache = new File(target, 'it-gomodcache/vendor-maven-proxy-reaches-go')
if (cache.exists()) {
    cache.eachFileRecurse { it.setWritable(true) }   // the module cache is read-only
    cache.deleteDir()
}
cache.mkdirs()
return true
