def log = new File(basedir, 'build.log').text
assert log =~ /provisioning go1\.21\.13 for linux\/amd64 \(golang\.org\/toolchain@v0\.0\.1-go1\.21\.13\.linux-amd64\): golang\.org\/toolchain@v0\.0\.1-go1\.21\.13\.linux-amd64 is not in the module cache \S+provision-offline-empty-cache-fails, and the build is offline \(-o\)/
assert log.contains('hint: run the build once without -o to download it')
assert !log.contains('at io.gohygiene') : 'no stack trace'
