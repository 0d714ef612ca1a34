package io.gohygiene.toolchain;

import io.gohygiene.finding.Finding;
import io.gohygiene.finding.Verdict;
import io.gohygiene.process.CommandLine;
import io.gohygiene.process.ProcessResult;
import io.gohygiene.process.ProcessRunner;
import io.gohygiene.toolchain.checks.GoVersionCheck;
import io.gohygiene.version.VersionRange;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A real older Go release, fetched as a toolchain module through the Go module proxy
 * (golang.org/toolchain, GOTOOLCHAIN=go1.22.12), checked as the go the plugin was pointed at.
 */
class OldToolchainTest {

    static final String OLD = "go1.22.12";
    static Path oldGo;

    @TempDir
    static Path dir;

    @BeforeAll
    static void fetchOldGo() throws Exception {
        Map<String, String> env = new HashMap<>(Toolchains.cleanEnvironment(dir, Map.of()));
        env.put("GOENV", "off"); // an env file may hold flags the old release rejects
        env.put("GOTOOLCHAIN", OLD);
        ProcessResult r = new ProcessRunner().run(new CommandLine(List.of("go", "env", "GOROOT"), env, dir, Duration.ofMinutes(8)));
        assertEquals(0, r.exitCode(), r.diagnostics());
        oldGo = Path.of(r.stdout().strip(), "bin", "go");
    }

    @Test
    void theOldGoIsReportedAndFailsARangeThatStartsLater() throws Exception {
        ToolchainPolicy policy = new ToolchainPolicy(Optional.of(VersionRange.parse("[1.24,)")), true, Map.of());
        ToolchainRequest request = new ToolchainRequest(Optional.of(oldGo.toString()), Optional.empty(), List.of(), dir, policy,
                Duration.ofMinutes(2));
        ToolchainReport report = new ToolchainGate(new LiveSystemProbe(Toolchains.cleanEnvironment(dir, Map.of())), new ProcessRunner())
                .run(request);
        assertEquals(OLD, report.go().version().toString());
        Finding installed = Toolchains.only(Toolchains.of(report, GoVersionCheck.ID), "installed go");
        assertEquals(Verdict.FAIL, installed.verdict());
        assertTrue(installed.message().contains("installed go is go1.22.12, which is not in goVersion [1.24,)"), installed.message());
        // The toolchain module's own GOROOT is coherent: its bin/go is the go that runs.
        assertTrue(Toolchains.of(report, "goroot").stream().allMatch(f -> f.verdict() == Verdict.PASS), report.findings().toString());
        assertTrue(report.findings().get(0).seen().contains("golang.org/toolchain@"), report.findings().get(0).seen());
    }
}
