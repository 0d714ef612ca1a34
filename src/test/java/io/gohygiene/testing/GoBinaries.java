package io.gohygiene.testing;

import io.gohygiene.process.CommandLine;
import io.gohygiene.process.ProcessResult;
import io.gohygiene.process.ProcessRunner;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Real executables for the tests, cross-compiled by the real go from a program under {@code src/test/go}
 * ({@code tiny}: pure Go; {@code cgo}: calls the C library) into {@code target/test-binaries/<key>/}.
 * Built once per test JVM and build.
 */
public final class GoBinaries {

    private static final Path SOURCES = Path.of("src/test/go").toAbsolutePath();
    private static final Path OUT = Path.of("target/test-binaries").toAbsolutePath();
    private static final Map<String, Path> BUILT = new ConcurrentHashMap<>();

    private GoBinaries() {
    }

    /** The tiny program built for {@code goos/goarch} with cgo off. */
    public static Path build(String goos, String goarch) {
        return build("tiny", goos, goarch, Map.of());
    }

    /** The tiny program built with {@code -ldflags=<ldflags>} ({@code -H=windowsgui}), in a directory of its own. */
    public static Path build(String goos, String goarch, String ldflags) {
        return build("tiny", goos, goarch, Map.of(), "-ldflags=" + ldflags);
    }

    /**
     * {@code program} (a directory under src/test/go) built for {@code goos/goarch} with {@code env} added to the
     * defaults (CGO_ENABLED=0 unless given; e.g. GOARM=7, or CGO_ENABLED=1 with CC) and extra {@code go build} flags.
     */
    public static Path build(String program, String goos, String goarch, Map<String, String> env, String... flags) {
        Map<String, String> environment = new TreeMap<>(Map.of("GOOS", goos, "GOARCH", goarch, "CGO_ENABLED", "0",
                "GOFLAGS", "-buildvcs=false", "GOTOOLCHAIN", "local"));
        environment.putAll(env);
        StringBuilder key = new StringBuilder(program.equals("tiny") ? "" : program + "_").append(goos).append('_').append(goarch);
        new TreeMap<>(env).forEach((name, value) -> key.append('_').append(name).append('=').append(value));
        for (String flag : flags) {
            key.append('_').append(flag);
        }
        String dir = key.toString().replaceAll("[^A-Za-z0-9_.=-]", "-");
        return BUILT.computeIfAbsent(dir, k -> compile(program, goos, goarch, environment, List.of(flags), k));
    }

    private static Path compile(String program, String goos, String goarch, Map<String, String> env, List<String> flags, String key) {
        try {
            Path dir = OUT.resolve(key);
            Files.createDirectories(dir);
            Path exe = dir.resolve(goos.equals("windows") ? program + ".exe" : program);
            List<String> argv = new ArrayList<>(List.of("go", "build", "-trimpath"));
            argv.addAll(flags);
            argv.addAll(List.of("-o", exe.toString(), "."));
            ProcessResult result = new ProcessRunner().run(CommandLine.inheriting(argv, env, SOURCES.resolve(program), Duration.ofMinutes(5)));
            if (!result.succeeded()) {
                throw new IllegalStateException("go build for " + key + " failed: " + result.diagnostics());
            }
            return exe;
        } catch (Exception e) {
            throw new IllegalStateException("cannot build the test binary " + key + " for " + goos + "/" + goarch, e);
        }
    }
}
