// The clone may drop the executable bit.
new File(basedir, 'fake-go/go').setExecutable(true)
