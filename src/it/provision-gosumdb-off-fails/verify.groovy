def log = new File(basedir, 'build.log').text
assert log.contains('provisioning go1.21.13 for linux/amd64 (golang.org/toolchain@v0.0.1-go1.21.13.linux-amd64): GOSUMDB=off: golang.org/toolchain@v0.0.1-go1.21.13.linux-amd64 cannot be checked against the checksum database')
assert log.contains('hint: unset GOSUMDB')
assert !new File(buildDirectory(basedir), 'it-gomodcache/provision-gosumdb-off-fails/golang.org').exists() : 'nothing downloaded'
assert !log.contains('at io.gohygiene') : 'no stack trace'

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
