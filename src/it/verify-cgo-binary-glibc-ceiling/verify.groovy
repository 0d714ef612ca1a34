def log = new File(basedir, 'build.log').text
// The highest GLIBC_ version this machine's glibc makes the binary need, as readelf sees it.
def versions = (['readelf', '-V', '-W', new File(basedir, 'target/app').path].execute().text =~ /Name: GLIBC_(\d+)\.(\d+)/)
        .collect { [it[1] as int, it[2] as int] }
def highest = versions.max { a, b -> a[0] <=> b[0] ?: a[1] <=> b[1] }
def name = "GLIBC_${highest[0]}.${highest[1]}"
assert log =~ /target\/app \[glibc\] .*${java.util.regex.Pattern.quote(name)}.*2\.17/ : "names ${name} and the ceiling"
assert log =~ /\| glibc +\|.*\| ok +\|/ : 'maxGlibc=2.40 passes'
