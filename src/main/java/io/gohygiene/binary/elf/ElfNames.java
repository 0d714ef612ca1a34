package io.gohygiene.binary.elf;

import static io.gohygiene.binary.elf.Elf.*;
import static io.gohygiene.platform.Architectures.*;

/**
 * The spec's name for each value the parser reports ({@code EM_X86_64}, {@code PT_GNU_STACK}), the way Go's
 * debug/elf gives every constant a {@code String()}; a value without a name prints as number.
 */
final class ElfNames {

    private ElfNames() {
    }

    static String osAbi(int osAbi) {
        return switch (osAbi) {
            case ELFOSABI_NONE -> "ELFOSABI_NONE";
            case 1 -> "ELFOSABI_HPUX";
            case ELFOSABI_NETBSD -> "ELFOSABI_NETBSD";
            case ELFOSABI_LINUX -> "ELFOSABI_LINUX";
            case 4 -> "ELFOSABI_HURD";
            case ELFOSABI_SOLARIS -> "ELFOSABI_SOLARIS";
            case 7 -> "ELFOSABI_AIX";
            case 8 -> "ELFOSABI_IRIX";
            case ELFOSABI_FREEBSD -> "ELFOSABI_FREEBSD";
            case 10 -> "ELFOSABI_TRU64";
            case 11 -> "ELFOSABI_MODESTO";
            case ELFOSABI_OPENBSD -> "ELFOSABI_OPENBSD";
            case 13 -> "ELFOSABI_OPENVMS";
            case 14 -> "ELFOSABI_NSK";
            case 15 -> "ELFOSABI_AROS";
            case 16 -> "ELFOSABI_FENIXOS";
            case 17 -> "ELFOSABI_CLOUDABI";
            case 97 -> "ELFOSABI_ARM";
            case 255 -> "ELFOSABI_STANDALONE";
            default -> "ELFOSABI_" + osAbi;
        };
    }

    static String type(int type) {
        return switch (type) {
            case ET_NONE -> "ET_NONE";
            case ET_REL -> "ET_REL";
            case ET_EXEC -> "ET_EXEC";
            case ET_DYN -> "ET_DYN";
            case ET_CORE -> "ET_CORE";
            default -> String.format("ET_0x%04x", type);
        };
    }

    static String machine(int machine) {
        return switch (machine) {
            case 0 -> "EM_NONE";
            case 2 -> "EM_SPARC";
            case EM_386 -> "EM_386";
            case 4 -> "EM_68K";
            case EM_MIPS -> "EM_MIPS";
            case 10 -> "EM_MIPS_RS3_LE";
            case 15 -> "EM_PARISC";
            case 18 -> "EM_SPARC32PLUS";
            case EM_PPC -> "EM_PPC";
            case EM_PPC64 -> "EM_PPC64";
            case EM_S390 -> "EM_S390";
            case EM_ARM -> "EM_ARM";
            case 42 -> "EM_SH";
            case 43 -> "EM_SPARCV9";
            case 50 -> "EM_IA_64";
            case EM_X86_64 -> "EM_X86_64";
            case EM_AARCH64 -> "EM_AARCH64";
            case EM_RISCV -> "EM_RISCV";
            case 247 -> "EM_BPF";
            case EM_LOONGARCH -> "EM_LOONGARCH";
            default -> "EM_" + machine;
        };
    }

    /** Processor-specific program header types are named only for the machine that defines them. */
    static String programType(int type, int machine) {
        return switch (type) {
            case PT_NULL -> "PT_NULL";
            case PT_LOAD -> "PT_LOAD";
            case PT_DYNAMIC -> "PT_DYNAMIC";
            case PT_INTERP -> "PT_INTERP";
            case PT_NOTE -> "PT_NOTE";
            case PT_SHLIB -> "PT_SHLIB";
            case PT_PHDR -> "PT_PHDR";
            case PT_TLS -> "PT_TLS";
            case PT_GNU_EH_FRAME -> "PT_GNU_EH_FRAME";
            case PT_GNU_STACK -> "PT_GNU_STACK";
            case PT_GNU_RELRO -> "PT_GNU_RELRO";
            case PT_GNU_PROPERTY -> "PT_GNU_PROPERTY";
            case PT_ARM_EXIDX -> machine == EM_ARM ? "PT_ARM_EXIDX" : hex("PT_", type);
            case 0x70000003 -> switch (machine) {
                case EM_MIPS -> "PT_MIPS_ABIFLAGS";
                case EM_RISCV -> "PT_RISCV_ATTRIBUTES";
                default -> hex("PT_", type);
            };
            default -> hex("PT_", type);
        };
    }

