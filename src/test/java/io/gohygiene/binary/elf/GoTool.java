package io.gohygiene.binary.elf;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;

/** {@code go tool buildid}, the reference for the Go build ID note. */
final class GoTool {

    private GoTool() {
    }

    /** Raw output of {@code go tool buildid FILE} without the final newline (raw bytes: for a C file it is the GNU build ID). */
    static byte[] buildId(Path file) throws IOException, InterruptedException {
        Process p = new ProcessBuilder("go", "tool", "buildid", file.toString())
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        p.getOutputStream().close();
        byte[] out = p.getInputStream().readAllBytes();
        if (!p.waitFor(2, TimeUnit.MINUTES) || p.exitValue() != 0) {
            throw new IllegalStateException("go tool buildid " + file + " failed");
        }
        return out.length > 0 && out[out.length - 1] == '\n' ? Arrays.copyOf(out, out.length - 1) : out;
    }
}
