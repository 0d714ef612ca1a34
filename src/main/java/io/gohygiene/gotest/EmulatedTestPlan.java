package io.gohygiene.gotest;

import io.gohygiene.platform.Platform;
import io.gohygiene.platform.Target;
import io.gohygiene.toolchain.CrossCompilers;
import io.gohygiene.toolchain.SystemProbe;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The targets whose tests were asked for ({@code <test>true</test>}) as they will run: under an emulator, or not at
 * all with the reason a build log shows. Only another architecture of the host's OS can run here: user-mode qemu
 * translates instructions, not system calls. The host's own platform is left out: the host run tests it.
 *
 * @param configured the target as the pom has it (the key of its zig settings)
 * @param target   the target as its tests are built: a cgo target's C compiler found on PATH when the pom names none,
 *                 as the build goal finds it ({@link CrossCompilers})
 * @param emulator the emulator its test binaries run under; empty when they cannot run here
 * @param skipped  why they do not run (empty when they do)
 */
public record EmulatedTestPlan(Target configured, Target target, Optional<Emulator> emulator, Optional<String> skipped) {

    public static List<EmulatedTestPlan> plan(List<Target> testTargets, Map<Platform, Path> sysroots, Platform host, SystemProbe probe) {
        List<EmulatedTestPlan> plans = new ArrayList<>();
        for (Target t : testTargets) {
            Platform p = t.platform();
            if (p.equals(host)) {
                continue;
            }
            if (!p.goos().equals(host.goos())) {
                plans.add(skip(t, "tests of " + t.name() + " do not run on this " + host + " host: user-mode emulation runs"
                        + " only another architecture of the host's OS (" + host.goos() + "); run them on a " + p.goos() + " machine"));
                continue;
            }
            Optional<String> program = Emulator.qemuProgram(p);
            if (program.isEmpty()) {
                plans.add(skip(t, "tests of " + t.name() + " do not run: qemu-user has no emulator for GOARCH=" + p.goarch()));
                continue;
            }
            Optional<Emulator> emulator = Emulator.find(p, Optional.ofNullable(sysroots.get(p)), probe);
            if (emulator.isEmpty()) {
                plans.add(skip(t, "tests of " + t.name() + " skipped: " + program.get() + " is not on PATH"
                        + " (Debian/Ubuntu: apt-get install qemu-user; Fedora: dnf install qemu-user)"));
                continue;
            }
            plans.add(new EmulatedTestPlan(t, CrossCompilers.withDiscoveredCompiler(t, host, probe), emulator, Optional.empty()));
        }
        return plans;
    }

    private static EmulatedTestPlan skip(Target t, String why) {
        return new EmulatedTestPlan(t, t, Optional.empty(), Optional.of(why));
    }
}
