package io.gohygiene.toolchain;

import io.gohygiene.platform.Architectures;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Finds the host's native architecture from sources that emulation does not fake:
 * on macOS {@code sysctl hw.optional.arm64} and {@code sysctl.proc_translated} ({@code uname -m} says x86_64
 * inside Rosetta); on Linux {@code uname -m} plus the binfmt_misc registrations that run foreign binaries.
 */
public final class HostPlatformDetector {

    static final Path BINFMT_MISC = Path.of("/proc/sys/fs/binfmt_misc");

    private HostPlatformDetector() {
    }

    public static HostPlatform detect(SystemProbe probe) {
        String goos = probe.goos();
        Optional<String> jvmArch = probe.property("os.arch").flatMap(Architectures::fromUnameMachine);
        return switch (goos) {
            case "darwin" -> detectDarwin(probe, jvmArch);
            case "windows" -> detectWindows(probe, jvmArch);
            default -> detectUnix(probe, goos, jvmArch);
        };
    }

    private static HostPlatform detectDarwin(SystemProbe probe, Optional<String> jvmArch) {
        boolean arm64Hardware = probe.run(List.of("sysctl", "-n", "hw.optional.arm64")).map(String::strip).filter("1"::equals).isPresent();
        // sysctl.proc_translated does not exist on Intel Macs: absent means "not translated".
        boolean translated = probe.run(List.of("sysctl", "-n", "sysctl.proc_translated")).map(String::strip).filter("1"::equals).isPresent();
        Optional<String> uname = probe.run(List.of("uname", "-m"));
        Optional<String> nativeArch = arm64Hardware ? Optional.of("arm64") : uname.flatMap(Architectures::fromUnameMachine);
        String evidence = "sysctl hw.optional.arm64=" + (arm64Hardware ? "1" : "0/absent")
                + ", sysctl.proc_translated=" + (translated ? "1" : "0/absent") + uname.map(u -> ", uname -m=" + u).orElse("");
        List<HostPlatform.Emulator> emulators = arm64Hardware
                ? List.of(new HostPlatform.Emulator("amd64", "rosetta", "Rosetta 2"))
                : List.of();
        return new HostPlatform("darwin", nativeArch, jvmArch, translated, emulators, evidence);
    }

    private static HostPlatform detectWindows(SystemProbe probe, Optional<String> jvmArch) {
        // A 32-bit process on 64-bit Windows sees PROCESSOR_ARCHITEW6432 holding the real one.
        Optional<String> raw = probe.env("PROCESSOR_ARCHITEW6432").or(() -> probe.env("PROCESSOR_ARCHITECTURE"));
        Optional<String> nativeArch = raw.flatMap(Architectures::fromUnameMachine);
        String evidence = raw.map(r -> "PROCESSOR_ARCHITECTURE=" + r).orElse("PROCESSOR_ARCHITECTURE unset");
        return new HostPlatform("windows", nativeArch, jvmArch, false, List.of(), evidence);
    }

    private static HostPlatform detectUnix(SystemProbe probe, String goos, Optional<String> jvmArch) {
        Optional<String> uname = probe.run(List.of("uname", "-m"));
        Optional<String> nativeArch = uname.flatMap(Architectures::fromUnameMachine);
        List<HostPlatform.Emulator> emulators = goos.equals("linux") ? binfmtEmulators(probe) : List.of();
        String evidence = uname.map(u -> "uname -m=" + u).orElse("uname -m failed")
                + (emulators.isEmpty() ? "" : ", binfmt_misc emulates " + emulators.stream().map(e -> e.goarch() + " (" + e.name() + ")").toList());
        return new HostPlatform(goos, nativeArch.or(() -> jvmArch), jvmArch, false, emulators, evidence);
    }

    /** Enabled binfmt_misc entries for qemu-user or Rosetta for Linux: the kernel runs such binaries through them. */
    static List<HostPlatform.Emulator> binfmtEmulators(SystemProbe probe) {
        List<HostPlatform.Emulator> found = new ArrayList<>();
        for (Path entry : probe.list(BINFMT_MISC)) {
            String name = entry.getFileName().toString();
            if (name.equals("register") || name.equals("status")) {
                continue;
            }
            Optional<String> text = probe.readFile(entry);
            if (text.isEmpty() || !text.get().startsWith("enabled")) {
                continue;
            }
            String interpreter = text.get().lines().filter(l -> l.startsWith("interpreter ")).map(l -> l.substring(12).strip())
                    .findFirst().orElse("?");
            String lower = name.toLowerCase(Locale.ROOT);
            Optional<String> arch = Optional.empty();
            if (lower.startsWith("qemu-")) {
                arch = Architectures.fromTripleArch(lower.substring(5));
            } else if (lower.contains("rosetta")) {
                arch = Optional.of("amd64");
            }
            arch.ifPresent(a -> found.add(new HostPlatform.Emulator(a, name, interpreter)));
        }
        return found;
    }
}
