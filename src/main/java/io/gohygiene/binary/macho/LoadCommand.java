package io.gohygiene.binary.macho;

/**
 * One load command as it appears in the image: {@code cmd}, {@code cmdsize} and where it starts in the file
 * (an absolute file offset, so inside a universal file it includes the slice's offset).
 */
public record LoadCommand(int cmd, long cmdsize, long offset) {

    /** Set on commands that dyld must understand to load the image. */
    public static final int LC_REQ_DYLD = 0x80000000;

    public static final int LC_SEGMENT = 0x1;
    public static final int LC_SYMTAB = 0x2;
    public static final int LC_SYMSEG = 0x3;
    public static final int LC_THREAD = 0x4;
    public static final int LC_UNIXTHREAD = 0x5;
    public static final int LC_LOADFVMLIB = 0x6;
    public static final int LC_IDFVMLIB = 0x7;
    public static final int LC_IDENT = 0x8;
    public static final int LC_FVMFILE = 0x9;
    public static final int LC_PREPAGE = 0xa;
    public static final int LC_DYSYMTAB = 0xb;
    public static final int LC_LOAD_DYLIB = 0xc;
    public static final int LC_ID_DYLIB = 0xd;
    public static final int LC_LOAD_DYLINKER = 0xe;
    public static final int LC_ID_DYLINKER = 0xf;
    public static final int LC_PREBOUND_DYLIB = 0x10;
    public static final int LC_ROUTINES = 0x11;
    public static final int LC_SUB_FRAMEWORK = 0x12;
    public static final int LC_SUB_UMBRELLA = 0x13;
    public static final int LC_SUB_CLIENT = 0x14;
    public static final int LC_SUB_LIBRARY = 0x15;
    public static final int LC_TWOLEVEL_HINTS = 0x16;
    public static final int LC_PREBIND_CKSUM = 0x17;
    public static final int LC_LOAD_WEAK_DYLIB = 0x18 | LC_REQ_DYLD;
    public static final int LC_SEGMENT_64 = 0x19;
    public static final int LC_ROUTINES_64 = 0x1a;
    public static final int LC_UUID = 0x1b;
    public static final int LC_RPATH = 0x1c | LC_REQ_DYLD;
    public static final int LC_CODE_SIGNATURE = 0x1d;
    public static final int LC_SEGMENT_SPLIT_INFO = 0x1e;
    public static final int LC_REEXPORT_DYLIB = 0x1f | LC_REQ_DYLD;
    public static final int LC_LAZY_LOAD_DYLIB = 0x20;
    public static final int LC_ENCRYPTION_INFO = 0x21;
    public static final int LC_DYLD_INFO = 0x22;
    public static final int LC_DYLD_INFO_ONLY = 0x22 | LC_REQ_DYLD;
    public static final int LC_LOAD_UPWARD_DYLIB = 0x23 | LC_REQ_DYLD;
    public static final int LC_VERSION_MIN_MACOSX = 0x24;
    public static final int LC_VERSION_MIN_IPHONEOS = 0x25;
    public static final int LC_FUNCTION_STARTS = 0x26;
    public static final int LC_DYLD_ENVIRONMENT = 0x27;
    public static final int LC_MAIN = 0x28 | LC_REQ_DYLD;
    public static final int LC_DATA_IN_CODE = 0x29;
    public static final int LC_SOURCE_VERSION = 0x2a;
    public static final int LC_DYLIB_CODE_SIGN_DRS = 0x2b;
    public static final int LC_ENCRYPTION_INFO_64 = 0x2c;
    public static final int LC_LINKER_OPTION = 0x2d;
    public static final int LC_LINKER_OPTIMIZATION_HINT = 0x2e;
    public static final int LC_VERSION_MIN_TVOS = 0x2f;
    public static final int LC_VERSION_MIN_WATCHOS = 0x30;
    public static final int LC_NOTE = 0x31;
    public static final int LC_BUILD_VERSION = 0x32;
    public static final int LC_DYLD_EXPORTS_TRIE = 0x33 | LC_REQ_DYLD;
    public static final int LC_DYLD_CHAINED_FIXUPS = 0x34 | LC_REQ_DYLD;
    public static final int LC_FILESET_ENTRY = 0x35 | LC_REQ_DYLD;
    public static final int LC_ATOM_INFO = 0x36;

    /** Every load command starts with {@code cmd} and {@code cmdsize}. */
    public static final int LOAD_COMMAND_SIZE = 8;

    public String name() {
        return name(cmd);
    }

