package io.gohygiene.testing;

import io.gohygiene.process.CommandLine;
import io.gohygiene.process.ProcessResult;
import io.gohygiene.process.ProcessRunner;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Builds a Go program under {@code src/test/go} with the flags and environment a test chooses (another GOOS/GOARCH,
 * {@code -trimpath}, {@code -ldflags}, {@code -tags}, an older release through {@code GOTOOLCHAIN}), into
 * {@code target/test-binaries/<name>/}. Each named build runs once per test JVM.
 *
 * <p>Go variables from the shell are dropped; what decides the build is set here. A build with
 * {@link #toolchain(String) an older release} runs with {@code GOENV=off} (an env file may set flags an old
 * release rejects) and fetches the release once through the module proxy as a toolchain module.
 */
public final class GoBuild {

    private static final Path SOURCES = Path.of("src/test/go").toAbsolutePath();
    private static final Path OUT = Path.of("target/test-binaries").toAbsolutePath();
    private static final Map<String, Path> BUILT = new ConcurrentHashMap<>();
    private static final List<String> SHELL_GO_VARIABLES = List.of("GOOS", "GOARCH", "GOAMD64", "GOARM", "GOARM64", "GO386",
            "GOMIPS", "GOMIPS64", "GOPPC64", "CGO_ENABLED", "CC", "CXX", "CGO_CFLAGS", "CGO_CPPFLAGS", "CGO_CXXFLAGS",
            "CGO_LDFLAGS", "GOFLAGS", "GOROOT", "GOTOOLCHAIN", "GOEXPERIMENT");

    private final String program;
    private Path source;
    private final String goos;
    private final String goarch;
    private String toolchain = "local";
    private boolean cgo;
    private final List<String> flags = new ArrayList<>();
    private String goflags = "-buildvcs=false";
    private final Map<String, String> extraEnv = new TreeMap<>();

    private GoBuild(String program, String goos, String goarch) {
        this.program = program;
        this.source = SOURCES.resolve(program);
        this.goos = goos;
        this.goarch = goarch;
    }

    /** {@code program} is a directory under {@code src/test/go} ({@code tiny}, {@code withdeps}). */
    public static GoBuild of(String program, String goos, String goarch) {
        return new GoBuild(program, goos, goarch);
    }

    /** Builds a copy of the program in {@code directory} (a git repository made by the test, say) instead. */
    public GoBuild from(Path directory) {
        this.source = directory.toAbsolutePath();
        return this;
    }

    /** Builds with that release ({@code go1.17.13}) instead of the installed go. */
    public GoBuild toolchain(String release) {
        this.toolchain = release;
        return this;
    }

    public GoBuild cgo(boolean enabled) {
        this.cgo = enabled;
        return this;
    }

    /** Flags for {@code go build}, e.g. {@code -trimpath}, {@code -ldflags=-X main.v=1}, {@code -tags=foo}. */
    public GoBuild flags(String... more) {
        flags.addAll(List.of(more));
        return this;
    }

    /** The GOFLAGS variable; {@code -buildvcs=false} unless changed (old releases need it empty). */
    public GoBuild goflags(String value) {
        this.goflags = value;
        return this;
    }

    /** One more environment variable, e.g. {@code CGO_CFLAGS} (it shows in the build settings of a cgo build). */
    public GoBuild env(String name, String value) {
        extraEnv.put(name, value);
        return this;
    }

    /** A name that tells the builds apart: program, platform, toolchain and flags. */
    public String name() {
        String flagPart = flags.isEmpty() ? "" : "_" + String.join("_", flags).replaceAll("[^A-Za-z0-9.=-]+", "-");
        return program + "_" + goos + "_" + goarch + "_" + toolchain + (cgo ? "_cgo" : "") + flagPart
                + (goflags.equals("-buildvcs=false") ? "" : "_goflags" + goflags.replaceAll("[^A-Za-z0-9.=-]+", "-"))
                + (extraEnv.isEmpty() ? "" : "_env" + Integer.toHexString(extraEnv.hashCode()))
                + (source.equals(SOURCES.resolve(program)) ? "" : "_src" + Integer.toHexString(source.hashCode()));
    }

    /** Builds (once per JVM) and returns the executable. */
    public Path build() {
        return BUILT.computeIfAbsent(name(), key -> compile());
    }

    private Path compile() {
        try {
            Path dir = OUT.resolve(name());
            Files.createDirectories(dir);
            Path exe = dir.resolve(goos.equals("windows") ? program + ".exe" : program);
            Map<String, String> env = new HashMap<>();
            SHELL_GO_VARIABLES.forEach(name -> env.put(name, null));
            env.put("GOOS", goos);
            env.put("GOARCH", goarch);
            env.put("CGO_ENABLED", cgo ? "1" : "0");
            env.put("GOFLAGS", goflags);
            env.put("GOTOOLCHAIN", toolchain);
            if (!toolchain.equals("local")) {
                env.put("GOENV", "off");
                env.put("GOPROXY", "https://proxy.golang.org");
            }
            env.putAll(extraEnv);
            List<String> argv = new ArrayList<>(List.of("go", "build"));
            argv.addAll(flags);
            argv.addAll(List.of("-o", exe.toString(), "."));
            ProcessResult result = new ProcessRunner().run(CommandLine.inheriting(argv, env, source, Duration.ofMinutes(10)));
            if (!result.succeeded()) {
                throw new IllegalStateException(String.join(" ", argv) + " for " + name() + " failed: " + result.diagnostics());
            }
            return exe;
        } catch (IllegalStateException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException("cannot build " + name(), e);
        }
    }

    /** GOROOT of a release fetched as a toolchain module ({@code go1.17.13}), or of the installed go for {@code local}. */
    public static Path goroot(String release) {
        try {
            Map<String, String> env = new HashMap<>();
            SHELL_GO_VARIABLES.forEach(name -> env.put(name, null));
            env.put("GOTOOLCHAIN", release);
            if (!release.equals("local")) {
                env.put("GOENV", "off");
                env.put("GOPROXY", "https://proxy.golang.org");
            }
            ProcessResult r = new ProcessRunner().run(CommandLine.inheriting(List.of("go", "env", "GOROOT"), env, OUT.getParent(),
                    Duration.ofMinutes(10)));
            if (!r.succeeded()) {
                throw new IllegalStateException("go env GOROOT with GOTOOLCHAIN=" + release + " failed: " + r.diagnostics());
            }
            return Path.of(r.stdout().strip());
        } catch (IllegalStateException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException("cannot locate GOROOT of " + release, e);
        }
    }
}
