package io.gohygiene.toolchain;

import io.gohygiene.platform.Platform;
import io.gohygiene.platform.Target;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Finds the C cross compiler for a cgo target that names none, by the GNU triple Debian and Ubuntu name their
 * cross compilers after ({@code aarch64-linux-gnu-gcc} for linux/arm64, {@code x86_64-w64-mingw32-gcc} for
 * windows/amd64), on the build's PATH. The one answer to "which C compiler for this target": the toolchain gate
 * checks the compiler the build goal will use, so the two goals cannot disagree (issue 16.2).
 */
public final class CrossCompilers {

    private static final Map<String, List<String>> BY_PLATFORM = Map.ofEntries(
            Map.entry("linux/amd64", List.of("x86_64-linux-gnu-gcc")),
            Map.entry("linux/arm64", List.of("aarch64-linux-gnu-gcc")),
            Map.entry("linux/arm", List.of("arm-linux-gnueabihf-gcc", "arm-linux-gnueabi-gcc")),
            Map.entry("linux/386", List.of("i686-linux-gnu-gcc")),
            Map.entry("linux/riscv64", List.of("riscv64-linux-gnu-gcc")),
            Map.entry("linux/ppc64le", List.of("powerpc64le-linux-gnu-gcc")),
            Map.entry("linux/s390x", List.of("s390x-linux-gnu-gcc")),
            Map.entry("linux/mips64le", List.of("mips64el-linux-gnuabi64-gcc")),
            Map.entry("linux/loong64", List.of("loongarch64-linux-gnu-gcc")),
            Map.entry("windows/amd64", List.of("x86_64-w64-mingw32-gcc")),
            Map.entry("windows/386", List.of("i686-w64-mingw32-gcc")));

    private CrossCompilers() {
    }

    /** The first conventional cross compiler for the target's platform found on PATH. */
    public static Optional<String> discover(Target target, SystemProbe probe) {
        for (String name : BY_PLATFORM.getOrDefault(target.platform().toString(), List.of())) {
            if (probe.which(name).isPresent()) {
                return Optional.of(name);
            }
        }
        return Optional.empty();
    }

    /** The target with its C compiler filled in, when it wants cgo, names none, is a cross build and one is found. */
    public static Target withDiscoveredCompiler(Target target, Platform host, SystemProbe probe) {
        if (!target.wantsCgo() || target.cc() != null || target.platform().equals(host)) {
            return target;
        }
        return discover(target, probe).map(cc -> new Target(target.platform(), target.variant(), target.cgo(), cc)).orElse(target);
    }

    /**
     * How a finding names {@code resolved}'s compiler: {@code <cc>=gcc} when the pom chose it,
     * {@code aarch64-linux-gnu-gcc (no <cc>: found on PATH)} when it was discovered; empty when Go's default applies.
     */
    public static Optional<String> label(Target configured, Target resolved) {
        if (resolved.cc() == null) {
            return Optional.empty();
        }
        return Optional.of(configured.cc() == null ? resolved.cc() + " (no <cc>: found on PATH)" : "<cc>=" + resolved.cc());
    }
}