    public static String name(int cmd) {
        return switch (cmd) {
            case LC_SEGMENT -> "LC_SEGMENT";
            case LC_SYMTAB -> "LC_SYMTAB";
            case LC_SYMSEG -> "LC_SYMSEG";
            case LC_THREAD -> "LC_THREAD";
            case LC_UNIXTHREAD -> "LC_UNIXTHREAD";
            case LC_LOADFVMLIB -> "LC_LOADFVMLIB";
            case LC_IDFVMLIB -> "LC_IDFVMLIB";
            case LC_IDENT -> "LC_IDENT";
            case LC_FVMFILE -> "LC_FVMFILE";
            case LC_PREPAGE -> "LC_PREPAGE";
            case LC_DYSYMTAB -> "LC_DYSYMTAB";
            case LC_LOAD_DYLIB -> "LC_LOAD_DYLIB";
            case LC_ID_DYLIB -> "LC_ID_DYLIB";
            case LC_LOAD_DYLINKER -> "LC_LOAD_DYLINKER";
            case LC_ID_DYLINKER -> "LC_ID_DYLINKER";
            case LC_PREBOUND_DYLIB -> "LC_PREBOUND_DYLIB";
            case LC_ROUTINES -> "LC_ROUTINES";
            case LC_SUB_FRAMEWORK -> "LC_SUB_FRAMEWORK";
            case LC_SUB_UMBRELLA -> "LC_SUB_UMBRELLA";
            case LC_SUB_CLIENT -> "LC_SUB_CLIENT";
            case LC_SUB_LIBRARY -> "LC_SUB_LIBRARY";
            case LC_TWOLEVEL_HINTS -> "LC_TWOLEVEL_HINTS";
            case LC_PREBIND_CKSUM -> "LC_PREBIND_CKSUM";
            case LC_LOAD_WEAK_DYLIB -> "LC_LOAD_WEAK_DYLIB";
            case LC_SEGMENT_64 -> "LC_SEGMENT_64";
            case LC_ROUTINES_64 -> "LC_ROUTINES_64";
            case LC_UUID -> "LC_UUID";
            case LC_RPATH -> "LC_RPATH";
            case LC_CODE_SIGNATURE -> "LC_CODE_SIGNATURE";
            case LC_SEGMENT_SPLIT_INFO -> "LC_SEGMENT_SPLIT_INFO";
            case LC_REEXPORT_DYLIB -> "LC_REEXPORT_DYLIB";
            case LC_LAZY_LOAD_DYLIB -> "LC_LAZY_LOAD_DYLIB";
            case LC_ENCRYPTION_INFO -> "LC_ENCRYPTION_INFO";
            case LC_DYLD_INFO -> "LC_DYLD_INFO";
            case LC_DYLD_INFO_ONLY -> "LC_DYLD_INFO_ONLY";
            case LC_LOAD_UPWARD_DYLIB -> "LC_LOAD_UPWARD_DYLIB";
            case LC_VERSION_MIN_MACOSX -> "LC_VERSION_MIN_MACOSX";
            case LC_VERSION_MIN_IPHONEOS -> "LC_VERSION_MIN_IPHONEOS";
            case LC_FUNCTION_STARTS -> "LC_FUNCTION_STARTS";
            case LC_DYLD_ENVIRONMENT -> "LC_DYLD_ENVIRONMENT";
            case LC_MAIN -> "LC_MAIN";
            case LC_DATA_IN_CODE -> "LC_DATA_IN_CODE";
            case LC_SOURCE_VERSION -> "LC_SOURCE_VERSION";
            case LC_DYLIB_CODE_SIGN_DRS -> "LC_DYLIB_CODE_SIGN_DRS";
            case LC_ENCRYPTION_INFO_64 -> "LC_ENCRYPTION_INFO_64";
            case LC_LINKER_OPTION -> "LC_LINKER_OPTION";
            case LC_LINKER_OPTIMIZATION_HINT -> "LC_LINKER_OPTIMIZATION_HINT";
            case LC_VERSION_MIN_TVOS -> "LC_VERSION_MIN_TVOS";
            case LC_VERSION_MIN_WATCHOS -> "LC_VERSION_MIN_WATCHOS";
            case LC_NOTE -> "LC_NOTE";
            case LC_BUILD_VERSION -> "LC_BUILD_VERSION";
            case LC_DYLD_EXPORTS_TRIE -> "LC_DYLD_EXPORTS_TRIE";
            case LC_DYLD_CHAINED_FIXUPS -> "LC_DYLD_CHAINED_FIXUPS";
            case LC_FILESET_ENTRY -> "LC_FILESET_ENTRY";
            case LC_ATOM_INFO -> "LC_ATOM_INFO";
            default -> String.format("LC_0x%x", cmd);
        };
    }
}