    static String sectionType(int type) {
        return switch (type) {
            case SHT_NULL -> "SHT_NULL";
            case SHT_PROGBITS -> "SHT_PROGBITS";
            case SHT_SYMTAB -> "SHT_SYMTAB";
            case SHT_STRTAB -> "SHT_STRTAB";
            case SHT_RELA -> "SHT_RELA";
            case SHT_HASH -> "SHT_HASH";
            case SHT_DYNAMIC -> "SHT_DYNAMIC";
            case SHT_NOTE -> "SHT_NOTE";
            case SHT_NOBITS -> "SHT_NOBITS";
            case SHT_REL -> "SHT_REL";
            case SHT_DYNSYM -> "SHT_DYNSYM";
            case SHT_INIT_ARRAY -> "SHT_INIT_ARRAY";
            case SHT_FINI_ARRAY -> "SHT_FINI_ARRAY";
            case 16 -> "SHT_PREINIT_ARRAY";
            case 17 -> "SHT_GROUP";
            case 18 -> "SHT_SYMTAB_SHNDX";
            case 19 -> "SHT_RELR";
            case 0x6ffffff5 -> "SHT_GNU_ATTRIBUTES";
            case SHT_GNU_HASH -> "SHT_GNU_HASH";
            case SHT_GNU_VERDEF -> "SHT_GNU_VERDEF";
            case SHT_GNU_VERNEED -> "SHT_GNU_VERNEED";
            case SHT_GNU_VERSYM -> "SHT_GNU_VERSYM";
            default -> hex("SHT_", type);
        };
    }

    static String dynamicTag(long tag) {
        return switch ((int) tag == tag ? (int) tag : -1) {
            case 0 -> "DT_NULL";
            case 1 -> "DT_NEEDED";
            case 2 -> "DT_PLTRELSZ";
            case 3 -> "DT_PLTGOT";
            case 4 -> "DT_HASH";
            case 5 -> "DT_STRTAB";
            case 6 -> "DT_SYMTAB";
            case 7 -> "DT_RELA";
            case 8 -> "DT_RELASZ";
            case 9 -> "DT_RELAENT";
            case 10 -> "DT_STRSZ";
            case 11 -> "DT_SYMENT";
            case 12 -> "DT_INIT";
            case 13 -> "DT_FINI";
            case 14 -> "DT_SONAME";
            case 15 -> "DT_RPATH";
            case 16 -> "DT_SYMBOLIC";
            case 17 -> "DT_REL";
            case 18 -> "DT_RELSZ";
            case 19 -> "DT_RELENT";
            case 20 -> "DT_PLTREL";
            case 21 -> "DT_DEBUG";
            case 22 -> "DT_TEXTREL";
            case 23 -> "DT_JMPREL";
            case 24 -> "DT_BIND_NOW";
            case 25 -> "DT_INIT_ARRAY";
            case 26 -> "DT_FINI_ARRAY";
            case 27 -> "DT_INIT_ARRAYSZ";
            case 28 -> "DT_FINI_ARRAYSZ";
            case 29 -> "DT_RUNPATH";
            case 30 -> "DT_FLAGS";
            case 32 -> "DT_PREINIT_ARRAY";
            case 33 -> "DT_PREINIT_ARRAYSZ";
            case 35 -> "DT_RELRSZ";
            case 36 -> "DT_RELR";
            case 37 -> "DT_RELRENT";
            case 0x6ffffef5 -> "DT_GNU_HASH";
            case 0x6ffffff0 -> "DT_VERSYM";
            case 0x6ffffff9 -> "DT_RELACOUNT";
            case 0x6ffffffa -> "DT_RELCOUNT";
            case 0x6ffffffb -> "DT_FLAGS_1";
            case 0x6ffffffc -> "DT_VERDEF";
            case 0x6ffffffd -> "DT_VERDEFNUM";
            case 0x6ffffffe -> "DT_VERNEED";
            case 0x6fffffff -> "DT_VERNEEDNUM";
            default -> String.format("DT_0x%x", tag);
        };
    }

    private static String hex(String prefix, int value) {
        return prefix + "0x" + Integer.toHexString(value);
    }
}
