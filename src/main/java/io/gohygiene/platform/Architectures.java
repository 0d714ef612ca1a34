package io.gohygiene.platform;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The one table from the names other tools use for a CPU to Go's GOARCH: ELF {@code e_machine},
 * Mach-O {@code cputype}, PE {@code Machine}, {@code uname -m}, and the arch field of a GNU/LLVM target triple.
 */
public final class Architectures {

    // ELF gABI e_machine values (elf.h).
    public static final int EM_386 = 3;
    public static final int EM_MIPS = 8;
    public static final int EM_PPC = 20;
    public static final int EM_PPC64 = 21;
    public static final int EM_S390 = 22;
    public static final int EM_ARM = 40;
    public static final int EM_X86_64 = 62;
    public static final int EM_AARCH64 = 183;
    public static final int EM_RISCV = 243;
    public static final int EM_LOONGARCH = 258;

    // Mach-O cputype values (mach/machine.h).
    public static final int CPU_ARCH_ABI64 = 0x01000000;
    public static final int CPU_TYPE_X86 = 7;
    public static final int CPU_TYPE_X86_64 = CPU_TYPE_X86 | CPU_ARCH_ABI64;
    public static final int CPU_TYPE_ARM = 12;
    public static final int CPU_TYPE_ARM64 = CPU_TYPE_ARM | CPU_ARCH_ABI64;
    public static final int CPU_TYPE_POWERPC = 18;
    public static final int CPU_TYPE_POWERPC64 = CPU_TYPE_POWERPC | CPU_ARCH_ABI64;

    // PE/COFF Machine values (PE format, "Machine Types").
    public static final int IMAGE_FILE_MACHINE_I386 = 0x014c;
    public static final int IMAGE_FILE_MACHINE_ARMNT = 0x01c4;
    public static final int IMAGE_FILE_MACHINE_AMD64 = 0x8664;
    public static final int IMAGE_FILE_MACHINE_ARM64 = 0xaa64;
    public static final int IMAGE_FILE_MACHINE_RISCV64 = 0x5064;
    public static final int IMAGE_FILE_MACHINE_LOONGARCH64 = 0x6264;

    private static final Map<String, String> UNAME = Map.ofEntries(
            Map.entry("x86_64", "amd64"), Map.entry("amd64", "amd64"), Map.entry("x64", "amd64"),
            Map.entry("i386", "386"), Map.entry("i486", "386"), Map.entry("i586", "386"), Map.entry("i686", "386"),
            Map.entry("x86", "386"),
            Map.entry("aarch64", "arm64"), Map.entry("arm64", "arm64"), Map.entry("aarch64_be", "arm64be"),
            Map.entry("riscv64", "riscv64"), Map.entry("ppc64le", "ppc64le"), Map.entry("ppc64", "ppc64"),
            Map.entry("s390x", "s390x"), Map.entry("loongarch64", "loong64"),
            Map.entry("mips64", "mips64"), Map.entry("mips", "mips"));

    private Architectures() {
    }

    /**
     * GOARCH for an ELF machine; the class and byte order decide between the 32/64-bit and
     * little/big-endian variants that share one e_machine.
     */
    public static Optional<String> fromElfMachine(int machine, boolean is64, boolean littleEndian) {
        return Optional.ofNullable(switch (machine) {
            case EM_386 -> "386";
            case EM_X86_64 -> "amd64";
            case EM_ARM -> "arm";
            case EM_AARCH64 -> "arm64";
            case EM_RISCV -> is64 ? "riscv64" : null;
            case EM_PPC64 -> littleEndian ? "ppc64le" : "ppc64";
            case EM_S390 -> is64 ? "s390x" : null;
            case EM_LOONGARCH -> is64 ? "loong64" : null;
            case EM_MIPS -> is64 ? (littleEndian ? "mips64le" : "mips64") : (littleEndian ? "mipsle" : "mips");
            default -> null;
        });
    }

