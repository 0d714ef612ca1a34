package io.gohygiene.binary.elf;

import java.nio.ByteOrder;

/**
 * The ELF file header (gABI "ELF Header"), as read: {@code phnum}, {@code shnum} and {@code shstrndx} are the
 * raw fields, which may hold the extended-numbering escapes ({@link Elf#PN_XNUM}, 0, {@link Elf#SHN_XINDEX});
 * {@link ElfFile#programHeaders()} and {@link ElfFile#sections()} have the resolved counts. Unsigned fields
 * wider than 31 bits are held in {@code long}s.
 *
 * @param elfClass 32 or 64 (EI_CLASS)
 * @param osAbi    EI_OSABI
 * @param type     e_type
 * @param machine  e_machine
 * @param flags    e_flags, unsigned 32-bit
 */
public record ElfHeader(int elfClass, ByteOrder byteOrder, int osAbi, int abiVersion, int type, int machine, long version,
                        long entry, long phoff, long shoff, long flags, int ehsize, int phentsize, int phnum, int shentsize,
                        int shnum, int shstrndx) {

    public boolean is64() {
        return elfClass == 64;
    }

    /** {@code ELFOSABI_NONE}, {@code ELFOSABI_FREEBSD} … */
    public String osAbiName() {
        return ElfNames.osAbi(osAbi);
    }

    /** {@code ET_EXEC}, {@code ET_DYN} … */
    public String typeName() {
        return ElfNames.type(type);
    }

    /** {@code EM_X86_64}, {@code EM_AARCH64} … */
    public String machineName() {
        return ElfNames.machine(machine);
    }

    /** e_flags in hex, as readelf prints it. */
    public String flagsHex() {
        return "0x" + Long.toHexString(flags);
    }
}
