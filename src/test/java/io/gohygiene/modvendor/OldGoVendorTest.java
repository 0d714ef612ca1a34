package io.gohygiene.modvendor;

import io.gohygiene.process.CommandLine;
import io.gohygiene.process.ProcessResult;
import io.gohygiene.process.ProcessRunner;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Go before 1.18 has no {@code go mod vendor -o}: the old vendor/ is moved aside, go vendors in place, the new tree
 * becomes the staging tree and the old one comes back, so the run goes on exactly as with a newer go. Real
 * go1.17.13, fetched once through the module proxy as a toolchain module.
 */
class OldGoVendorTest {

    static final String OLD = "go1.17.13";
    static Path oldGo;
    static String versionLine;

    @TempDir
    static Path shared;

    @TempDir
    Path temp;

    @BeforeAll
    static void fetchOldGo() throws Exception {
        Map<String, String> env = oldEnvironment();
        env.put("GOTOOLCHAIN", OLD);
        ProcessResult r = new ProcessRunner().run(new CommandLine(List.of(VendorSyncTest.go().toString(), "env", "GOROOT"), env, shared,
                Duration.ofMinutes(8)));
        assertEquals(0, r.exitCode(), r.diagnostics());
        oldGo = Path.of(r.stdout().strip(), "bin", "go");
        versionLine = new ProcessRunner().run(new CommandLine(List.of(oldGo.toString(), "version"), oldEnvironment(), shared,
                Duration.ofMinutes(1))).stdout().strip();
        assertTrue(versionLine.contains(OLD), versionLine);
    }

    /** GOENV=off: this machine's go env file holds flags go1.17 rejects. */
    static Map<String, String> oldEnvironment() {
        Map<String, String> env = VendorSyncTest.environment();
        env.put("GOENV", "off");
        return env;
    }

    @Test
    void vendorsInPlaceWithTheOldTreeAsideAndRestoresTheCgoFiles() throws Exception {
        VendorSyncTest.copy(Path.of("src/test/go/vendoring").toAbsolutePath(), temp.resolve("src"));
        Path app = temp.resolve("src/app");
        VendorSync sync = new VendorSync(oldGo, versionLine, Path.of(goModCache()), new ProcessRunner());
        VendorRequest request = new VendorRequest(app, temp.resolve("target/go-hygiene"), oldEnvironment(), false, false, List.of(),
                Duration.ofMinutes(5));

        VendorResult first = sync.run(request, line -> { });
        assertEquals(VendorResult.Outcome.VENDORED, first.outcome());
        assertTrue(Files.isRegularFile(app.resolve("vendor/example.com/cgodep/csrc/impl.c")));
        assertTrue(Files.isRegularFile(app.resolve("vendor/modules.txt")));

        Map<String, String> before = VendorSyncTest.snapshot(app.resolve("vendor"));
        Files.writeString(app.resolve("go.mod"), Files.readString(app.resolve("go.mod")) + "\nrequire example.invalid/nope v1.0.0\n");
        Files.writeString(app.resolve("nope.go"), "package main\n\nimport _ \"example.invalid/nope\"\n");
        Map<String, String> offline = oldEnvironment();
        offline.put("GOPROXY", "off");
        VendorException e = assertThrows(VendorException.class, () -> sync.run(new VendorRequest(app, temp.resolve("target/go-hygiene"),
                offline, false, false, List.of(), Duration.ofMinutes(5)), line -> { }));
        assertTrue(e.getMessage().contains("go mod vendor' failed") || e.getMessage().contains("go mod vendor failed")
                || e.getMessage().contains("failed (exit"), e.getMessage());
        assertEquals(before, VendorSyncTest.snapshot(app.resolve("vendor")), "the old tree came back, byte for byte");
        assertFalse(Files.exists(temp.resolve("target/go-hygiene/" + VendorSwap.ASIDE)));
    }

    private static String goModCache() throws Exception {
        return new ProcessRunner().run(new CommandLine(List.of(oldGo.toString(), "env", "GOMODCACHE"), oldEnvironment(), shared,
                Duration.ofMinutes(1))).stdout().strip();
    }
}
