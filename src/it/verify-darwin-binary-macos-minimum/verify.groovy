def log = new File(basedir, 'build.log').text
def minos = new File(basedir, 'minos.txt').text.trim()
assert log =~ /\| macos +\|.*${java.util.regex.Pattern.quote(minos)}.*\| ok +\|/ : "maxMacos=${minos} passes"
assert log =~ /target\/app \[macos\] .*${java.util.regex.Pattern.quote(minos)}/ : 'one below fails, naming the minos'
