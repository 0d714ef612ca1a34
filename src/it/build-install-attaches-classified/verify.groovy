def dir = new File(localRepositoryPath, 'it/gohygiene/build-install-attaches-classified/1.0')
assert new File(dir, 'build-install-attaches-classified-1.0-linux-amd64.bin').isFile()
assert new File(dir, 'build-install-attaches-classified-1.0-windows-amd64.exe').isFile()
