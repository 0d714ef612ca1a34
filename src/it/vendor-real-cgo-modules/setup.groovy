def cache = new File(basedir, '../../it-gocache/vendor-real-cgo-modules').canonicalFile
cache.deleteDir()
cache.mkdirs()
new File(basedir, 'gocache.txt').text = cache.path
return true
