def log = new File(basedir, 'build.log').text
assert log =~ /Building module-a/ && log =~ /Building module-b/ : 'the goal ran in each module'
assert log.contains('verified 1 binary') : 'module a was verified'
assert log =~ /(?s)Binary verification failed: .*app \[target\]/ : 'module b failed on its wrong-architecture binary'
assert new File(basedir, 'a/target/go-hygiene/verify.json').isFile()
assert new File(basedir, 'b/target/go-hygiene/verify.json').isFile()
return true
