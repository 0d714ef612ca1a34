package io.gohygiene.toolchain;

import io.gohygiene.modfetch.HttpSettings;
import io.gohygiene.modfetch.ModuleZip;
import io.gohygiene.process.ProcessRunner;
import io.gohygiene.testing.GoOnPath;
import io.gohygiene.testing.LocalModuleProxy;
import io.gohygiene.version.VersionRange;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A real Go release (go1.21.13, 70 MB) provisioned through a local proxy that answers what proxy.golang.org
 * answers, on a PATH with no go; go's own GOTOOLCHAIN switch is the oracle for the cache layout.
 */
class ToolchainProvisionerTest {

    private static final String RELEASE = "1.21.13";
    private static final Duration TIMEOUT = Duration.ofMinutes(5);

    @TempDir
    static Path temp;
    private static LocalModuleProxy proxy;

    @BeforeAll
    static void start() throws IOException {
        proxy = new LocalModuleProxy();
    }

    @AfterAll
    static void stop() throws IOException {
        proxy.close();
        for (String cache : new String[] {"modcache", "tampered"}) {
            if (Files.exists(temp.resolve(cache))) {
                ModuleZip.makeWritable(temp.resolve(cache));
            }
        }
    }

    /** An environment with no go on PATH, go's settings pointing at the test's cache and proxy. */
    private static LiveSystemProbe probe(Path modCache) {
        Map<String, String> env = new HashMap<>();
        env.put("PATH", "/usr/bin:/bin");
        env.put("HOME", temp.toString());
        env.put("GOENV", "off");
        env.put("GOMODCACHE", modCache.toString());
        env.put("GOPROXY", proxy.url().toString());
        return new LiveSystemProbe(env);
    }

    private static GoProbing.Provisioning provisioning(LiveSystemProbe probe, boolean offline) throws ToolchainException {
        return ToolchainProvisioner.forProject(probe, new HttpSettings(Optional.empty(), Duration.ofSeconds(20), TIMEOUT, offline),
                Optional.of(VersionRange.parse("[" + RELEASE + "]")), temp);
    }

    @Test
    void provisionsVerifiesProbesAndGoItselfUsesTheSameCopy() throws Exception {
        Path modCache = temp.resolve("modcache");
        LiveSystemProbe probe = probe(modCache);
        assertThrows(ToolchainException.class, () -> new GoLocator(probe).locate(Optional.empty(), Optional.empty()), "no go on this PATH");

        GoToolchain go = GoProbing.locateProvisionAndProbe(probe, new ProcessRunner(), Optional.empty(), Optional.empty(),
                Optional.of(temp.resolve("probe")), TIMEOUT, provisioning(probe, false));

        assertEquals("go1.21.13", go.version().goName());
        assertEquals(modCache.resolve("golang.org/toolchain@v0.0.1-go1.21.13.linux-amd64/bin/go"), go.executable());
        String source = go.located().source();
        assertTrue(source.startsWith("provisioned golang.org/toolchain@v0.0.1-go1.21.13.linux-amd64 for <goVersion> [1.21.13]; no usable go was found"), source);
        assertTrue(source.contains("verified against sum.golang.org (signed tree of "), source);
        assertTrue(Files.isRegularFile(modCache.resolve("golang.org/toolchain@v0.0.1-go1.21.13.linux-amd64/src/go.mod")), "_go.mod copied as go does");

        // go's own switch finds the release complete where the plugin put it and runs it without downloading it again
        // (it still checks the checksum database, through the same proxy: sum.golang.org itself is not reachable here).
        int zipsBefore = proxy.requests(path -> path.endsWith(".zip"));
        ProcessBuilder pb = new ProcessBuilder(GoOnPath.executable().toString(), "version").directory(temp.toFile()).redirectErrorStream(true);
        pb.environment().put("GOTOOLCHAIN", "go" + RELEASE);
        pb.environment().put("GOMODCACHE", modCache.toString());
        pb.environment().put("GOPROXY", proxy.url().toString());
        pb.environment().put("GOPATH", temp.resolve("gopath").toString());
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        assertEquals(0, p.waitFor(), out);
        assertEquals("go version go1.21.13 linux/amd64", out);
        assertEquals(zipsBefore, proxy.requests(path -> path.endsWith(".zip")), "go did not download the toolchain again");

        // The second run: the module cache and the kept probe, offline, no request.
        int asked = proxy.requests(path -> true);
        GoToolchain again = GoProbing.locateProvisionAndProbe(probe, new ProcessRunner(), Optional.empty(), Optional.empty(),
                Optional.of(temp.resolve("probe")), TIMEOUT, provisioning(probe, true));
        assertEquals(go.executable(), again.executable());
        assertTrue(again.located().source().contains("from the module cache " + modCache), again.located().source());
        assertEquals(asked, proxy.requests(path -> true));
    }

    @Test
    void aCorruptedToolchainZipIsRefusedAndNothingIsLeft() throws Exception {
        Path modCache = temp.resolve("tampered");
        LocalModuleProxy hostile = new LocalModuleProxy().change(path -> path.endsWith(".zip"), bytes -> {
            byte[] changed = bytes.clone();
            changed[changed.length / 2] ^= 0x01;
            return changed;
        });
        try (hostile) {
            Map<String, String> env = new HashMap<>(probe(modCache).environment());
            env.put("GOPROXY", hostile.url().toString());
            LiveSystemProbe probe = new LiveSystemProbe(env);
            ToolchainException e = assertThrows(ToolchainException.class, () -> GoProbing.locateProvisionAndProbe(probe, new ProcessRunner(),
                    Optional.empty(), Optional.empty(), Optional.empty(), TIMEOUT, provisioning(probe, false)));
            assertTrue(e.getMessage().startsWith("provisioning go1.21.13 for linux/amd64 (golang.org/toolchain@v0.0.1-go1.21.13.linux-amd64): "), e.getMessage());
            assertFalse(Files.exists(modCache.resolve("golang.org/toolchain@v0.0.1-go1.21.13.linux-amd64")));
            try (var walk = Files.walk(modCache)) {
                assertEquals(java.util.List.of(), walk.filter(f -> f.toString().contains(".tmp-") || f.toString().endsWith(".partial")
                        || f.toString().endsWith(".zip") || f.toString().endsWith(".ziphash")).toList());
            }
        }
    }

    @Test
    void aVersionTheProxyDoesNotHaveNamesItAndWhatToDo() throws Exception {
        LiveSystemProbe probe = probe(temp.resolve("unknown"));
        GoProbing.Provisioning wanted = ToolchainProvisioner.forProject(probe, new HttpSettings(Optional.empty(), Duration.ofSeconds(20), TIMEOUT, false),
                Optional.of(VersionRange.parse("[1.21.99]")), temp);
        ToolchainException e = assertThrows(ToolchainException.class, () -> GoProbing.locateProvisionAndProbe(probe, new ProcessRunner(),
                Optional.empty(), Optional.empty(), Optional.empty(), TIMEOUT, wanted));
        // proxy.golang.org answers 403 "This module version is not available." (go reports the same answer).
        assertEquals("provisioning go1.21.99 for linux/amd64 (golang.org/toolchain@v0.0.1-go1.21.99.linux-amd64): golang.org/toolchain@v0.0.1-go1.21.99.linux-amd64: "
                + proxy.url() + "/golang.org/toolchain/@v/v0.0.1-go1.21.99.linux-amd64.zip answered HTTP 403: This module version is not available.", e.getMessage());
        assertTrue(e.hint().startsWith("check that go1.21.99 is a Go release published for linux/amd64 (see https://go.dev/dl/)"), e.hint());
    }
}
