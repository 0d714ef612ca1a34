package io.gohygiene.toolchain.checks;

import io.gohygiene.finding.Finding;
import io.gohygiene.finding.Verdict;
import io.gohygiene.toolchain.ToolchainPolicy;
import io.gohygiene.toolchain.ToolchainReport;
import io.gohygiene.toolchain.Toolchains;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class GorootCheckTest {

    @TempDir
    Path dir;

    @Test
    void theInstalledGoIsCoherent() throws Exception {
        ToolchainReport report = Toolchains.run(Toolchains.cleanEnvironment(dir, Map.of()), dir, List.of(), ToolchainPolicy.defaults());
        List<Finding> rows = Toolchains.of(report, GorootCheck.ID);
        assertEquals(3, rows.size(), rows.toString());
        rows.forEach(f -> assertEquals(Verdict.PASS, f.verdict(), f.toString()));
    }

    @Test
    void aGorootExportedFromAnotherInstallationFailsTwice() throws Exception {
        Path otherRoot = Files.createDirectories(dir.resolve("go-old"));
        ToolchainReport report = Toolchains.run(Toolchains.cleanEnvironment(dir, Map.of("GOROOT", otherRoot.toString())), dir,
                List.of(), ToolchainPolicy.defaults());
        List<Finding> rows = Toolchains.of(report, GorootCheck.ID);
        Finding bin = Toolchains.only(rows, "GOROOT/bin/go");
        assertEquals(Verdict.FAIL, bin.verdict());
        assertTrue(bin.message().contains("reports GOROOT=" + otherRoot), bin.message());
        assertTrue(bin.hint().startsWith("unset GOROOT"), bin.hint());
        assertEquals(Verdict.FAIL, Toolchains.only(rows, "pkg/tool").verdict());
    }

    @Test
    void aGorootPinnedWithGoEnvWWarns() throws Exception {
        Map<String, String> env = Toolchains.cleanEnvironment(dir, Map.of());
        Process p = new ProcessBuilder("go", "env", "GOROOT").start();
        String goroot = new String(p.getInputStream().readAllBytes()).strip();
        Files.writeString(Path.of(env.get("GOENV")), "GOROOT=" + goroot + "\n");
        ToolchainReport report = Toolchains.run(env, dir, List.of(), ToolchainPolicy.defaults());
        Finding pinned = Toolchains.only(Toolchains.of(report, GorootCheck.ID), "go env -w GOROOT");
        assertEquals(Verdict.WARN, pinned.verdict());
        assertTrue(pinned.hint().contains("go env -u GOROOT"), pinned.hint());
    }
}
