package io.gohygiene.binary.macho;

/**
 * A library the image links against ({@code struct dylib_command}): how it is loaded, its install name, and its
 * versions as {@code otool -L} prints them ({@code 1319.0.0}).
 */
public record Dylib(Kind kind, String name, String currentVersion, String compatibilityVersion) {

    /** sizeof(struct dylib_command). */
    public static final int DYLIB_COMMAND_SIZE = 24;

    /** The load command the library came from. */
    public enum Kind {
        /** LC_LOAD_DYLIB */
        LOAD,
        /** LC_LOAD_WEAK_DYLIB: the image runs even if the library is missing. */
        WEAK,
        /** LC_REEXPORT_DYLIB */
        REEXPORT,
        /** LC_LAZY_LOAD_DYLIB */
        LAZY,
        /** LC_LOAD_UPWARD_DYLIB */
        UPWARD;

        static Kind of(int cmd) {
            return switch (cmd) {
                case LoadCommand.LC_LOAD_WEAK_DYLIB -> WEAK;
                case LoadCommand.LC_REEXPORT_DYLIB -> REEXPORT;
                case LoadCommand.LC_LAZY_LOAD_DYLIB -> LAZY;
                case LoadCommand.LC_LOAD_UPWARD_DYLIB -> UPWARD;
                default -> LOAD;
            };
        }
    }

    /** A dylib version packed as xxxx.yy.zz in 16.8.8 bits, always three components. */
    public static String formatVersion(long packed) {
        return (packed >>> 16 & 0xffff) + "." + (packed >>> 8 & 0xff) + "." + (packed & 0xff);
    }
}
