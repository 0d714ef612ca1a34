package io.gohygiene.gobuild;

import io.gohygiene.platform.CgoPaths;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What to build, for every target alike.
 *
 * @param moduleDirectory         the directory holding go.mod; {@code go build} runs there
 * @param packages                the main packages to build ({@code .}, {@code ./cmd/server}); {@code ["."]} when empty
 * @param outputRoot              {@code target/go}: binaries go to {@code <outputRoot>/<goos>_<goarch>[_<variant>]/}
 * @param workDirectory           {@code target/go-hygiene}: the re-run scripts ({@code build-<key>.sh/.env}) and zig wrappers
 * @param buildFlags              further {@code go build} flags, passed as given after the ones the plugin writes
 * @param ldflags                 the value of {@code -ldflags}, or null
 * @param tags                    build tags, joined with commas into {@code -tags}
 * @param buildmode               the value of {@code -buildmode}, or null for Go's default
 * @param trimpath                whether to pass {@code -trimpath}
 * @param environment             the environment the build started from (the Maven process's)
 * @param inheritBuildEnvironment true to keep GOOS, GOARCH, CGO_*, CC … from {@code environment} where the target does not decide them
 * @param timeout                 how long one {@code go build} may run before its process tree is killed
 * @param parallelism             how many targets build, or run their tests, at once (at least 1)
 * @param cgoFlags                CGO_CFLAGS, CGO_CPPFLAGS, CGO_CXXFLAGS, CGO_FFLAGS, CGO_LDFLAGS the project adds (e.g. an
 *                                include directory), appended after what the plugin computes
 * @param cgoPaths                sysroot and Homebrew settings per cgo target, as the vendor goal wrote them (or computed
 *                                the same way when vendoring is off)
 * @param goEnvFile               the settings of the user's go env file ({@code go env -w}); its decisive ones are left out
 *                                like the shell's, the others are passed on, and the go process runs with GOENV=off
 * @param names                   the output name ({@code <name>}) of a package, by its entry in {@code packages}; a package
 *                                without one is named as go names it ({@link OutputNames#goName})
 * @param remoteCache             the shared build cache go reaches through GOCACHEPROG, or null for go's own local cache
 *                                (the caller checked that go is 1.24 or newer)
 */
public record BuildRequest(Path moduleDirectory, List<String> packages, Path outputRoot, Path workDirectory,
                           List<String> buildFlags, String ldflags, List<String> tags, String buildmode, boolean trimpath,
                           Map<String, String> environment, boolean inheritBuildEnvironment, Duration timeout,
                           int parallelism, Map<String, String> cgoFlags, CgoPaths cgoPaths, Map<String, String> goEnvFile,
                           Map<String, String> names, io.gohygiene.remotecache.RemoteCache remoteCache) {

    public static final Duration DEFAULT_TIMEOUT = Duration.ofMinutes(30);

    /** The variables {@code cgoFlags} may name. */
    public static final java.util.Set<String> CGO_FLAG_VARIABLES = java.util.Set.of("CGO_CFLAGS", "CGO_CPPFLAGS", "CGO_CXXFLAGS",
            "CGO_FFLAGS", "CGO_LDFLAGS");

    /** A request without a remote cache. */
    public BuildRequest(Path moduleDirectory, List<String> packages, Path outputRoot, Path workDirectory, List<String> buildFlags,
                        String ldflags, List<String> tags, String buildmode, boolean trimpath, Map<String, String> environment,
                        boolean inheritBuildEnvironment, Duration timeout, int parallelism, Map<String, String> cgoFlags,
                        CgoPaths cgoPaths, Map<String, String> goEnvFile, Map<String, String> names) {
        this(moduleDirectory, packages, outputRoot, workDirectory, buildFlags, ldflags, tags, buildmode, trimpath, environment,
                inheritBuildEnvironment, timeout, parallelism, cgoFlags, cgoPaths, goEnvFile, names, null);
    }

    /** This request with {@code remoteCache} (null: go's local cache only). */
    public BuildRequest withRemoteCache(io.gohygiene.remotecache.RemoteCache remoteCache) {
        return new BuildRequest(moduleDirectory, packages, outputRoot, workDirectory, buildFlags, ldflags, tags, buildmode, trimpath,
                environment, inheritBuildEnvironment, timeout, parallelism, cgoFlags, cgoPaths, goEnvFile, names, remoteCache);
    }

    /** A request whose packages are all named as go names them. */
    public BuildRequest(Path moduleDirectory, List<String> packages, Path outputRoot, Path workDirectory, List<String> buildFlags,
                        String ldflags, List<String> tags, String buildmode, boolean trimpath, Map<String, String> environment,
                        boolean inheritBuildEnvironment, Duration timeout, int parallelism, Map<String, String> cgoFlags,
                        CgoPaths cgoPaths, Map<String, String> goEnvFile) {
        this(moduleDirectory, packages, outputRoot, workDirectory, buildFlags, ldflags, tags, buildmode, trimpath, environment,
                inheritBuildEnvironment, timeout, parallelism, cgoFlags, cgoPaths, goEnvFile, Map.of());
    }

    /** A request without a go env file. */
    public BuildRequest(Path moduleDirectory, List<String> packages, Path outputRoot, Path workDirectory, List<String> buildFlags,
                        String ldflags, List<String> tags, String buildmode, boolean trimpath, Map<String, String> environment,
                        boolean inheritBuildEnvironment, Duration timeout, int parallelism, Map<String, String> cgoFlags,
                        CgoPaths cgoPaths) {
        this(moduleDirectory, packages, outputRoot, workDirectory, buildFlags, ldflags, tags, buildmode, trimpath, environment,
                inheritBuildEnvironment, timeout, parallelism, cgoFlags, cgoPaths, Map.of());
    }

    /** A request without cgo paths. */
    public BuildRequest(Path moduleDirectory, List<String> packages, Path outputRoot, Path workDirectory, List<String> buildFlags,
                        String ldflags, List<String> tags, String buildmode, boolean trimpath, Map<String, String> environment,
                        boolean inheritBuildEnvironment, Duration timeout, int parallelism, Map<String, String> cgoFlags) {
        this(moduleDirectory, packages, outputRoot, workDirectory, buildFlags, ldflags, tags, buildmode, trimpath, environment,
                inheritBuildEnvironment, timeout, parallelism, cgoFlags, CgoPaths.NONE);
    }

    /** A request without project cgo flags. */
    public BuildRequest(Path moduleDirectory, List<String> packages, Path outputRoot, Path workDirectory, List<String> buildFlags,
                        String ldflags, List<String> tags, String buildmode, boolean trimpath, Map<String, String> environment,
                        boolean inheritBuildEnvironment, Duration timeout, int parallelism) {
        this(moduleDirectory, packages, outputRoot, workDirectory, buildFlags, ldflags, tags, buildmode, trimpath, environment,
                inheritBuildEnvironment, timeout, parallelism, Map.of());
    }

    public BuildRequest {
        Objects.requireNonNull(moduleDirectory, "moduleDirectory");
        Objects.requireNonNull(outputRoot, "outputRoot");
        Objects.requireNonNull(workDirectory, "workDirectory");
        cgoFlags = cgoFlags == null ? Map.of() : Map.copyOf(cgoFlags);
        cgoPaths = cgoPaths == null ? CgoPaths.NONE : cgoPaths;
        goEnvFile = goEnvFile == null ? Map.of() : Map.copyOf(goEnvFile);
        for (String name : cgoFlags.keySet()) {
            if (!CGO_FLAG_VARIABLES.contains(name)) {
                throw new IllegalArgumentException("<cgoFlags> names " + name + "; it takes " + String.join(", ",
                        new java.util.TreeSet<>(CGO_FLAG_VARIABLES)));
            }
        }
        moduleDirectory = moduleDirectory.toAbsolutePath().normalize();
        outputRoot = outputRoot.toAbsolutePath().normalize();
        workDirectory = workDirectory.toAbsolutePath().normalize();
        packages = packages == null ? List.of() : packages.stream().filter(p -> p != null && !p.isBlank()).map(String::strip).toList();
        if (packages.isEmpty()) {
            packages = List.of(".");
        }
        names = names(names, packages);
        buildFlags = buildFlags == null ? List.of() : buildFlags.stream().filter(f -> f != null && !f.isBlank()).toList();
        tags = tags == null ? List.of() : tags.stream().filter(t -> t != null && !t.isBlank()).map(String::strip).toList();
        if (ldflags != null && ldflags.isBlank()) {
            ldflags = null;
        }
        if (buildmode != null && buildmode.isBlank()) {
            buildmode = null;
        }
        environment = environment == null ? Map.of() : Map.copyOf(environment);
        timeout = timeout == null || timeout.isZero() || timeout.isNegative() ? DEFAULT_TIMEOUT : timeout;
        parallelism = Math.max(1, parallelism);
    }

    /**
     * How many targets build at once: the configured number, else the number of cores.
     *
     * @throws IllegalArgumentException for 0 or less, naming the setting (it used to become 1 silently)
     */
    public static int parallelism(Integer configured, int cores) {
        if (configured == null) {
            return Math.max(1, cores);
        }
        if (configured < 1) {
            throw new IllegalArgumentException("<parallelism> (go-hygiene.parallelism) is " + configured
                    + "; it is how many targets build (or run their tests) at once: give 1 or more, or leave it out for the number of cores");
        }
        return configured;
    }

    /** The given names by stripped package; each a plain file name, since it becomes one under the target's folder. */
    private static Map<String, String> names(Map<String, String> given, List<String> packages) {
        Map<String, String> names = new java.util.LinkedHashMap<>();
        if (given != null) {
            given.forEach((pkg, name) -> {
                if (pkg == null || name == null) {
                    return;
                }
                String stripped = name.strip();
                if (stripped.isEmpty() || stripped.equals(".") || stripped.equals("..") || stripped.contains("/")
                        || stripped.contains("\\") || stripped.indexOf('\0') >= 0) {
                    throw new IllegalArgumentException("<name> of package " + pkg.strip() + " is '" + name + "': give a file name"
                            + " without / or \\ (e.g. <name>myserver</name>; the build adds .exe, .so … itself)");
                }
                if (!packages.contains(pkg.strip())) {
                    throw new IllegalArgumentException("<name> " + stripped + " is given for package " + pkg.strip()
                            + ", which is not one of the packages built (" + String.join(", ", packages) + ")");
                }
                names.put(pkg.strip(), stripped);
            });
        }
        return java.util.Collections.unmodifiableMap(names);
    }
}
