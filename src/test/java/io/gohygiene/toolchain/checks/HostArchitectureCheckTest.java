package io.gohygiene.toolchain.checks;

import io.gohygiene.binary.BinaryInspector;
import io.gohygiene.binary.BinaryReport;
import io.gohygiene.finding.Finding;
import io.gohygiene.finding.Severity;
import io.gohygiene.finding.Verdict;
import io.gohygiene.testing.GoBinaries;
import io.gohygiene.toolchain.HostPlatform;
import io.gohygiene.toolchain.ToolchainContext;
import io.gohygiene.toolchain.ToolchainPolicy;
import io.gohygiene.toolchain.Toolchains;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Real go executables' headers (cross-compiled by the test) against a host played as amd64, arm64 Mac, qemu Linux. */
class HostArchitectureCheckTest {

    @TempDir
    static Path dir;
    static ToolchainContext machine;

    private static final HostPlatform LINUX_AMD64 = new HostPlatform("linux", Optional.of("amd64"), Optional.of("amd64"), false,
            List.of(), "uname -m=x86_64");
    private static final HostPlatform LINUX_AMD64_QEMU = new HostPlatform("linux", Optional.of("amd64"), Optional.of("amd64"), false,
            List.of(new HostPlatform.Emulator("arm64", "qemu-aarch64", "/usr/bin/qemu-aarch64-static")), "uname -m=x86_64");
    private static final HostPlatform MAC_ARM64_TRANSLATED_JVM = new HostPlatform("darwin", Optional.of("arm64"), Optional.of("amd64"), true,
            List.of(new HostPlatform.Emulator("amd64", "rosetta", "Rosetta 2")), "sysctl hw.optional.arm64=1, sysctl.proc_translated=1");

    @BeforeAll
    static void gather() throws Exception {
        machine = Toolchains.context(Toolchains.cleanEnvironment(dir, Map.of()), dir, List.of(), ToolchainPolicy.defaults());
    }

    private static List<Finding> check(String goos, String goarch, HostPlatform host, ToolchainContext base) throws Exception {
        BinaryReport header = BinaryInspector.inspect(GoBinaries.build(goos, goarch));
        return new HostArchitectureCheck().check(Toolchains.withHost(base, Optional.of(header), host));
    }

    @Test
    void aNativeGoPasses() throws Exception {
        List<Finding> findings = check("linux", "amd64", LINUX_AMD64, machine);
        assertEquals(Verdict.PASS, findings.get(0).verdict());
        assertEquals("go is linux/amd64 ELF", findings.get(0).seen());
    }

    @Test
    void anArm64GoOnAnAmd64HostFailsAndNamesTheQemuEmulation() throws Exception {
        Finding f = check("linux", "arm64", LINUX_AMD64_QEMU, machine).get(0);
        assertEquals(Verdict.FAIL, f.verdict());
        assertEquals("go is linux/arm64 ELF", f.seen());
        assertTrue(f.message().contains("the go executable is arm64 but this machine is amd64"), f.message());
        assertTrue(f.message().contains("qemu-aarch64 emulation (/usr/bin/qemu-aarch64-static)"), f.message());
        assertTrue(f.hint().contains("linux/amd64 Go distribution"), f.hint());
    }

    @Test
    void anAmd64GoOnAppleSiliconFailsAsRosettaAndATranslatedJvmWarns() throws Exception {
        List<Finding> findings = check("darwin", "amd64", MAC_ARM64_TRANSLATED_JVM, machine);
        Finding go = findings.get(0);
        assertEquals(Verdict.FAIL, go.verdict());
        assertEquals("go is darwin/amd64 Mach-O", go.seen());
        assertTrue(go.message().contains("Rosetta 2"), go.message());
        assertTrue(go.hint().contains("`file $(which go)` must say arm64"), go.hint());
        Finding jvm = findings.get(1);
        assertEquals(Verdict.WARN, jvm.verdict());
        assertTrue(jvm.hint().contains("arm64 JDK"), jvm.hint());
    }

    @Test
    void anArm64GoOnAppleSiliconPasses() throws Exception {
        HostPlatform nativeJvm = new HostPlatform("darwin", Optional.of("arm64"), Optional.of("arm64"), false, List.of(), "sysctl");
        assertEquals(Verdict.PASS, check("darwin", "arm64", nativeJvm, machine).get(0).verdict());
    }

    @Test
    void nativeToolchainFalseTurnsTheFailureIntoAWarning() throws Exception {
        ToolchainContext lenient = Toolchains.context(Toolchains.cleanEnvironment(dir, Map.of()), dir, List.of(),
                new ToolchainPolicy(Optional.empty(), false, Map.of()));
        assertEquals(Verdict.WARN, check("linux", "arm64", LINUX_AMD64, lenient).get(0).verdict());
        assertEquals(Verdict.WARN, Severity.WARN.apply(Verdict.FAIL));
    }

    @Test
    void theRealGoOnThisMachineIsNative() {
        List<Finding> findings = new HostArchitectureCheck().check(machine);
        assertEquals(Verdict.PASS, findings.get(0).verdict(), findings.toString());
    }
}
