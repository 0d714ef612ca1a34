package io.gohygiene.testing;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;

/** The go executable on this JVM's PATH, for tests that run the core with a real go. */
public final class GoOnPath {

    private GoOnPath() {
    }

    public static Path executable() {
        for (String dir : System.getenv("PATH").split(File.pathSeparator)) {
            Path go = Path.of(dir, "go");
            if (Files.isExecutable(go)) {
                return go;
            }
        }
        throw new IllegalStateException("no go on PATH");
    }
}
