package io.gohygiene.binary.macho;

import io.gohygiene.platform.Architectures;

/**
 * One {@code struct fat_arch} / {@code fat_arch_64} entry of a universal file: which architecture the slice is
 * for, and where it lies ({@code offset}, {@code size}, absolute in the file; {@code align} is a power of two).
 */
public record FatArch(int cputype, int cpusubtype, long offset, long size, long align) {

    /** {@code arm64}, {@code x86_64} … as lipo -info prints them. */
    public String cpuName() {
        return MachoCpu.name(cputype, cpusubtype);
    }

    /** GOARCH, or {@code unknown(0x…)} for a CPU Go does not target. */
    public String goarch() {
        return Architectures.fromMachoCpuType(cputype).orElse(String.format("unknown(0x%x)", cputype));
    }
}
