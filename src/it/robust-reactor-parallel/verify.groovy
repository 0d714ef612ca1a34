import groovy.json.JsonSlurper

// Run 1: -T 4 clean verify (reports in target/go-hygiene); run 2: -T 1 verify (reports in target/go-hygiene-serial).
def log = new File(basedir, 'build.log').text
def modules = ['alpha', 'bravo', 'charlie', 'delta']
def targets = ['linux/amd64', 'linux/arm64', 'windows/amd64']

assert log.contains('thread count of 4') : 'the first run builds the reactor with -T 4'
assert !log.contains('not marked as @threadSafe') && !log.contains('not thread-safe') : 'every goal is threadSafe'
assert (log =~ /BUILD SUCCESS/).count == 2 : 'both runs succeed'

modules.each { m ->
    def parallel = new File(basedir, "${m}/target/go-hygiene/verify.json")
    def serial = new File(basedir, "${m}/target/go-hygiene-serial/verify.json")
    assert parallel.isFile() && serial.isFile() : "${m}: both runs wrote verify.json"
    def report = new JsonSlurper().parse(parallel)
    // Each module's report is about its own binaries, one per target, and they pass.
    assert report.binaries*.target.sort() == targets.sort() : "${m}: ${report.binaries*.target}"
    report.binaries.each { b ->
        assert b.verdict != 'FAIL' : "${m} ${b.file}: ${b.findings}"
        assert b.inspection.file.contains("/${m}/target/go/") : "${m}: a report of another module's binary: ${b.inspection.file}"
        assert b.inspection.images[0].buildInfo.main.path == "example.com/${m}" : "${m}: ${b.inspection.images[0].buildInfo.main}"
    }
    // Same paths in both runs, so the reports must be equal byte for byte; they hold no timings.
    assert parallel.text == serial.text : "${m}: -T 4 and -T 1 reports differ"
    targets.each { t ->
        def key = t.replace('/', '_')
        assert new File(basedir, "${m}/target/go-hygiene/build-${key}.sh").isFile() : "${m}: build-${key}.sh"
    }
}
// The serial run rebuilt every binary and found the bytes the parallel run had written.
def unchanged = (log =~ /: built in .* \(unchanged\)/).count
assert unchanged == modules.size() * targets.size() : "${unchanged} unchanged builds in the serial run, expected ${modules.size() * targets.size()}"
