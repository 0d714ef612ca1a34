package io.gohygiene.testing;

import io.gohygiene.process.CommandLine;
import io.gohygiene.process.ProcessResult;
import io.gohygiene.process.ProcessRunner;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;

/**
 * Go's own test corpus of real binaries, in the installed toolchain's {@code $(go env GOROOT)/src/debug/...}.
 * Some files are stored base64-encoded (so Apple's notarization does not see Mach-O files in the toolchain) or
 * gzip-compressed; {@link #decoded} turns them back into the binary.
 */
public final class GoTestdata {

    private static Path goroot;

    private GoTestdata() {
    }

    public static synchronized Path goroot() {
        if (goroot == null) {
            try {
                ProcessResult result = new ProcessRunner().run(CommandLine.inheriting(List.of("go", "env", "GOROOT"),
                        Map.of("GOTOOLCHAIN", "local"), Path.of(".").toAbsolutePath(), Duration.ofMinutes(1)));
                if (!result.succeeded()) {
                    throw new IllegalStateException("go env GOROOT failed: " + result.diagnostics());
                }
                goroot = Path.of(result.stdout().strip());
            } catch (Exception e) {
                throw new IllegalStateException("cannot ask go for GOROOT", e);
            }
        }
        return goroot;
    }

    /** {@code GOROOT/src/debug/<package>/testdata}. */
    public static Path directory(String debugPackage) {
        return goroot().resolve("src/debug").resolve(debugPackage).resolve("testdata");
    }

    /** The binary a corpus file holds, written to {@code dir} if it had to be decoded ({@code .base64}, {@code .gz}). */
    public static Path decoded(Path file, Path dir) {
        String name = file.getFileName().toString();
        try {
            if (name.endsWith(".base64")) {
                byte[] text = Files.readAllBytes(file);
                Path out = dir.resolve(name.substring(0, name.length() - ".base64".length()));
                Files.write(out, Base64.getMimeDecoder().decode(text));
                return out;
            }
            if (name.endsWith(".gz")) {
                Path out = dir.resolve(name.substring(0, name.length() - ".gz".length()));
                try (InputStream in = new GZIPInputStream(Files.newInputStream(file))) {
                    Files.write(out, in.readAllBytes());
                }
                return out;
            }
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot decode " + file, e);
        }
    }
}
