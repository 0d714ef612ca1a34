package io.gohygiene.binary.elf;

import java.util.List;
import java.util.Map;

/** readelf's words for ELF values, mapped back to the numbers of the spec. An unknown word fails the test. */
final class ReadelfNames {

    private static final Map<String, Integer> OS_ABI = Map.of("UNIX - System V", 0, "UNIX - HP-UX", 1, "UNIX - NetBSD", 2,
            "UNIX - GNU", 3, "UNIX - Solaris", 6, "UNIX - FreeBSD", 9, "UNIX - OpenBSD", 12);

    private static final Map<String, Integer> MACHINE = Map.of("Advanced Micro Devices X86-64", 62, "AArch64", 183,
            "Intel 80386", 3, "ARM", 40, "RISC-V", 243, "PowerPC64", 21, "IBM S/390", 22, "MIPS R3000", 8, "LoongArch", 258);

    private static final Map<String, Integer> SEGMENT = Map.ofEntries(Map.entry("NULL", 0), Map.entry("LOAD", 1),
            Map.entry("DYNAMIC", 2), Map.entry("INTERP", 3), Map.entry("NOTE", 4), Map.entry("SHLIB", 5), Map.entry("PHDR", 6),
            Map.entry("TLS", 7), Map.entry("GNU_EH_FRAME", 0x6474e550), Map.entry("GNU_STACK", 0x6474e551),
            Map.entry("GNU_RELRO", 0x6474e552), Map.entry("GNU_PROPERTY", 0x6474e553), Map.entry("GNU_SFRAME", 0x6474e554),
            Map.entry("EXIDX", 0x70000001), Map.entry("ABIFLAGS", 0x70000003), Map.entry("RISCV_ATTRIBUT", 0x70000003),
            Map.entry("RISCV_ATTRIBUTES", 0x70000003));

    private static final Map<String, Integer> SECTION = Map.ofEntries(Map.entry("NULL", 0), Map.entry("PROGBITS", 1),
            Map.entry("SYMTAB", 2), Map.entry("STRTAB", 3), Map.entry("RELA", 4), Map.entry("HASH", 5), Map.entry("DYNAMIC", 6),
            Map.entry("NOTE", 7), Map.entry("NOBITS", 8), Map.entry("REL", 9), Map.entry("DYNSYM", 11),
            Map.entry("INIT_ARRAY", 14), Map.entry("FINI_ARRAY", 15), Map.entry("PREINIT_ARRAY", 16), Map.entry("GROUP", 17),
            Map.entry("RELR", 19), Map.entry("GNU_ATTRIBUTES", 0x6ffffff5), Map.entry("GNU_HASH", 0x6ffffff6),
            Map.entry("VERDEF", 0x6ffffffd), Map.entry("VERNEED", 0x6ffffffe), Map.entry("VERSYM", 0x6fffffff),
            Map.entry("ARM_EXIDX", 0x70000001), Map.entry("ARM_ATTRIBUTES", 0x70000003), Map.entry("MIPS_ABIFLAGS", 0x7000002a),
            Map.entry("RISCV_ATTRIBUTES", 0x70000003), Map.entry("LOONGARCH_ATTRIBUTES", 0x70000003));

    /** DT_FLAGS bit names in bit order (readelf prints the names of the set bits). */
    private static final List<String> DT_FLAGS = List.of("ORIGIN", "SYMBOLIC", "TEXTREL", "BIND_NOW", "STATIC_TLS");

    /** DT_FLAGS_1 bit names in bit order, after "Flags:". */
    private static final List<String> DT_FLAGS_1 = List.of("NOW", "GLOBAL", "GROUP", "NODELETE", "LOADFLTR", "INITFIRST",
            "NOOPEN", "ORIGIN", "DIRECT", "TRANS", "INTERPOSE", "NODEFLIB", "NODUMP", "CONFALT", "ENDFILTEE", "DISPRELDNE",
            "DISPRELPND", "NODIRECT", "IGNMULDEF", "NOKSYMS", "NOHDR", "EDITED", "NORELOC", "SYMINTPOSE", "GLOBAUDIT",
            "SINGLETON", "STUB", "PIE", "KMOD", "WEAKFILTER", "NOCOMMON");

    private ReadelfNames() {
    }

    static int osAbi(String text) {
        return known(OS_ABI, text, "OS/ABI");
    }

    static int machine(String text) {
        return known(MACHINE, text, "machine");
    }

    static int segmentType(String text) {
        return SEGMENT.containsKey(text) ? SEGMENT.get(text) : offsetName(text, "segment type");
    }

    static int sectionType(String text) {
        return SECTION.containsKey(text) ? SECTION.get(text) : offsetName(text, "section type");
    }

    static long dtFlags(String text) {
        return bits(DT_FLAGS, text.strip());
    }

    static long dtFlags1(String text) {
        return bits(DT_FLAGS_1, text.replaceFirst("^Flags:", "").strip());
    }

    /** readelf's get_ver_flags: "none", or the set flags joined with " | ". */
    static String versionFlags(int flags) {
        if (flags == 0) {
            return "none";
        }
        StringBuilder out = new StringBuilder();
        String[] names = {"BASE", "WEAK", "INFO"};
        for (int bit = 0; bit < names.length; bit++) {
            if ((flags & (1 << bit)) != 0) {
                out.append(out.length() == 0 ? "" : " | ").append(names[bit]);
            }
        }
        return out.toString();
    }

    private static long bits(List<String> names, String text) {
        long value = 0;
        for (String word : text.split("\\s+")) {
            if (word.isEmpty() || word.equals("None")) { // readelf's word for a value of 0
                continue;
            }
            int bit = names.indexOf(word);
            if (bit < 0) {
                throw new IllegalArgumentException("readelf printed the unknown flag '" + word + "' in '" + text + "'");
            }
            value |= 1L << bit;
        }
        return value;
    }

    /** "LOOS+0x3", "LOPROC+0x2a" for types readelf has no name for. */
    private static int offsetName(String text, String what) {
        if (text.startsWith("LOOS+")) {
            return 0x60000000 + Integer.decode(text.substring(5));
        }
        if (text.startsWith("LOPROC+")) {
            return 0x70000000 + Integer.decode(text.substring(7));
        }
        throw new IllegalArgumentException("readelf printed the " + what + " '" + text + "' that this test does not know");
    }

    private static int known(Map<String, Integer> table, String text, String what) {
        Integer value = table.get(text);
        if (value == null) {
            throw new IllegalArgumentException("readelf printed the " + what + " '" + text + "' that this test does not know");
        }
        return value;
    }
}
