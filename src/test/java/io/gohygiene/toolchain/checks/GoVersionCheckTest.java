package io.gohygiene.toolchain.checks;

import io.gohygiene.finding.Finding;
import io.gohygiene.finding.Verdict;
import io.gohygiene.toolchain.ToolchainPolicy;
import io.gohygiene.toolchain.ToolchainReport;
import io.gohygiene.toolchain.Toolchains;
import io.gohygiene.version.GoVersion;
import io.gohygiene.version.VersionRange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class GoVersionCheckTest {

    @TempDir
    Path dir;

    private ToolchainReport run(String range, Map<String, String> env) throws Exception {
        ToolchainPolicy policy = new ToolchainPolicy(Optional.ofNullable(range).map(VersionRange::parse), true, Map.of());
        return Toolchains.run(Toolchains.cleanEnvironment(dir, env), dir, List.of(), policy);
    }

    private void goMod(String text) throws Exception {
        Files.writeString(dir.resolve("go.mod"), text);
    }

    @Test
    void anInstalledGoOutsideTheRangeFailsNamingItsVersion() throws Exception {
        ToolchainReport report = run("[99,)", Map.of());
        Finding f = Toolchains.only(Toolchains.of(report, GoVersionCheck.ID), "installed go");
        assertEquals(Verdict.FAIL, f.verdict());
        assertTrue(f.message().contains("installed go is " + report.go().version() + ", which is not in goVersion [99,)"), f.message());
    }

    @Test
    void anInstalledGoInsideTheRangePasses() throws Exception {
        Finding f = Toolchains.only(Toolchains.of(run("[1.21,)", Map.of()), GoVersionCheck.ID), "installed go");
        assertEquals(Verdict.PASS, f.verdict());
    }

    @Test
    void withoutGoModTheGoModRowsDoNotApply() throws Exception {
        assertEquals(Verdict.SKIP, Toolchains.only(Toolchains.of(run(null, Map.of()), GoVersionCheck.ID), "go.mod").verdict());
    }

    @Test
    void aGoLineNewerThanTheInstalledGoFailsWhenSwitchingIsForbidden() throws Exception {
        goMod("module m\n\ngo 1.99\n");
        Finding f = Toolchains.only(Toolchains.of(run(null, Map.of("GOTOOLCHAIN", "local")), GoVersionCheck.ID), "go.mod go");
        assertEquals(Verdict.FAIL, f.verdict());
        assertTrue(f.message().contains("go.mod requires go >= 1.99") && f.message().contains("GOTOOLCHAIN=local (environment)"), f.message());
    }

    @Test
    void aGoLineNewerThanTheInstalledGoWarnsThatGoWillDownloadAnother() throws Exception {
        goMod("module m\n\ngo 1.99\n");
        ToolchainReport report = run("[1.21,1.50)", Map.of("GOTOOLCHAIN", "auto"));
        List<Finding> rows = Toolchains.of(report, GoVersionCheck.ID);
        Finding line = Toolchains.only(rows, "go.mod go");
        assertEquals(Verdict.WARN, line.verdict());
        assertTrue(line.message().contains("go will download and run a newer toolchain"), line.message());
        Finding effective = Toolchains.only(rows, "go that will build (go.mod's go line)");
        assertEquals(Verdict.FAIL, effective.verdict(), "the go that will really build is outside the range");
    }

    @Test
    void aToolchainLineIsIgnoredUnderGotoolchainLocal() throws Exception {
        goMod("module m\n\ngo 1.21\n\ntoolchain go1.99.1\n");
        Finding f = Toolchains.only(Toolchains.of(run(null, Map.of("GOTOOLCHAIN", "local")), GoVersionCheck.ID), "go.mod toolchain");
        assertEquals(Verdict.INFO, f.verdict());
        assertTrue(f.message().startsWith("ignored"), f.message());
    }

    @Test
    void aForcedGotoolchainIsTheGoThatBuilds() throws Exception {
        ToolchainReport report = run("[1.25,)", Map.of("GOTOOLCHAIN", "go1.22.12"));
        List<Finding> rows = Toolchains.of(report, GoVersionCheck.ID);
        assertEquals(Verdict.WARN, Toolchains.only(rows, "GOTOOLCHAIN").verdict());
        Finding effective = Toolchains.only(rows, "go that will build (GOTOOLCHAIN=go1.22.12 (environment) forces it)");
        assertEquals(Verdict.FAIL, effective.verdict());
        assertEquals("go1.22.12", effective.seen());
    }

    @Test
    void aGotoolchainMinimumBelowTheInstalledGoChangesNothing() throws Exception {
        ToolchainReport report = run(null, Map.of("GOTOOLCHAIN", "go1.21.0+auto"));
        assertTrue(Toolchains.of(report, GoVersionCheck.ID).stream().noneMatch(f -> f.subject().equals("GOTOOLCHAIN")));
        assertTrue(report.go().version().compareTo(GoVersion.parse("1.21.0").orElseThrow()) > 0);
    }
}
