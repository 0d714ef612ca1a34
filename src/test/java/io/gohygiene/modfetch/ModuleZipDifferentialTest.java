package io.gohygiene.modfetch;

import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Real modules of varied shape, downloaded by go itself: the Java hash of go's zip is go's Sum, unpacking it returns
 * that Sum, and the unpacked tree is go's extracted one file for file.
 */
class ModuleZipDifferentialTest {

    @TempDir
    Path temp;

    @ParameterizedTest
    @ValueSource(strings = {
            "rsc.io/quote@v1.5.2",                                  // the smallest, with a go.mod
            "golang.org/x/text@v0.21.0",                            // large, testdata, non-ASCII content
            "github.com/BurntSushi/toml@v1.4.0",                    // upper case in the module path (escaped in the cache)
            "github.com/mattn/go-sqlite3@v1.14.24",                 // vendored C: the 9 MB sqlite3 amalgamation
            "golang.org/x/sys@v0.28.0",                             // thousands of files, generated code
            "golang.org/x/mod@v0.22.0",                             // zip testdata (txtar archives of hostile zips)
            "github.com/google/uuid@v1.6.0",
            "gopkg.in/yaml.v3@v3.0.1",                              // gopkg.in with .vN
            "github.com/stretchr/testify@v1.10.0",
            "github.com/Azure/go-autorest/autorest@v0.11.29",       // a module in a subdirectory of its repository
            "github.com/sirupsen/logrus@v1.9.3",
            "golang.org/x/net@v0.33.0",                             // large, testdata with upper-case file names
            "github.com/klauspost/compress@v1.17.11",               // binary testdata (compressed corpora)
            "github.com/golang/protobuf@v1.5.4",
            "github.com/dgrijalva/jwt-go@v3.2.0+incompatible",      // +incompatible, no go.mod
    })
    void theJavaHashAndUnpackAgreeWithGo(String moduleAtVersion) throws Exception {
        assumeTrue(GoModDownload.unavailableReason().isEmpty(), () -> GoModDownload.unavailableReason().orElse(""));
        GoModDownload go = GoModDownload.of(moduleAtVersion);

        assertEquals(go.sum(), DirHash.hashZip(go.zip()), "DirHash.hashZip of go's zip");

        Path into = temp.resolve("unpacked");
        try {
            assertEquals(go.sum(), ModuleZip.unpack(go.zip(), go.path(), go.version(), into), "the h1 of what unpack wrote");
            assertEquals(files(go.dir()), files(into), "the files unpacked, by name");
            for (String name : files(into).keySet()) {
                Path file = into.resolve(name);
                assertEquals(-1L, Files.mismatch(go.dir().resolve(name), file), () -> name + " differs from go's");
                assertEquals("r--r--r--", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)), name);
            }
            ModuleZip.makeReadOnly(into);
            assertEquals("r-xr-xr-x", PosixFilePermissions.toString(Files.getPosixFilePermissions(into)));
        } finally {
            if (Files.exists(into)) {
                ModuleZip.makeWritable(into);
            }
        }
    }

    /** Relative name to size of every regular file under dir. */
    static TreeMap<String, Long> files(Path dir) throws IOException {
        TreeMap<String, Long> sizes = new TreeMap<>();
        List<Path> found = new ArrayList<>();
        try (Stream<Path> walk = Files.walk(dir)) {
            walk.filter(Files::isRegularFile).forEach(found::add);
        }
        for (Path file : found) {
            sizes.put(dir.relativize(file).toString(), Files.size(file));
        }
        assertTrue(Files.isDirectory(dir), dir + " is a directory");
        return sizes;
    }
}
