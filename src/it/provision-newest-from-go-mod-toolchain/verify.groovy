def log = new File(basedir, 'build.log').text
assert log =~ /found via provisioned golang\.org\/toolchain@v0\.0\.1-go1\.27\.4\.linux-amd64 for toolchain go1\.27\.4 in \S+go\.mod; the located \S+ is go1\.26\.\d+, older than go1\.27\.4/
assert log =~ /h1:\S+ verified against sum\.golang\.org \(signed tree of \d+ records/
assert log.contains('BUILD SUCCESS')
assert new File(basedir, 'target/go/linux_amd64/app').path.execute().text.strip() == 'built with go1.27.4'
