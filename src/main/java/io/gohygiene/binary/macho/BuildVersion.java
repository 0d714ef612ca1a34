package io.gohygiene.binary.macho;

import java.util.List;

/**
 * {@code LC_BUILD_VERSION}: the platform, the minimum OS version ({@code minos}, e.g. {@code 12.0}), the SDK
 * version and the tools that built the image.
 */
public record BuildVersion(int platform, String minos, String sdk, List<BuildTool> tools) {

    /** sizeof(struct build_version_command), before its {@code ntools} build_tool_version entries of 8 bytes. */
    public static final int BUILD_VERSION_COMMAND_SIZE = 24;
    public static final int BUILD_TOOL_VERSION_SIZE = 8;

    public static final int PLATFORM_UNKNOWN = 0;
    public static final int PLATFORM_MACOS = 1;
    public static final int PLATFORM_IOS = 2;
    public static final int PLATFORM_TVOS = 3;
    public static final int PLATFORM_WATCHOS = 4;
    public static final int PLATFORM_BRIDGEOS = 5;
    public static final int PLATFORM_MACCATALYST = 6;
    public static final int PLATFORM_IOSSIMULATOR = 7;
    public static final int PLATFORM_TVOSSIMULATOR = 8;
    public static final int PLATFORM_WATCHOSSIMULATOR = 9;
    public static final int PLATFORM_DRIVERKIT = 10;
    public static final int PLATFORM_VISIONOS = 11;
    public static final int PLATFORM_VISIONOSSIMULATOR = 12;

    public static final int TOOL_CLANG = 1;
    public static final int TOOL_SWIFT = 2;
    public static final int TOOL_LD = 3;
    public static final int TOOL_LLD = 4;

    /** One {@code struct build_tool_version}. */
    public record BuildTool(int tool, String version) {
        public String toolName() {
            return switch (tool) {
                case TOOL_CLANG -> "CLANG";
                case TOOL_SWIFT -> "SWIFT";
                case TOOL_LD -> "LD";
                case TOOL_LLD -> "LLD";
                default -> "TOOL(" + tool + ")";
            };
        }
    }

    public BuildVersion {
        tools = List.copyOf(tools);
    }

    /** {@code MACOS}, {@code IOS}, {@code MACCATALYST} … (the PLATFORM_ constant without its prefix). */
    public String platformName() {
        return platformName(platform);
    }

    public static String platformName(int platform) {
        return switch (platform) {
            case PLATFORM_UNKNOWN -> "UNKNOWN";
            case PLATFORM_MACOS -> "MACOS";
            case PLATFORM_IOS -> "IOS";
            case PLATFORM_TVOS -> "TVOS";
            case PLATFORM_WATCHOS -> "WATCHOS";
            case PLATFORM_BRIDGEOS -> "BRIDGEOS";
            case PLATFORM_MACCATALYST -> "MACCATALYST";
            case PLATFORM_IOSSIMULATOR -> "IOSSIMULATOR";
            case PLATFORM_TVOSSIMULATOR -> "TVOSSIMULATOR";
            case PLATFORM_WATCHOSSIMULATOR -> "WATCHOSSIMULATOR";
            case PLATFORM_DRIVERKIT -> "DRIVERKIT";
            case PLATFORM_VISIONOS -> "VISIONOS";
            case PLATFORM_VISIONOSSIMULATOR -> "VISIONOSSIMULATOR";
            default -> "PLATFORM(" + Integer.toUnsignedString(platform) + ")";
        };
    }

    /**
     * GOOS for the platform in Go's words: macOS is darwin; iOS, its simulator and Mac Catalyst are what Go builds
     * as ios; platforms Go does not target get their lower-case name.
     */
    public String goos() {
        return switch (platform) {
            case PLATFORM_MACOS -> "darwin";
            case PLATFORM_IOS, PLATFORM_IOSSIMULATOR, PLATFORM_MACCATALYST -> "ios";
            default -> platformName().toLowerCase(java.util.Locale.ROOT);
        };
    }

    /** An OS version packed as xxxx.yy.zz in 16.8.8 bits: {@code 11.0}, {@code 10.13.6} (patch only when non-zero). */
    public static String formatVersion(long packed) {
        String version = (packed >>> 16 & 0xffff) + "." + (packed >>> 8 & 0xff);
        return (packed & 0xff) == 0 ? version : version + "." + (packed & 0xff);
    }
}
