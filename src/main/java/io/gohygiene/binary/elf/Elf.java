package io.gohygiene.binary.elf;

/**
 * Constants of the ELF gABI, the GNU extensions and the processor supplements, named as in {@code elf.h}
 * (only those this package reads or names). Machine numbers ({@code EM_*}) that Go targets live in
 * {@link io.gohygiene.platform.Architectures}.
 */
public final class Elf {

    // e_ident
    public static final int EI_NIDENT = 16;
    public static final int EI_CLASS = 4;
    public static final int EI_DATA = 5;
    public static final int EI_VERSION = 6;
    public static final int EI_OSABI = 7;
    public static final int EI_ABIVERSION = 8;
    public static final int ELFCLASS32 = 1;
    public static final int ELFCLASS64 = 2;
    public static final int ELFDATA2LSB = 1;
    public static final int ELFDATA2MSB = 2;
    public static final int EV_CURRENT = 1;

    // EI_OSABI
    public static final int ELFOSABI_NONE = 0;
    public static final int ELFOSABI_NETBSD = 2;
    public static final int ELFOSABI_LINUX = 3;
    public static final int ELFOSABI_SOLARIS = 6;
    public static final int ELFOSABI_FREEBSD = 9;
    public static final int ELFOSABI_OPENBSD = 12;

    // e_type
    public static final int ET_NONE = 0;
    public static final int ET_REL = 1;
    public static final int ET_EXEC = 2;
    public static final int ET_DYN = 3;
    public static final int ET_CORE = 4;

    // Extended numbering: the real counts live in section header 0.
    public static final int PN_XNUM = 0xffff;
    public static final int SHN_UNDEF = 0;
    public static final int SHN_LORESERVE = 0xff00;
    public static final int SHN_XINDEX = 0xffff;

    // p_type
    public static final int PT_NULL = 0;
    public static final int PT_LOAD = 1;
    public static final int PT_DYNAMIC = 2;
    public static final int PT_INTERP = 3;
    public static final int PT_NOTE = 4;
    public static final int PT_SHLIB = 5;
    public static final int PT_PHDR = 6;
    public static final int PT_TLS = 7;
    public static final int PT_GNU_EH_FRAME = 0x6474e550;
    public static final int PT_GNU_STACK = 0x6474e551;
    public static final int PT_GNU_RELRO = 0x6474e552;
    public static final int PT_GNU_PROPERTY = 0x6474e553;
    public static final int PT_ARM_EXIDX = 0x70000001;
    public static final int PT_MIPS_ABIFLAGS = 0x70000003;
    public static final int PT_RISCV_ATTRIBUTES = 0x70000003;

    // p_flags
    public static final int PF_X = 0x1;
    public static final int PF_W = 0x2;
    public static final int PF_R = 0x4;

    // sh_type
    public static final int SHT_NULL = 0;
    public static final int SHT_PROGBITS = 1;
    public static final int SHT_SYMTAB = 2;
    public static final int SHT_STRTAB = 3;
    public static final int SHT_RELA = 4;
    public static final int SHT_HASH = 5;
    public static final int SHT_DYNAMIC = 6;
    public static final int SHT_NOTE = 7;
    public static final int SHT_NOBITS = 8;
    public static final int SHT_REL = 9;
    public static final int SHT_DYNSYM = 11;
    public static final int SHT_INIT_ARRAY = 14;
    public static final int SHT_FINI_ARRAY = 15;
    public static final int SHT_GNU_HASH = 0x6ffffff6;
    public static final int SHT_GNU_VERDEF = 0x6ffffffd;
    public static final int SHT_GNU_VERNEED = 0x6ffffffe;
    public static final int SHT_GNU_VERSYM = 0x6fffffff;

    // d_tag
    public static final long DT_NULL = 0;
    public static final long DT_NEEDED = 1;
    public static final long DT_STRTAB = 5;
    public static final long DT_STRSZ = 10;
    public static final long DT_SONAME = 14;
    public static final long DT_RPATH = 15;
    public static final long DT_BIND_NOW = 24;
    public static final long DT_RUNPATH = 29;
    public static final long DT_FLAGS = 30;
    public static final long DT_FLAGS_1 = 0x6ffffffb;
    public static final long DT_VERNEED = 0x6ffffffe;
    public static final long DT_VERNEEDNUM = 0x6fffffff;

    // DT_FLAGS and DT_FLAGS_1 bits
    public static final long DF_ORIGIN = 0x1;
    public static final long DF_SYMBOLIC = 0x2;
    public static final long DF_TEXTREL = 0x4;
    public static final long DF_BIND_NOW = 0x8;
    public static final long DF_STATIC_TLS = 0x10;
    public static final long DF_1_NOW = 0x1;
    public static final long DF_1_PIE = 0x08000000;

    // Symbol versioning (GNU): Elf_Verneed, Elf_Vernaux, Elf_Versym
    public static final int VER_NEED_CURRENT = 1;
    public static final int VER_FLG_BASE = 0x1;
    public static final int VER_FLG_WEAK = 0x2;
    public static final int VER_NDX_LOCAL = 0;
    public static final int VER_NDX_GLOBAL = 1;
    public static final int VERSYM_HIDDEN = 0x8000;
    public static final int VERSYM_VERSION = 0x7fff;

    // Notes
    public static final int NT_GNU_ABI_TAG = 1;
    public static final int NT_GNU_BUILD_ID = 3;
    /** Go's linker: note name "Go", type 4, the build ID string (cmd/link ELF_NOTE_GOBUILDID_TAG). */
    public static final int NT_GO_BUILD_ID = 4;
    public static final int NT_FREEBSD_ABI_TAG = 1;
    public static final int NT_NETBSD_IDENT = 1;
    public static final int NT_OPENBSD_IDENT = 1;

    // e_flags, EM_ARM (ARM ELF ABI) and EM_RISCV (RISC-V ELF psABI)
    public static final long EF_ARM_EABIMASK = 0xff000000L;
    public static final long EF_ARM_ABI_FLOAT_SOFT = 0x200;
    public static final long EF_ARM_ABI_FLOAT_HARD = 0x400;
    public static final long EF_RISCV_FLOAT_ABI = 0x6;

    private Elf() {
    }
}
