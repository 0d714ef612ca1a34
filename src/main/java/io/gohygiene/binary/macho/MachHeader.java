package io.gohygiene.binary.macho;

import java.util.ArrayList;
import java.util.List;

/**
 * {@code struct mach_header} / {@code mach_header_64} (mach-o/loader.h): the fields every Mach-O image starts with.
 * {@code magic} is the value as read in the image's own byte order ({@link #MH_MAGIC} or {@link #MH_MAGIC_64}).
 */
public record MachHeader(int magic, int cputype, int cpusubtype, int filetype, long ncmds, long sizeofcmds, int flags) {

    public static final int MH_MAGIC = 0xfeedface;
    public static final int MH_CIGAM = 0xcefaedfe;
    public static final int MH_MAGIC_64 = 0xfeedfacf;
    public static final int MH_CIGAM_64 = 0xcffaedfe;

    /** sizeof(struct mach_header) and sizeof(struct mach_header_64). */
    public static final int MACH_HEADER_SIZE = 28;
    public static final int MACH_HEADER_64_SIZE = 32;

    // filetype
    public static final int MH_OBJECT = 0x1;
    public static final int MH_EXECUTE = 0x2;
    public static final int MH_FVMLIB = 0x3;
    public static final int MH_CORE = 0x4;
    public static final int MH_PRELOAD = 0x5;
    public static final int MH_DYLIB = 0x6;
    public static final int MH_DYLINKER = 0x7;
    public static final int MH_BUNDLE = 0x8;
    public static final int MH_DYLIB_STUB = 0x9;
    public static final int MH_DSYM = 0xa;
    public static final int MH_KEXT_BUNDLE = 0xb;
    public static final int MH_FILESET = 0xc;

    // flags
    public static final int MH_NOUNDEFS = 0x1;
    public static final int MH_INCRLINK = 0x2;
    public static final int MH_DYLDLINK = 0x4;
    public static final int MH_BINDATLOAD = 0x8;
    public static final int MH_PREBOUND = 0x10;
    public static final int MH_SPLIT_SEGS = 0x20;
    public static final int MH_LAZY_INIT = 0x40;
    public static final int MH_TWOLEVEL = 0x80;
    public static final int MH_FORCE_FLAT = 0x100;
    public static final int MH_NOMULTIDEFS = 0x200;
    public static final int MH_NOFIXPREBINDING = 0x400;
    public static final int MH_PREBINDABLE = 0x800;
    public static final int MH_ALLMODSBOUND = 0x1000;
    public static final int MH_SUBSECTIONS_VIA_SYMBOLS = 0x2000;
    public static final int MH_CANONICAL = 0x4000;
    public static final int MH_WEAK_DEFINES = 0x8000;
    public static final int MH_BINDS_TO_WEAK = 0x10000;
    public static final int MH_ALLOW_STACK_EXECUTION = 0x20000;
    public static final int MH_ROOT_SAFE = 0x40000;
    public static final int MH_SETUID_SAFE = 0x80000;
    public static final int MH_NO_REEXPORTED_DYLIBS = 0x100000;
    public static final int MH_PIE = 0x200000;
    public static final int MH_DEAD_STRIPPABLE_DYLIB = 0x400000;
    public static final int MH_HAS_TLV_DESCRIPTORS = 0x800000;
    public static final int MH_NO_HEAP_EXECUTION = 0x1000000;
    public static final int MH_APP_EXTENSION_SAFE = 0x2000000;
    public static final int MH_NLIST_OUTOFSYNC_WITH_DYLDINFO = 0x4000000;
    public static final int MH_SIM_SUPPORT = 0x8000000;
    public static final int MH_IMPLICIT_PAGEZERO = 0x10000000;
    public static final int MH_DYLIB_IN_CACHE = 0x80000000;

    /** By bit, lowest first; "" for bits loader.h does not name. */
    private static final List<String> FLAG_NAMES = List.of(
        "MH_NOUNDEFS", "MH_INCRLINK", "MH_DYLDLINK", "MH_BINDATLOAD", "MH_PREBOUND", "MH_SPLIT_SEGS", "MH_LAZY_INIT",
        "MH_TWOLEVEL", "MH_FORCE_FLAT", "MH_NOMULTIDEFS", "MH_NOFIXPREBINDING", "MH_PREBINDABLE", "MH_ALLMODSBOUND",
        "MH_SUBSECTIONS_VIA_SYMBOLS", "MH_CANONICAL", "MH_WEAK_DEFINES", "MH_BINDS_TO_WEAK", "MH_ALLOW_STACK_EXECUTION",
        "MH_ROOT_SAFE", "MH_SETUID_SAFE", "MH_NO_REEXPORTED_DYLIBS", "MH_PIE", "MH_DEAD_STRIPPABLE_DYLIB",
        "MH_HAS_TLV_DESCRIPTORS", "MH_NO_HEAP_EXECUTION", "MH_APP_EXTENSION_SAFE", "MH_NLIST_OUTOFSYNC_WITH_DYLDINFO",
        "MH_SIM_SUPPORT", "MH_IMPLICIT_PAGEZERO", "", "", "MH_DYLIB_IN_CACHE");

    public boolean is64() {
        return magic == MH_MAGIC_64;
    }

    public int headerSize() {
        return is64() ? MACH_HEADER_64_SIZE : MACH_HEADER_SIZE;
    }

    /** {@code arm64}, {@code arm64e}, {@code x86_64}, {@code i386}, {@code armv7} … as lipo and file(1) say. */
    public String cpuName() {
        return MachoCpu.name(cputype, cpusubtype);
    }

    public String filetypeName() {
        return filetypeName(filetype);
    }

    /** Names of the set flags, lowest bit first ({@code MH_NOUNDEFS}, {@code MH_DYLDLINK}, … {@code MH_PIE}). */
    public List<String> flagNames() {
        return flagNames(flags);
    }

    public boolean pie() {
        return (flags & MH_PIE) != 0;
    }

    public static String filetypeName(int filetype) {
        return switch (filetype) {
            case MH_OBJECT -> "MH_OBJECT";
            case MH_EXECUTE -> "MH_EXECUTE";
            case MH_FVMLIB -> "MH_FVMLIB";
            case MH_CORE -> "MH_CORE";
            case MH_PRELOAD -> "MH_PRELOAD";
            case MH_DYLIB -> "MH_DYLIB";
            case MH_DYLINKER -> "MH_DYLINKER";
            case MH_BUNDLE -> "MH_BUNDLE";
            case MH_DYLIB_STUB -> "MH_DYLIB_STUB";
            case MH_DSYM -> "MH_DSYM";
            case MH_KEXT_BUNDLE -> "MH_KEXT_BUNDLE";
            case MH_FILESET -> "MH_FILESET";
            default -> String.format("filetype(0x%x)", filetype);
        };
    }

    public static List<String> flagNames(int flags) {
        List<String> names = new ArrayList<>();
        for (int bit = 0; bit < 32; bit++) {
            if ((flags & (1 << bit)) != 0) {
                names.add(!FLAG_NAMES.get(bit).isEmpty() ? FLAG_NAMES.get(bit) : String.format("0x%x", 1 << bit));
            }
        }
        return List.copyOf(names);
    }
}
