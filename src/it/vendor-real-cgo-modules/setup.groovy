// The GOCACHE invoker.properties names, ${project.build.directory}/it-gocache/…: the plugin project's target/,
// the first ancestor of this IT named so (the ITs run in target/it/ or, under .ci/other-mavens,
// target/other-mavens/<maven>/it/).
def target = basedir.canonicalFile
while (target != null && target.name != 'target') {
    target = target.parentFile
}
def cache = new File(target, 'it-gocache/vendor-real-cgo-modules')
cache.deleteDir()
cache.mkdirs()
new File(basedir, 'gocache.txt').text = cache.path
return true
