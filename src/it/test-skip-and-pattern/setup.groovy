// A new stamp per IT run: the first test run is go's own, not an earlier IT run's cached result.
new File(basedir, 'two/stamp.txt').text = "${System.nanoTime()}\n"
return true
