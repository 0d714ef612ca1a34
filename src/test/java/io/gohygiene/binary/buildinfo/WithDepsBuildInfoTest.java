package io.gohygiene.binary.buildinfo;

import io.gohygiene.process.CommandLine;
import io.gohygiene.process.ProcessResult;
import io.gohygiene.process.ProcessRunner;
import io.gohygiene.testing.GoBuild;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

/**
 * {@code src/test/go/withdeps}: real modules from the module proxy (rsc.io/quote, its dependencies), a replace by
 * another version and a replace by a local directory, built with varying flags so that the deps, sums, "=>" lines
 * and build settings (quoted ones included) all differ; every build compared with {@code go version -m}.
 */
class WithDepsBuildInfoTest {

    /** Sums of the module zips, from go.sum: what the dep lines must carry. */
    static Map<String, String> sums = new HashMap<>();

    @BeforeAll
    static void readGoSum() throws IOException {
        for (String line : Files.readAllLines(Path.of("src/test/go/withdeps/go.sum"))) {
            String[] f = line.split(" ");
            if (!f[1].endsWith("/go.mod")) {
                sums.put(f[0] + "@" + f[1], f[2]);
            }
        }
    }

    @Test
    void depsSumsAndReplacementsAreRead() throws Exception {
        BuildInfo info = Differential.readInlineAgrees(GoBuild.of("withdeps", "linux", "amd64").build());
        assertEquals("example.com/withdeps", info.path());
        assertEquals("example.com/withdeps", info.main().path());
        assertEquals(List.of("example.com/local", "golang.org/x/text", "rsc.io/quote", "rsc.io/sampler"),
                info.deps().stream().map(Module::path).toList());
        Module local = info.deps().get(0);
        assertAll("local directory replacement",
                () -> assertEquals("v0.0.0", local.version()),
                () -> assertEquals("", local.sum(), "a replaced module's own line carries no sum"),
                () -> assertEquals("./local", local.replace().orElseThrow().path()),
                () -> assertEquals("", local.replace().orElseThrow().sum(), "a directory has no sum"));
        Module sampler = info.deps().get(3);
        assertAll("version replacement",
                () -> assertEquals("v1.3.0", sampler.version()),
                () -> assertEquals(new Module("rsc.io/sampler", "v1.99.99", sums.get("rsc.io/sampler@v1.99.99")), sampler.replace().orElseThrow()));
        Module quote = info.deps().get(2);
        assertEquals(new Module("rsc.io/quote", "v1.5.2", sums.get("rsc.io/quote@v1.5.2")), quote);
        assertEquals(Optional.empty(), info.setting("-trimpath"));
    }

    @Test
    void trimpathDropsLdflagsAndCgoFlags() throws Exception {
        // golang/go#52372: with -trimpath, -ldflags and CGO_*FLAGS are not recorded.
        BuildInfo info = Differential.readInlineAgrees(GoBuild.of("withdeps", "linux", "amd64").cgo(true)
                .flags("-trimpath", "-ldflags=-X main.v=1", "-tags=foo").build());
        assertEquals(Optional.of("true"), info.setting("-trimpath"));
        assertEquals(Optional.of("foo"), info.setting("-tags"));
        assertEquals(Optional.of("1"), info.setting("CGO_ENABLED"));
        assertEquals(Optional.empty(), info.setting("-ldflags"));
        assertEquals(Optional.empty(), info.setting("CGO_CFLAGS"));
    }

    @Test
    void quotedSettingsAreUnquoted() throws Exception {
        BuildInfo info = Differential.readInlineAgrees(GoBuild.of("withdeps", "linux", "amd64").cgo(true)
                .env("CGO_CFLAGS", "-O2 -DGREETING=\"hi\tth\u00e9re\"")
                .flags("-ldflags=-X main.v=1", "-tags=foo").build());
        assertEquals(Optional.of("-X main.v=1"), info.setting("-ldflags"));
        assertEquals(Optional.of("foo"), info.setting("-tags"));
        assertEquals(Optional.of("-O2 -DGREETING=\"hi\tth\u00e9re\""), info.setting("CGO_CFLAGS"));
        assertEquals(Optional.of(""), info.setting("CGO_LDFLAGS"));
    }

    @Test
    void ldflagsWithQuotesInside() throws Exception {
        BuildInfo info = Differential.readInlineAgrees(GoBuild.of("withdeps", "linux", "amd64")
                .flags("-ldflags=-X \"main.v=a b\" -s").build());
        assertEquals(Optional.of("-X \"main.v=a b\" -s"), info.setting("-ldflags"));
    }

    @Test
    void vcsStampsAreRead(@TempDir Path dir) throws Exception {
        // A repository of its own: Go ignores a git worktree, whose .git is a file (cmd/go/internal/vcs wants a directory).
        Path repo = dir.resolve("withdeps");
        copyTree(Path.of("src/test/go/withdeps"), repo);
        git(repo, "init", "-q");
        git(repo, "add", ".");
        git(repo, "-c", "user.name=test", "-c", "user.email=test@example.com", "commit", "-q", "-m", "withdeps");
        String head = git(repo, "rev-parse", "HEAD").strip();
        BuildInfo info = Differential.readInlineAgrees(GoBuild.of("withdeps", "linux", "amd64").from(repo).goflags("-buildvcs=true").build());
        assertEquals(Optional.of("git"), info.setting("vcs"));
        assertEquals(Optional.of(head), info.setting("vcs.revision"));
        assertEquals(Optional.of("false"), info.setting("vcs.modified"));
        assertTrue(info.setting("vcs.time").orElseThrow().matches("\\d{4}-\\d\\d-\\d\\dT.*Z"), info.settings().toString());
    }

    @TestFactory
    Stream<DynamicTest> crossCompiledWithDeps() {
        return Stream.of("linux/s390x", "linux/mips", "linux/arm", "windows/386", "darwin/arm64").map(platform -> dynamicTest(platform, () -> {
            String[] p = platform.split("/");
            Path exe = GoBuild.of("withdeps", p[0], p[1]).flags("-trimpath").build();
            BuildInfo info = Differential.readInlineAgrees(exe);
            assertEquals(4, info.deps().size(), info.deps().toString());
            assertFalse(info.deps().get(3).replace().isEmpty(), "rsc.io/sampler is replaced");
            if (Differential.isElf(exe)) {
                Differential.readThroughImageAgrees(exe);
            }
        }));
    }

    private static void copyTree(Path from, Path to) throws IOException {
        io.gohygiene.testing.TestTrees.copy(from, to);
    }

    private static String git(Path dir, String... args) throws Exception {
        List<String> argv = new ArrayList<>(List.of("git"));
        argv.addAll(List.of(args));
        ProcessResult r = new ProcessRunner().run(CommandLine.inheriting(argv, Map.of(), dir, Duration.ofMinutes(1)));
        assertEquals(0, r.exitCode(), String.join(" ", argv) + ": " + r.diagnostics());
        return r.stdout();
    }
}
