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

    /** GOHOSTOS/GOHOSTARCH of that go: the platform its builds are native for. */
    public static io.gohygiene.platform.Platform hostPlatform() {
        try {
            Process p = new ProcessBuilder(executable().toString(), "env", "GOHOSTOS", "GOHOSTARCH").redirectErrorStream(true).start();
            String[] lines = new String(p.getInputStream().readAllBytes()).strip().split("\\s+");
            if (p.waitFor() != 0 || lines.length != 2) {
                throw new IllegalStateException("go env GOHOSTOS GOHOSTARCH said: " + String.join(" ", lines));
            }
            return new io.gohygiene.platform.Platform(lines[0], lines[1]);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
