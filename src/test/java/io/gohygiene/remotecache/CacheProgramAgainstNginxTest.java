package io.gohygiene.remotecache;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The cache program as go runs it (GOCACHEPROG, real go builds) against a real nginx WebDAV store: machine A
 * (empty cache, push) fills the server; machine B (another empty cache, read-only) gets its objects from it and links
 * the same bytes.
 */
class CacheProgramAgainstNginxTest {

    @TempDir
    Path dir;

    @Test
    void machineBGetsWhatMachineAPushedAndLinksTheSameBinary() throws Exception {
        Path module = dir.resolve("m");
        Files.createDirectories(module);
        Files.writeString(module.resolve("go.mod"), "module example.com/m\n\ngo 1.24\n");
        Files.writeString(module.resolve("main.go"), "package main\n\nimport \"fmt\"\n\nfunc main() { fmt.Println(\"hello\") }\n");
        try (NginxWebDav server = NginxWebDav.startIn(dir.resolve("nginx"))) {
            RemoteCacheSummary a = build(module, server.url(), "a", true);
            assertTrue(a.pushed() > 0 && a.remoteHits() == 0, a.line());
            RemoteCacheSummary b = build(module, server.url(), "b", false);
            assertEquals(0, b.pushed(), b.line());
            assertTrue(b.remoteHits() > 0 && b.misses() <= 2, "machine B should get nearly everything from the server: " + b.line());
            assertTrue(b.warnings().isEmpty(), b.warnings().toString());
            assertArrayEquals(Files.readAllBytes(dir.resolve("out-a")), Files.readAllBytes(dir.resolve("out-b")));
        }
    }

    private RemoteCacheSummary build(Path module, String url, String machine, boolean push) throws Exception {
        Path gocache = dir.resolve("gocache-" + machine);
        Path report = dir.resolve("report-" + machine + ".jsonl");
        RemoteCache cache = new RemoteCache(URI.create(url), Optional.empty(), Optional.empty(), Optional.empty(), push,
                Duration.ofSeconds(10), gocache.resolve("go-hygiene"));
        ProcessBuilder go = new ProcessBuilder("go", "build", "-trimpath", "-o", dir.resolve("out-" + machine).toString(), ".")
                .directory(module.toFile()).redirectErrorStream(true);
        Map<String, String> env = go.environment();
        env.put("GOCACHE", gocache.toString());
        env.put("GOFLAGS", "-buildvcs=false");
        env.put("GOTOOLCHAIN", "local");
        env.put("GOCACHEPROG", CacheProgramCommand.current());
        env.putAll(cache.environment(report));
        Process process = go.start();
        String output = new String(process.getInputStream().readAllBytes());
        assertEquals(0, process.waitFor(), "go build on machine " + machine + ": " + output);
        return RemoteCacheSummary.read(report);
    }
}
