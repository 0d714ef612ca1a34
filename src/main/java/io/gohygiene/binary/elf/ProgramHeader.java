package io.gohygiene.binary.elf;

import java.util.OptionalLong;

/**
 * One program header (gABI "Program Header"): a segment as the loader sees it. Offsets, addresses and sizes are
 * unsigned 64-bit values; one of 2^63 or more reads as negative and never maps to file bytes.
 *
 * @param type  p_type ({@link Elf#PT_LOAD} …)
 * @param flags p_flags ({@link Elf#PF_R} | {@link Elf#PF_W} | {@link Elf#PF_X})
 */
public record ProgramHeader(int type, int flags, long offset, long vaddr, long paddr, long filesz, long memsz, long align) {

    /** The spec's name for the type; processor-specific types are named for their machine ({@code PT_ARM_EXIDX}). */
    public String typeName(int machine) {
        return ElfNames.programType(type, machine);
    }

    public boolean readable() {
        return (flags & Elf.PF_R) != 0;
    }

    public boolean writable() {
        return (flags & Elf.PF_W) != 0;
    }

    public boolean executable() {
        return (flags & Elf.PF_X) != 0;
    }

    /**
     * The file offset of {@code length} bytes at virtual address {@code address} if this segment's file image
     * (its first p_filesz bytes, not the zero-filled rest of p_memsz) holds all of them.
     */
    public OptionalLong fileOffsetOf(long address, long length) {
        if (length < 0 || offset < 0 || filesz < 0 || Long.compareUnsigned(address, vaddr) < 0) {
            return OptionalLong.empty();
        }
        long delta = address - vaddr;
        if (delta < 0 || delta > filesz - length || offset + delta < 0) {
            return OptionalLong.empty();
        }
        return OptionalLong.of(offset + delta);
    }
}
