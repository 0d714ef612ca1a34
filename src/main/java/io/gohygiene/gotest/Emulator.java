package io.gohygiene.gotest;

import io.gohygiene.platform.Platform;
import io.gohygiene.toolchain.SystemProbe;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A user-mode emulator (Debian's {@code qemu-user}) that runs another architecture's test binaries on this host,
 * handed to go as {@code go test -exec}. {@code loaderPrefix} is qemu's {@code -L}: the directory under which the
 * target's dynamic loader and C libraries live ({@code /usr/aarch64-linux-gnu} for Debian's cross libc), needed by a
 * cgo test binary and harmless for a static one.
 */
public record Emulator(Path executable, Optional<Path> loaderPrefix) {

    /** GOARCH → qemu's name for the architecture. */
    private static final Map<String, String> QEMU_ARCH = Map.ofEntries(
            Map.entry("amd64", "x86_64"), Map.entry("386", "i386"), Map.entry("arm64", "aarch64"), Map.entry("arm", "arm"),
            Map.entry("riscv64", "riscv64"), Map.entry("ppc64le", "ppc64le"), Map.entry("ppc64", "ppc64"),
            Map.entry("s390x", "s390x"), Map.entry("mips", "mips"), Map.entry("mipsle", "mipsel"), Map.entry("mips64", "mips64"),
            Map.entry("mips64le", "mips64el"), Map.entry("loong64", "loongarch64"));

    /** GOARCH → the GNU triple of Debian's cross libc packages ({@code libc6-<arch>-cross} installs under /usr/&lt;triple&gt;). */
    private static final Map<String, String> DEBIAN_CROSS_TRIPLE = Map.ofEntries(
            Map.entry("amd64", "x86_64-linux-gnu"), Map.entry("386", "i686-linux-gnu"), Map.entry("arm64", "aarch64-linux-gnu"),
            Map.entry("arm", "arm-linux-gnueabihf"), Map.entry("riscv64", "riscv64-linux-gnu"),
            Map.entry("ppc64le", "powerpc64le-linux-gnu"), Map.entry("s390x", "s390x-linux-gnu"),
            Map.entry("mips64le", "mips64el-linux-gnuabi64"), Map.entry("loong64", "loongarch64-linux-gnu"));

    /** {@code qemu-aarch64} for linux/arm64; empty for an architecture qemu-user does not emulate. */
    public static Optional<String> qemuProgram(Platform target) {
        return Optional.ofNullable(QEMU_ARCH.get(target.goarch())).map(arch -> "qemu-" + arch);
    }

    /**
     * The emulator for {@code target} on this host's PATH ({@code qemu-<arch>}, else Debian's
     * {@code qemu-<arch>-static}), with the target's {@code <sysroot>} as loader prefix, else Debian's cross libc
     * directory when it exists; empty when neither program is installed.
     */
    public static Optional<Emulator> find(Platform target, Optional<Path> sysroot, SystemProbe probe) {
        Optional<String> program = qemuProgram(target);
        if (program.isEmpty()) {
            return Optional.empty();
        }
        Optional<Path> executable = probe.which(program.get()).or(() -> probe.which(program.get() + "-static"));
        if (executable.isEmpty()) {
            return Optional.empty();
        }
        Optional<Path> prefix = sysroot.or(() -> Optional.ofNullable(DEBIAN_CROSS_TRIPLE.get(target.goarch()))
                .map(triple -> Path.of("/usr", triple)).filter(probe::isDirectory));
        return Optional.of(new Emulator(executable.get(), prefix));
    }

    /** The command go runs each test binary under: {@code qemu-aarch64 -L /usr/aarch64-linux-gnu}. */
    public List<String> command() {
        List<String> argv = new ArrayList<>(List.of(executable.toString()));
        loaderPrefix.ifPresent(p -> argv.addAll(List.of("-L", p.toString())));
        return argv;
    }

    /**
     * {@code -exec=<command>} as go splits it (cmd/internal/quoted: fields separated by spaces, a field may be wrapped
     * in single or double quotes, no escapes), so a path with a space stays one argument.
     */
    public String execFlag() {
        List<String> quoted = new ArrayList<>();
        for (String arg : command()) {
            if (arg.chars().noneMatch(Character::isWhitespace) && !arg.contains("'") && !arg.contains("\"")) {
                quoted.add(arg);
            } else if (!arg.contains("'")) {
                quoted.add("'" + arg + "'");
            } else if (!arg.contains("\"")) {
                quoted.add("\"" + arg + "\"");
            } else {
                throw new IllegalArgumentException("go test -exec cannot pass " + arg + ": it holds both kinds of quote; rename the directory");
            }
        }
        return "-exec=" + String.join(" ", quoted);
    }
}
