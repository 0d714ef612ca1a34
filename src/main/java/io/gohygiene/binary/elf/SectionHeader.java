package io.gohygiene.binary.elf;

/**
 * One section header (gABI "Section Header") with its name from the section header string table. Offsets,
 * addresses and sizes are unsigned 64-bit values; one of 2^63 or more reads as negative and is rejected when
 * the section is read.
 *
 * @param type sh_type ({@link Elf#SHT_DYNSYM} …)
 * @param link sh_link, unsigned 32-bit
 * @param info sh_info, unsigned 32-bit
 */
public record SectionHeader(String name, int type, long flags, long addr, long offset, long size, long link, long info,
                            long addralign, long entsize) {

    /** {@code SHT_PROGBITS}, {@code SHT_GNU_VERNEED} … */
    public String typeName() {
        return ElfNames.sectionType(type);
    }

    /** False for SHT_NOBITS (.bss): such a section occupies no bytes in the file. */
    public boolean hasFileData() {
        return type != Elf.SHT_NOBITS;
    }

    SectionHeader withName(String newName) {
        return new SectionHeader(newName, type, flags, addr, offset, size, link, info, addralign, entsize);
    }
}
