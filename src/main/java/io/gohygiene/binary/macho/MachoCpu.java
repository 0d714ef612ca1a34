package io.gohygiene.binary.macho;

import io.gohygiene.platform.Architectures;

/** Names for Mach-O cputype/cpusubtype pairs (mach/machine.h), spelled as lipo and file(1) spell them. */
public final class MachoCpu {

    public static final int CPU_ARCH_ABI64_32 = 0x02000000;
    public static final int CPU_TYPE_ARM64_32 = Architectures.CPU_TYPE_ARM | CPU_ARCH_ABI64_32;

    /** The high byte of cpusubtype holds capability bits (CPU_SUBTYPE_LIB64, CPU_SUBTYPE_PTRAUTH_ABI), not the subtype. */
    public static final int CPU_SUBTYPE_MASK = 0xff000000;

    public static final int CPU_SUBTYPE_X86_64_H = 8;

    public static final int CPU_SUBTYPE_ARM_V4T = 5;
    public static final int CPU_SUBTYPE_ARM_V6 = 6;
    public static final int CPU_SUBTYPE_ARM_V5TEJ = 7;
    public static final int CPU_SUBTYPE_ARM_XSCALE = 8;
    public static final int CPU_SUBTYPE_ARM_V7 = 9;
    public static final int CPU_SUBTYPE_ARM_V7F = 10;
    public static final int CPU_SUBTYPE_ARM_V7S = 11;
    public static final int CPU_SUBTYPE_ARM_V7K = 12;
    public static final int CPU_SUBTYPE_ARM_V8 = 13;
    public static final int CPU_SUBTYPE_ARM_V6M = 14;
    public static final int CPU_SUBTYPE_ARM_V7M = 15;
    public static final int CPU_SUBTYPE_ARM_V7EM = 16;

    public static final int CPU_SUBTYPE_ARM64_V8 = 1;
    public static final int CPU_SUBTYPE_ARM64E = 2;

    private MachoCpu() {
    }

    public static String name(int cputype, int cpusubtype) {
        int subtype = cpusubtype & ~CPU_SUBTYPE_MASK;
        return switch (cputype) {
            case Architectures.CPU_TYPE_X86 -> "i386";
            case Architectures.CPU_TYPE_X86_64 -> subtype == CPU_SUBTYPE_X86_64_H ? "x86_64h" : "x86_64";
            case Architectures.CPU_TYPE_ARM64 -> switch (subtype) {
                case CPU_SUBTYPE_ARM64E -> "arm64e";
                case CPU_SUBTYPE_ARM64_V8 -> "arm64v8";
                default -> "arm64";
            };
            case CPU_TYPE_ARM64_32 -> "arm64_32";
            case Architectures.CPU_TYPE_ARM -> armName(subtype);
            case Architectures.CPU_TYPE_POWERPC -> "ppc";
            case Architectures.CPU_TYPE_POWERPC64 -> "ppc64";
            default -> String.format("cputype(0x%x)", cputype);
        };
    }

    private static String armName(int subtype) {
        return switch (subtype) {
            case CPU_SUBTYPE_ARM_V4T -> "armv4t";
            case CPU_SUBTYPE_ARM_V6 -> "armv6";
            case CPU_SUBTYPE_ARM_V5TEJ -> "armv5";
            case CPU_SUBTYPE_ARM_XSCALE -> "xscale";
            case CPU_SUBTYPE_ARM_V7 -> "armv7";
            case CPU_SUBTYPE_ARM_V7F -> "armv7f";
            case CPU_SUBTYPE_ARM_V7S -> "armv7s";
            case CPU_SUBTYPE_ARM_V7K -> "armv7k";
            case CPU_SUBTYPE_ARM_V8 -> "armv8";
            case CPU_SUBTYPE_ARM_V6M -> "armv6m";
            case CPU_SUBTYPE_ARM_V7M -> "armv7m";
            case CPU_SUBTYPE_ARM_V7EM -> "armv7em";
            default -> "arm";
        };
    }
}
