package io.gohygiene.toolchain;

import io.gohygiene.finding.Finding;
import io.gohygiene.finding.Severity;
import io.gohygiene.finding.Verdict;
import io.gohygiene.platform.Target;
import io.gohygiene.platform.UnknownTargetException;
import io.gohygiene.process.ProcessRunner;
import io.gohygiene.toolchain.checks.GoVersionCheck;
import io.gohygiene.toolchain.checks.InheritedEnvironmentCheck;
import io.gohygiene.version.VersionRange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ToolchainGateTest {

    @TempDir
    Path dir;

    /** The module directory the gate checks: a real module, as a project's base directory is. */
    @org.junit.jupiter.api.BeforeEach
    void module() throws Exception {
        java.nio.file.Files.writeString(dir.resolve("go.mod"), "module example.com/gate\n\ngo 1.21\n");
    }

    @Test
    void thisMachinesToolchainPassesEveryCheckAndReportsThemAll() throws Exception {
        ToolchainReport report = Toolchains.run(Toolchains.cleanEnvironment(dir, Map.of()), dir, List.of(), ToolchainPolicy.defaults());
        assertEquals(List.of(), report.failures());
        List<String> checked = report.findings().stream().map(Finding::check).distinct().toList();
        assertTrue(checked.containsAll(ToolchainGate.checkIds()), checked.toString());
        assertEquals("found via PATH; " + report.go().versionLine(), report.findings().get(0).message());
    }

    @Test
    void allProblemsAreReportedTogether() throws Exception {
        Map<String, String> env = Toolchains.cleanEnvironment(dir, Map.of("GOARCH", "arm64", "GOSUMDB", "off"));
        ToolchainPolicy policy = new ToolchainPolicy(Optional.of(VersionRange.parse("[99,)")), true, Map.of());
        ToolchainReport report = Toolchains.run(env, dir, List.of(Target.parse("linux/amd64")), policy);
        assertEquals(List.of("inheritedEnvironment", "goVersion", "moduleSecurity"),
                report.failures().stream().map(Finding::check).toList());
    }

    @Test
    void severitiesDowngradeUpgradeAndSwitchOffChecks() throws Exception {
        Map<String, String> env = Toolchains.cleanEnvironment(dir, Map.of("GOARCH", "arm64", "GOPROXY", "direct"));
        ToolchainPolicy policy = new ToolchainPolicy(Optional.of(VersionRange.parse("[99,)")), true,
                Map.of(InheritedEnvironmentCheck.ID, Severity.WARN, GoVersionCheck.ID, Severity.OFF, "moduleSecurity", Severity.ERROR));
        ToolchainReport report = Toolchains.run(env, dir, List.of(Target.parse("linux/amd64")), policy);
        assertEquals(Verdict.WARN, Toolchains.only(Toolchains.of(report, InheritedEnvironmentCheck.ID), "GOARCH").verdict());
        assertEquals(List.of(Verdict.SKIP), Toolchains.of(report, GoVersionCheck.ID).stream().map(Finding::verdict).toList());
        assertEquals(Verdict.FAIL, Toolchains.only(Toolchains.of(report, "moduleSecurity"), "GOPROXY").verdict());
    }

    @Test
    void anUnknownCheckIdListsTheRealOnes() {
        ToolchainPolicy policy = new ToolchainPolicy(Optional.empty(), true, Map.of("hostArch", Severity.WARN));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Toolchains.run(Toolchains.cleanEnvironment(dir, Map.of()), dir, List.of(), policy));
        assertTrue(e.getMessage().contains("unknown check hostArch; the checks are hostArchitecture, goroot"), e.getMessage());
    }

    @Test
    void anUnknownTargetListsTheValidOnesFromDistList() {
        UnknownTargetException e = assertThrows(UnknownTargetException.class, () -> Toolchains.run(Toolchains.cleanEnvironment(dir, Map.of()),
                dir, List.of(Target.parse("linux/amd65"), Target.parse("linux/amd64")), ToolchainPolicy.defaults()));
        assertTrue(e.getMessage().startsWith("unknown target linux/amd65: go1."), e.getMessage());
        assertTrue(e.getMessage().contains(" linux/amd64 ") && e.getMessage().contains(" windows/arm64"), e.getMessage());
    }

    @Test
    void aHangingGoIsKilledAtTheTimeoutAndTheMessageNamesTheCommand() throws Exception {
        Path fake = dir.resolve("go");
        Files.writeString(fake, "#!/bin/sh\nsleep 300 &\nwait\n");
        Files.setPosixFilePermissions(fake, PosixFilePermissions.fromString("rwxr-xr-x"));
        ToolchainRequest request = new ToolchainRequest(Optional.of(fake.toString()), Optional.empty(), List.of(), dir,
                ToolchainPolicy.defaults(), Duration.ofSeconds(1));
        long start = System.nanoTime();
        ToolchainException e = assertThrows(ToolchainException.class,
                () -> new ToolchainGate(new LiveSystemProbe(), new ProcessRunner()).run(request));
        assertTrue(Duration.ofNanos(System.nanoTime() - start).toSeconds() < 30, "bounded, not the script's 300 s");
        assertTrue(e.getMessage().contains("'" + fake + " version' did not finish within 1.0 s"), e.getMessage());
        assertTrue(e.hint().contains("<timeout>"), e.hint());
    }

    @Test
    void aGoThatPrintsNoVersionIsRejected() throws Exception {
        Path fake = dir.resolve("go");
        Files.writeString(fake, "#!/bin/sh\necho hello\n");
        Files.setPosixFilePermissions(fake, PosixFilePermissions.fromString("rwxr-xr-x"));
        ToolchainRequest request = new ToolchainRequest(Optional.of(fake.toString()), Optional.empty(), List.of(), dir,
                ToolchainPolicy.defaults(), Duration.ofSeconds(10));
        ToolchainException e = assertThrows(ToolchainException.class,
                () -> new ToolchainGate(new LiveSystemProbe(), new ProcessRunner()).run(request));
        assertTrue(e.getMessage().contains("printed 'hello', which names no Go release"), e.getMessage());
    }

    @Test
    void theCompilerPreflightReportsOnlyCompilerMismatchesOfCgoTargets() throws Exception {
        Map<String, String> env = Toolchains.cleanEnvironment(dir, Map.of("GOARCH", "arm64", "GOSUMDB", "off"));
        ToolchainRequest request = new ToolchainRequest(Optional.empty(), Optional.empty(), List.of(
                new Target(io.gohygiene.platform.Platform.parse("linux/arm64"), null, true, "gcc"),
                new Target(io.gohygiene.platform.Platform.parse("linux/amd64"), null, true, "gcc"),
                Target.parse("windows/amd64")), dir, ToolchainPolicy.defaults(), Duration.ofMinutes(1));
        List<Finding> failures = new ToolchainGate(new LiveSystemProbe(env), new ProcessRunner()).compilerFailures(request);
        assertEquals(List.of("linux/arm64 (cgo)"), failures.stream().map(Finding::subject).toList(),
                "GOARCH and GOSUMDB are other checks' business; only the arm64 target's x86_64 gcc is reported");
    }

    @Test
    void aHostTheBuildAlreadyDetectedIsTakenAsIsNotDetectedAgain() throws Exception {
        // The provisioner's detection, handed on: as if this amd64 go ran on an arm64 machine under qemu.
        HostPlatform arm64Host = new HostPlatform("linux", Optional.of("arm64"), Optional.of("amd64"), false, List.of(), "uname -m=aarch64 (recorded)");
        Map<String, String> env = Toolchains.cleanEnvironment(dir, Map.of());
        ToolchainReport report = new ToolchainGate(new LiveSystemProbe(env), new ProcessRunner(), Optional.of(arm64Host))
                .run(Toolchains.request(dir, List.of(), ToolchainPolicy.defaults()));
        assertEquals(arm64Host, report.host());
        assertEquals(List.of("hostArchitecture"), report.failures().stream().map(Finding::check).toList(),
                "the amd64 go is foreign to the arm64 host it was given");
    }
}
