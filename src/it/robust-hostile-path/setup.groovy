import java.nio.file.Files
import java.nio.file.Path
import java.nio.file.StandardCopyOption

// The module directory of pom.xml, named like shell code: made here from template/.
Path template = basedir.toPath().resolve('template')
Path project = basedir.toPath().resolve("proj with 'single' \"double\" \$(touch pwned) `touch pwned` ü ✓")
Files.walk(template).each { Path from ->
    Path to = project.resolve(template.relativize(from).toString())
    if (Files.isDirectory(from)) {
        Files.createDirectories(to)
    } else {
        Files.copy(from, to, StandardCopyOption.REPLACE_EXISTING)
    }
}
return true
