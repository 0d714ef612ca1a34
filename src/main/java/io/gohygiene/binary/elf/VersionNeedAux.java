package io.gohygiene.binary.elf;

/**
 * One Elf_Vernaux record: a version of a needed library ({@code GLIBC_2.34}).
 *
 * @param name  vna_name
 * @param hash  vna_hash, the ELF hash of the name (unsigned 32-bit)
 * @param flags vna_flags ({@link Elf#VER_FLG_WEAK} …)
 * @param other vna_other: the version index that .gnu.version entries use to name this version
 */
public record VersionNeedAux(String name, long hash, int flags, int other) {

    public boolean weak() {
        return (flags & Elf.VER_FLG_WEAK) != 0;
    }
}
