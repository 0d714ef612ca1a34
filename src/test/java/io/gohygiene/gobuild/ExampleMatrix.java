package io.gohygiene.gobuild;

import io.gohygiene.modvendor.VendorRequest;
import io.gohygiene.modvendor.VendorSync;
import io.gohygiene.platform.CgoPaths;
import io.gohygiene.platform.Platform;
import io.gohygiene.platform.Target;
import io.gohygiene.process.CommandLine;
import io.gohygiene.process.ProcessResult;
import io.gohygiene.process.ProcessRunner;
import io.gohygiene.remotecache.RemoteCache;
import org.junit.jupiter.api.Assumptions;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * The bundled example (example/pom.xml) vendored in a temporary directory, and "machines" that build its four targets
 * through the core as the build goal does ({@link BuildMatrix#buildAll} with {@link BuildRequest#withRemoteCache}):
 * each with its own checkout at its own path, its own empty GOCACHE and its own empty remote cache disk tier.
 */
final class ExampleMatrix {

    /** example/pom.xml's four targets, in its order: the native one with cgo and gcc links the vendored C grammar. */
    static final List<Target> TARGETS = List.of(new Target(Platform.parse("linux/amd64"), null, true, "gcc"),
            Target.parse("linux/arm64"), Target.parse("darwin/arm64"), Target.parse("windows/amd64"));

    /** One build machine: its checkout of the module, GOCACHE, disk tier, and where its outputs go ({@code root}). */
    record Machine(String name, Path root, Path module, Path gocache, Path tier) {
    }

    private final Path dir;
    private final Path go;
    private final Platform host;
    private final Path vendored;

    private ExampleMatrix(Path dir, Path go, Platform host, Path vendored) {
        this.dir = dir;
        this.go = go;
        this.host = host;
        this.vendored = vendored;
    }

    /**
     * Copies example/ to {@code dir} and vendors it with the core's {@link VendorSync} (what the vendor goal runs: it
     * restores the grammar's C sources that go mod vendor drops). Skips the test when the example's modules are
     * neither in the module cache nor reachable.
     */
    static ExampleMatrix vendoredIn(Path dir) throws Exception {
        Path go = BuildTestSupport.go();
        Platform host = GoBuild.hostOf(go, BuildTestSupport.request(dir, dir, environment(), null), new ProcessRunner(), null);
        Path vendored = dir.resolve("example");
        io.gohygiene.testing.TestTrees.copy(Path.of("example").toAbsolutePath(), vendored);
        deleteTree(vendored.resolve("target"));
        ProcessResult download = new ProcessRunner().run(new CommandLine(List.of(go.toString(), "mod", "download"), environment(),
                vendored, Duration.ofMinutes(5)));
        Assumptions.assumeTrue(download.succeeded(), "the example's modules are neither in the module cache nor reachable: "
                + download.diagnostics());
        vendorSync(go, vendored).run(new VendorRequest(vendored, dir.resolve("vendor-work"), environment(), false, false, List.of(),
                Duration.ofMinutes(5)), line -> { });
        if (!Files.isDirectory(vendored.resolve("vendor/github.com/tree-sitter/tree-sitter-python/src"))) {
            throw new IllegalStateException("the vendor step did not restore the grammar's C sources in " + vendored);
        }
        return new ExampleMatrix(dir, go, host, vendored);
    }

    Path go() {
        return go;
    }

    /** A new machine with empty caches; its checkout is a copy of the vendored example at a path of its own. */
    Machine machine(String name) throws IOException {
        Path root = dir.resolve("machine-" + name);
        Path module = root.resolve("checkout/example");
        // Its own checkout, at another path: what -trimpath must keep out of the cache keys.
        io.gohygiene.testing.TestTrees.copy(vendored, module);
        Machine m = new Machine(name, root, module, root.resolve("gocache"), root.resolve("remote-cache"));
        Files.createDirectories(m.gocache());
        return m;
    }

    /** The example's request on {@code m}: ./cmd/hello, -trimpath, 2 targets at a time, the remote cache at {@code url}. */
    BuildRequest request(Machine m, String url, boolean push) {
        Map<String, String> env = environment();
        env.put("GOCACHE", m.gocache().toString());
        RemoteCache cache = new RemoteCache(URI.create(url), Optional.empty(), Optional.empty(), Optional.empty(), push,
                Duration.ofSeconds(10), m.tier());
        return new BuildRequest(m.module(), List.of("./cmd/hello"), m.root().resolve("target/go"),
                m.root().resolve("target/go-hygiene"), List.of(), null, List.of(), null, true, env, false, Duration.ofMinutes(10),
                2, Map.of(), CgoPaths.NONE).withRemoteCache(cache);
    }

    /** The four targets on {@code m}, as the build goal builds them; results in {@link #TARGETS} order. */
    List<BuildResult> build(Machine m, String url, boolean push) throws BuildException {
        return BuildMatrix.buildAll(go, host, request(m, url, push), TARGETS, Map.of(), new ProcessRunner(), null);
    }

    /** One target alone, for a test that acts between targets; go's output lines go to {@code output}. */
    BuildResult buildOne(BuildRequest request, Target target, List<String> output) throws BuildException {
        return GoBuild.build(go, host, request, target, CToolchain.DEFAULT, new ProcessRunner(),
                (line, stderr) -> {
                    synchronized (output) {   // stdout and stderr are read on two threads
                        output.add(line);
                    }
                });
    }

    /** This JVM's environment with GOTOOLCHAIN=local: the go on PATH builds, never a downloaded one. */
    static Map<String, String> environment() {
        Map<String, String> env = new TreeMap<>(System.getenv());
        env.put("GOTOOLCHAIN", "local");
        return env;
    }

    private static VendorSync vendorSync(Path go, Path module) throws Exception {
        ProcessRunner runner = new ProcessRunner();
        String version = runner.run(new CommandLine(List.of(go.toString(), "version"), environment(), module, Duration.ofMinutes(1)))
                .stdout().strip();
        String modcache = runner.run(new CommandLine(List.of(go.toString(), "env", "GOMODCACHE"), environment(), module,
                Duration.ofMinutes(1))).stdout().strip();
        return new VendorSync(go, version, Path.of(modcache), runner);
    }

    private static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> files = Files.walk(root)) {
            for (Path p : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
