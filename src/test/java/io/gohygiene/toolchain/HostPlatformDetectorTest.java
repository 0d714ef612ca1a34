package io.gohygiene.toolchain;

import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class HostPlatformDetectorTest {

    @Test
    void aRosettaTranslatedJvmOnAppleSiliconSeesTheHardwareThroughSysctl() {
        RecordedProbe rosetta = new RecordedProbe("darwin").property("os.arch", "x86_64")
                .command("1", "sysctl", "-n", "hw.optional.arm64")
                .command("1", "sysctl", "-n", "sysctl.proc_translated")
                .command("x86_64", "uname", "-m");
        HostPlatform host = HostPlatformDetector.detect(rosetta);
        assertEquals(Optional.of("arm64"), host.nativeArch(), "uname -m says x86_64 under Rosetta; the hardware is arm64");
        assertEquals(Optional.of("amd64"), host.jvmArch());
        assertTrue(host.translated());
        assertEquals("Rosetta 2", host.emulatorFor("amd64").orElseThrow().interpreter());
    }

    @Test
    void anIntelMacHasNoArm64SysctlAndNoTranslation() {
        RecordedProbe intel = new RecordedProbe("darwin").property("os.arch", "x86_64").command("x86_64", "uname", "-m");
        HostPlatform host = HostPlatformDetector.detect(intel);
        assertEquals(Optional.of("amd64"), host.nativeArch());
        assertFalse(host.translated());
        assertTrue(host.emulators().isEmpty());
    }

    @Test
    void linuxReportsEnabledQemuAndRosettaBinfmtEntriesOnly() {
        RecordedProbe linux = new RecordedProbe("linux").property("os.arch", "amd64").command("x86_64", "uname", "-m")
                .file("/proc/sys/fs/binfmt_misc/qemu-aarch64", "enabled\ninterpreter /usr/libexec/qemu-binfmt/aarch64-binfmt-P\nflags: POCF\n")
                .file("/proc/sys/fs/binfmt_misc/qemu-riscv64", "disabled\ninterpreter /usr/bin/qemu-riscv64-static\n")
                .file("/proc/sys/fs/binfmt_misc/status", "enabled")
                .file("/proc/sys/fs/binfmt_misc/register", "");
        HostPlatform host = HostPlatformDetector.detect(linux);
        assertEquals(Optional.of("amd64"), host.nativeArch());
        assertEquals(List.of("arm64"), host.emulators().stream().map(HostPlatform.Emulator::goarch).toList());
        assertEquals("/usr/libexec/qemu-binfmt/aarch64-binfmt-P", host.emulatorFor("arm64").orElseThrow().interpreter());
        assertTrue(host.evidence().contains("qemu-aarch64"), host.evidence());
    }

    @Test
    void windowsUsesTheArchitectureOfTheOsNotOfA32BitProcess() {
        RecordedProbe wow64 = new RecordedProbe("windows").property("os.arch", "x86")
                .env("PROCESSOR_ARCHITECTURE", "x86").env("PROCESSOR_ARCHITEW6432", "AMD64");
        assertEquals(Optional.of("amd64"), HostPlatformDetector.detect(wow64).nativeArch());
    }

    @Test
    void thisMachinesNativeArchitectureIsWhatItsGoRunsOn() throws Exception {
        HostPlatform host = HostPlatformDetector.detect(new LiveSystemProbe());
        Process p = new ProcessBuilder("go", "env", "GOHOSTARCH").start();
        String goHostArch = new String(p.getInputStream().readAllBytes()).strip();
        assertEquals(Optional.of(goHostArch), host.nativeArch(), host.evidence());
        if (Files.isDirectory(Path.of("/proc/sys/fs/binfmt_misc"))) {
            assertTrue(host.evidence().startsWith("uname -m="), host.evidence());
        }
    }
}
