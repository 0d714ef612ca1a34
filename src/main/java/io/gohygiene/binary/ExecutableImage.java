package io.gohygiene.binary;

import java.nio.ByteOrder;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * What the Go build-info reader needs from a container format (ELF, one Mach-O slice, PE): where the data
 * holding the build-info blob starts, and how virtual addresses map to file offsets (pre-1.18 build info
 * stores pointers). Each format's parser implements it; offsets are absolute in the file (a Mach-O slice
 * inside a universal file includes the slice's offset).
 */
public interface ExecutableImage {

    /** A range of the image, by virtual address and by place in the file. */
    record Region(long address, long fileOffset, long size) {
    }

    /**
     * Where Go's build info lives, found the way Go's debug/buildinfo finds it: the {@code .go.buildinfo} (ELF, PE)
     * or {@code __go_buildinfo} (Mach-O) section, else the start of the writable data (ELF: the first PT_LOAD that
     * is writable and not executable; Mach-O: the __DATA segment; PE: the first initialized, writable section).
     */
    Optional<Region> buildInfoRegion();

    /**
     * The file offset of {@code length} bytes at virtual address {@code address}, if they lie wholly in bytes
     * the file holds (not in .bss-like zero fill).
     */
    OptionalLong fileOffsetOf(long address, long length);

    /** Byte order of the image's data. */
    ByteOrder byteOrder();

    /** 4 or 8. */
    int pointerSize();
}
