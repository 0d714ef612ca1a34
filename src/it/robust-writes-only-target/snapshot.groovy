import java.nio.file.Files
import java.nio.file.Path
import java.security.MessageDigest

// Where the build may write inside the project: the vendor goal owns vendor/.
def writable = ['target', 'vendor']
// The invoker's log of this very build.
def ignored = ['build.log']

// Every file and directory of the project, outside the writable ones: relative path -> what it is
// (a directory, or a file's size, modification time and SHA-256). A directory's own time is left out:
// creating target/ changes the project directory's.
return { Path project ->
    def entries = new TreeMap<String, String>()
    Files.walk(project).each { Path p ->
        def relative = project.relativize(p).toString()
        def top = relative.split('/')[0]
        if (relative.isEmpty() || top in writable || relative in ignored) {
            return
        }
        if (Files.isDirectory(p)) {
            entries[relative] = 'directory'
        } else {
            def sha = MessageDigest.getInstance('SHA-256').digest(Files.readAllBytes(p)).encodeHex().toString()
            entries[relative] = "${Files.size(p)} bytes, modified ${Files.getLastModifiedTime(p).toMillis()}, sha256 ${sha}"
        }
    }
    return entries
}