    public static Optional<String> fromMachoCpuType(int cputype) {
        return Optional.ofNullable(switch (cputype) {
            case CPU_TYPE_X86 -> "386";
            case CPU_TYPE_X86_64 -> "amd64";
            case CPU_TYPE_ARM -> "arm";
            case CPU_TYPE_ARM64 -> "arm64";
            case CPU_TYPE_POWERPC -> "ppc";
            case CPU_TYPE_POWERPC64 -> "ppc64";
            default -> null;
        });
    }

    public static Optional<String> fromPeMachine(int machine) {
        return Optional.ofNullable(switch (machine) {
            case IMAGE_FILE_MACHINE_I386 -> "386";
            case IMAGE_FILE_MACHINE_AMD64 -> "amd64";
            case IMAGE_FILE_MACHINE_ARMNT -> "arm";
            case IMAGE_FILE_MACHINE_ARM64 -> "arm64";
            case IMAGE_FILE_MACHINE_RISCV64 -> "riscv64";
            case IMAGE_FILE_MACHINE_LOONGARCH64 -> "loong64";
            default -> null;
        });
    }

    /** GOARCH for what {@code uname -m} (or {@code PROCESSOR_ARCHITECTURE}) prints. */
    public static Optional<String> fromUnameMachine(String machine) {
        String m = machine.strip().toLowerCase(Locale.ROOT);
        if (m.startsWith("armv") || m.equals("arm")) {
            // 64-bit ARM is aarch64/arm64; armv8l is a 32-bit kernel or personality on an ARMv8 CPU (as cmd/dist reads it).
            return Optional.of("arm");
        }
        return Optional.ofNullable(UNAME.get(m));
    }

    /**
     * The arch field of a GNU/LLVM target triple for a GOARCH, as zig and clang spell it: {@code x86_64} for amd64,
     * {@code aarch64} for arm64, {@code powerpc64le}, {@code mipsel} … (the reverse of {@link #fromTripleArch}).
     */
    public static Optional<String> tripleArch(String goarch) {
        return Optional.ofNullable(switch (goarch) {
            case "amd64" -> "x86_64";
            case "arm64" -> "aarch64";
            case "386" -> "x86";
            case "arm" -> "arm";
            case "riscv64" -> "riscv64";
            case "ppc64le" -> "powerpc64le";
            case "ppc64" -> "powerpc64";
            case "s390x" -> "s390x";
            case "loong64" -> "loongarch64";
            case "mips" -> "mips";
            case "mipsle" -> "mipsel";
            case "mips64" -> "mips64";
            case "mips64le" -> "mips64el";
            default -> null;
        });
    }

    /** GOARCH for the first field of a target triple ({@code aarch64-linux-gnu}, {@code x86_64-pc-linux-gnu}, {@code armv7a-…}). */
    public static Optional<String> fromTripleArch(String arch) {
        String a = arch.strip().toLowerCase(Locale.ROOT);
        return switch (a) {
            case "powerpc64le" -> Optional.of("ppc64le");
            case "powerpc64" -> Optional.of("ppc64");
            case "mipsel", "mipsisa32r6el" -> Optional.of("mipsle");
            case "mips64el", "mipsisa64r6el" -> Optional.of("mips64le");
            case "wasm32" -> Optional.of("wasm");
            default -> a.startsWith("thumb") ? Optional.of("arm") : fromUnameMachine(a);
        };
    }

    /** GOOS named anywhere in a target triple: {@code x86_64-w64-mingw32} is windows, {@code arm64-apple-darwin23} is darwin. */
    public static Optional<String> osFromTriple(String triple) {
        String t = triple.toLowerCase(Locale.ROOT);
        if (t.contains("android")) {
            return Optional.of("android");
        }
        if (t.contains("linux")) {
            return Optional.of("linux");
        }
        if (t.contains("-ios")) {
            return Optional.of("ios");
        }
        if (t.contains("darwin") || t.contains("macos") || t.contains("apple")) {
            return Optional.of("darwin");
        }
        if (t.contains("mingw") || t.contains("windows") || t.contains("cygwin")) {
            return Optional.of("windows");
        }
        for (String os : new String[] {"freebsd", "netbsd", "openbsd", "dragonfly", "solaris", "illumos", "aix"}) {
            if (t.contains(os)) {
                return Optional.of(os);
            }
        }
        return Optional.empty();
    }
}
