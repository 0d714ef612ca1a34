package io.gohygiene.gotest;

import io.gohygiene.platform.Platform;
import io.gohygiene.platform.Target;
import io.gohygiene.toolchain.RecordedProbe;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Which opted-in targets run under which emulator, and the line a build log shows for each that cannot. */
class EmulatedTestPlanTest {

    static final Platform HOST = Platform.parse("linux/amd64");

    @Test
    void theHostIsLeftToTheHostRunAnotherOsIsSkippedWithItsReason() {
        RecordedProbe probe = new RecordedProbe("linux").env("PATH", "/usr/bin").executable("/usr/bin/qemu-aarch64");
        List<EmulatedTestPlan> plans = EmulatedTestPlan.plan(List.of(Target.parse("linux/amd64"), Target.parse("windows/amd64"),
                Target.parse("linux/arm64")), Map.of(), HOST, probe);

        assertEquals(2, plans.size());
        assertTrue(plans.get(0).skipped().orElseThrow().contains("tests of windows/amd64 do not run on this linux/amd64 host"),
                plans.get(0).skipped().toString());
        assertEquals(Optional.of(new Emulator(Path.of("/usr/bin/qemu-aarch64"), Optional.empty())), plans.get(1).emulator());
    }

    @Test
    void aMissingEmulatorIsNamedWithThePackageThatInstallsIt() {
        RecordedProbe probe = new RecordedProbe("linux").env("PATH", "/usr/bin");
        EmulatedTestPlan plan = EmulatedTestPlan.plan(List.of(Target.parse("linux/riscv64")), Map.of(), HOST, probe).get(0);

        assertTrue(plan.emulator().isEmpty());
        assertTrue(plan.skipped().orElseThrow().contains("qemu-riscv64 is not on PATH")
                && plan.skipped().orElseThrow().contains("apt-get install qemu-user"), plan.skipped().toString());
    }

    @Test
    void theStaticEmulatorIsFoundAndTheSysrootOrDebiansCrossLibcIsTheLoaderPrefix() {
        RecordedProbe probe = new RecordedProbe("linux").env("PATH", "/opt/q:/usr/bin").executable("/opt/q/qemu-arm-static")
                .executable("/usr/bin/qemu-aarch64").directory("/usr/aarch64-linux-gnu");
        List<EmulatedTestPlan> plans = EmulatedTestPlan.plan(List.of(Target.parse("linux/arm/7"), Target.parse("linux/arm64")),
                Map.of(Platform.parse("linux/arm"), Path.of("/sysroots/armhf")), HOST, probe);

        assertEquals(List.of("/opt/q/qemu-arm-static", "-L", "/sysroots/armhf"), plans.get(0).emulator().orElseThrow().command());
        assertEquals(List.of("/usr/bin/qemu-aarch64", "-L", "/usr/aarch64-linux-gnu"), plans.get(1).emulator().orElseThrow().command());
    }

    @Test
    void theExecFlagKeepsAPathWithSpacesOneArgumentAsGoSplitsIt() {
        assertEquals("-exec=/usr/bin/qemu-aarch64 -L /usr/aarch64-linux-gnu",
                new Emulator(Path.of("/usr/bin/qemu-aarch64"), Optional.of(Path.of("/usr/aarch64-linux-gnu"))).execFlag());
        assertEquals("-exec='/opt/my tools/qemu-aarch64' -L \"/roots/it's here\"",
                new Emulator(Path.of("/opt/my tools/qemu-aarch64"), Optional.of(Path.of("/roots/it's here"))).execFlag());
        assertThrows(IllegalArgumentException.class,
                () -> new Emulator(Path.of("/a b/q'\""), Optional.empty()).execFlag());
    }
}
