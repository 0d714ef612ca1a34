package io.gohygiene.binary.macho;

/**
 * {@code LC_VERSION_MIN_MACOSX} / {@code _IPHONEOS} / {@code _TVOS} / {@code _WATCHOS}: the pre-LC_BUILD_VERSION way
 * to say the minimum OS ({@code version}) and the SDK the image was built with, formatted like {@code 10.13} or
 * {@code 10.13.6}.
 */
public record VersionMin(Kind kind, String version, String sdk) {

    /** sizeof(struct version_min_command). */
    public static final int VERSION_MIN_COMMAND_SIZE = 16;

    public enum Kind {
        MACOSX, IPHONEOS, TVOS, WATCHOS;

        static Kind of(int cmd) {
            return switch (cmd) {
                case LoadCommand.LC_VERSION_MIN_IPHONEOS -> IPHONEOS;
                case LoadCommand.LC_VERSION_MIN_TVOS -> TVOS;
                case LoadCommand.LC_VERSION_MIN_WATCHOS -> WATCHOS;
                default -> MACOSX;
            };
        }

        /** GOOS-like name of the OS this kind of command is for. */
        String goos() {
            return switch (this) {
                case MACOSX -> "darwin";
                case IPHONEOS -> "ios";
                case TVOS -> "tvos";
                case WATCHOS -> "watchos";
            };
        }
    }
}
