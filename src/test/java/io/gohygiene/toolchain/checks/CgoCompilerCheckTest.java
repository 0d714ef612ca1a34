package io.gohygiene.toolchain.checks;

import io.gohygiene.finding.Finding;
import io.gohygiene.finding.Verdict;
import io.gohygiene.platform.Platform;
import io.gohygiene.platform.Target;
import io.gohygiene.toolchain.ToolchainPolicy;
import io.gohygiene.toolchain.ToolchainReport;
import io.gohygiene.toolchain.Toolchains;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Runs the real gcc of this machine (an x86_64 Linux gcc here) against cgo targets. */
class CgoCompilerCheckTest {

    @TempDir
    Path dir;

    private static Target cgo(String platform, String cc) {
        return new Target(Platform.parse(platform), null, true, cc);
    }

    private List<Finding> check(Map<String, String> env, Target... targets) throws Exception {
        ToolchainReport report = Toolchains.run(Toolchains.cleanEnvironment(dir, env), dir, List.of(targets), ToolchainPolicy.defaults());
        return Toolchains.of(report, CgoCompilerCheck.ID);
    }

    private static String gccTriple() throws Exception {
        Process p = new ProcessBuilder("gcc", "-dumpmachine").start();
        return new String(p.getInputStream().readAllBytes()).strip();
    }

    @Test
    void theHostGccForAnArm64TargetFailsNamingItsTriple() throws Exception {
        Finding f = check(Map.of(), cgo("linux/arm64", "gcc")).get(0);
        assertEquals(Verdict.FAIL, f.verdict());
        assertTrue(f.message().contains("the C compiler gcc targets " + gccTriple() + " (linux/amd64), not linux/arm64"), f.message());
        assertTrue(f.hint().contains("<cc>aarch64-linux-gnu-gcc</cc>") && f.hint().contains("gcc-aarch64-linux-gnu"), f.hint());
    }

    /** Issue 16.2: the build goal would use aarch64-linux-gnu-gcc from PATH (installed here), so the gate checks that one. */
    @Test
    void aLinuxArm64CgoTargetWithoutCcPassesWithTheCrossCompilerTheBuildWouldUse() throws Exception {
        Finding f = check(Map.of(), cgo("linux/arm64", null)).get(0);
        assertEquals(Verdict.PASS, f.verdict(), f.toString());
        assertTrue(f.seen().startsWith("aarch64-linux-gnu-gcc (no <cc>: found on PATH) → aarch64-linux-gnu"), f.seen());
        assertTrue(f.message().contains("the build uses aarch64-linux-gnu-gcc"), f.message());
    }

    @Test
    void theHostGccForTheHostTargetPasses() throws Exception {
        Finding f = check(Map.of(), cgo("linux/amd64", "gcc")).get(0);
        assertEquals(Verdict.PASS, f.verdict());
        assertEquals("<cc>=gcc → " + gccTriple(), f.seen());
    }

    @Test
    void aCompilerThatIsNotInstalledFails() throws Exception {
        Finding f = check(Map.of(), cgo("linux/riscv64", "riscv64-linux-gnu-gcc-nonexistent")).get(0);
        assertEquals(Verdict.FAIL, f.verdict());
        assertTrue(f.message().contains("is not on PATH"), f.message());
    }

    @Test
    void cgoOnAPlatformWithoutCgoSupportFails() throws Exception {
        Finding f = check(Map.of(), cgo("js/wasm", "gcc")).get(0);
        assertEquals(Verdict.FAIL, f.verdict());
        assertTrue(f.message().contains("CgoSupported=false"), f.message());
    }

    @Test
    void crossTargetsWithoutCgoAreReportedAsPureGo() throws Exception {
        Finding f = check(Map.of(), Target.parse("linux/arm64"), Target.parse("windows/amd64")).get(0);
        assertEquals(Verdict.INFO, f.verdict());
        assertEquals("linux/arm64, windows/amd64", f.subject());
    }

    /** Go 1.20+ turns cgo off by itself when no C compiler is found: the check warns, and go env confirms it. */
    @Test
    void aNativeTargetOnAHostWithoutACompilerWarnsThatGoTurnsCgoOff() throws Exception {
        Path bin = Files.createDirectories(dir.resolve("bin"));
        Path realGo = Path.of(new String(new ProcessBuilder("go", "env", "GOROOT").start().getInputStream().readAllBytes()).strip(), "bin", "go");
        Files.createSymbolicLink(bin.resolve("go"), realGo);
        Map<String, String> env = new HashMap<>(Map.of("PATH", bin.toString()));
        Finding f = check(env).get(0);
        assertEquals(Verdict.WARN, f.verdict(), f.toString());
        assertTrue(f.message().contains("Go turns cgo off by itself"), f.message());

        ProcessBuilder goEnv = new ProcessBuilder(realGo.toString(), "env", "CGO_ENABLED");
        goEnv.environment().clear();
        goEnv.environment().putAll(Toolchains.cleanEnvironment(dir, env));
        assertEquals("0", new String(goEnv.start().getInputStream().readAllBytes()).strip(), "go itself says cgo is off");
    }

    @Test
    void zigCanBeTheCompilerOfAnyTarget() throws Exception {
        Path bin = Files.createDirectories(dir.resolve("zigbin"));
        Path zig = bin.resolve("zig");
        Files.writeString(zig, "#!/bin/sh\necho 0.14.0\n");
        Files.setPosixFilePermissions(zig, PosixFilePermissions.fromString("rwxr-xr-x"));
        Finding f = check(Map.of("PATH", bin + ":" + System.getenv("PATH")), cgo("darwin/arm64", "zig")).get(0);
        assertEquals(Verdict.PASS, f.verdict(), f.toString());
    }

    @Test
    void ccIsSplitLikeGoSplitsIt() {
        assertEquals(List.of("zig", "cc", "-target", "aarch64-linux-gnu"), CgoCompilerCheck.splitCommand("zig cc -target aarch64-linux-gnu"));
        assertEquals(List.of("/opt/my tools/gcc", "-m64"), CgoCompilerCheck.splitCommand("'/opt/my tools/gcc' -m64"));
    }
}
