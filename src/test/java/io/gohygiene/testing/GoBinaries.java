package io.gohygiene.testing;

import io.gohygiene.process.CommandLine;
import io.gohygiene.process.ProcessResult;
import io.gohygiene.process.ProcessRunner;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Real executables for the tests, cross-compiled by the real go from {@code src/test/go/tiny} into
 * {@code target/test-binaries/<goos>_<goarch>/}. Built once per test JVM and platform.
 */
public final class GoBinaries {

    private static final Path SOURCE = Path.of("src/test/go/tiny").toAbsolutePath();
    private static final Path OUT = Path.of("target/test-binaries").toAbsolutePath();
    private static final Map<String, Path> BUILT = new ConcurrentHashMap<>();

    private GoBinaries() {
    }

    /** The tiny program built for {@code goos/goarch} with cgo off. */
    public static Path build(String goos, String goarch) {
        return BUILT.computeIfAbsent(goos + "_" + goarch, key -> compile(goos, goarch, key, ""));
    }

    /** The tiny program built with {@code -ldflags=<ldflags>} ({@code -H=windowsgui}), in a directory of its own. */
    public static Path build(String goos, String goarch, String ldflags) {
        String key = goos + "_" + goarch + "_" + ldflags.replaceAll("[^A-Za-z0-9]+", "_");
        return BUILT.computeIfAbsent(key, k -> compile(goos, goarch, k, ldflags));
    }

    private static Path compile(String goos, String goarch, String key, String ldflags) {
        try {
            Path dir = OUT.resolve(key);
            Files.createDirectories(dir);
            Path exe = dir.resolve(goos.equals("windows") ? "tiny.exe" : "tiny");
            Map<String, String> env = Map.of("GOOS", goos, "GOARCH", goarch, "CGO_ENABLED", "0",
                    "GOFLAGS", "-buildvcs=false", "GOTOOLCHAIN", "local");
            ProcessResult result = new ProcessRunner().run(CommandLine.inheriting(
                    List.of("go", "build", "-trimpath", "-ldflags=" + ldflags, "-o", exe.toString(), "."), env, SOURCE,
                    Duration.ofMinutes(5)));
            if (!result.succeeded()) {
                throw new IllegalStateException("go build for " + goos + "/" + goarch + " failed: " + result.diagnostics());
            }
            return exe;
        } catch (Exception e) {
            throw new IllegalStateException("cannot build the test binary for " + goos + "/" + goarch, e);
        }
    }
}
