// Records the project as it is before the builds, outside the project (beside it), for verify.groovy.
def snapshot = evaluate(new File(basedir, 'snapshot.groovy'))
def before = snapshot(basedir.toPath())
new File(basedir.parentFile, "${basedir.name}.before").text = before.collect { k, v -> "${k}\t${v}" }.join('\n') + '\n'
return true
