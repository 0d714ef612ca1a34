package io.gohygiene.binary.macho;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@code LC_CODE_SIGNATURE} and what its SuperBlob says (Apple's cs_blobs.h, Go's cmd/internal/codesign):
 * where the signature lies ({@code dataOffset} relative to the image start, as in the load command), the
 * CodeDirectory's identifier, flags and hash type, and the entitlements XML if any. The Go linker ad-hoc signs
 * darwin/arm64 executables with flags {@code adhoc|linker-signed} and identifier {@code a.out}.
 */
public record CodeSignature(long dataOffset, long dataSize, String identifier, Optional<String> teamIdentifier,
        int flags, int hashType, Optional<String> entitlements) {

    public static final int CSMAGIC_REQUIREMENTS = 0xfade0c01;
    public static final int CSMAGIC_CODEDIRECTORY = 0xfade0c02;
    public static final int CSMAGIC_EMBEDDED_SIGNATURE = 0xfade0cc0;
    public static final int CSMAGIC_EMBEDDED_ENTITLEMENTS = 0xfade7171;
    public static final int CSMAGIC_EMBEDDED_DER_ENTITLEMENTS = 0xfade7172;
    public static final int CSMAGIC_BLOBWRAPPER = 0xfade0b01;

    public static final int CSSLOT_CODEDIRECTORY = 0;
    public static final int CSSLOT_REQUIREMENTS = 2;
    public static final int CSSLOT_ENTITLEMENTS = 5;
    public static final int CSSLOT_DER_ENTITLEMENTS = 7;
    public static final int CSSLOT_SIGNATURESLOT = 0x10000;

    // CodeDirectory flags (kSecCodeSignature* / CS_*), named as codesign -dv prints them.
    public static final int CS_HOST = 0x1;
    public static final int CS_ADHOC = 0x2;
    public static final int CS_FORCED_LV = 0x10;
    public static final int CS_HARD = 0x100;
    public static final int CS_KILL = 0x200;
    public static final int CS_CHECK_EXPIRATION = 0x400;
    public static final int CS_RESTRICT = 0x800;
    public static final int CS_ENFORCEMENT = 0x1000;
    public static final int CS_REQUIRE_LV = 0x2000;
    public static final int CS_RUNTIME = 0x10000;
    public static final int CS_LINKER_SIGNED = 0x20000;

    public static final int CS_HASHTYPE_SHA1 = 1;
    public static final int CS_HASHTYPE_SHA256 = 2;
    public static final int CS_HASHTYPE_SHA256_TRUNCATED = 3;
    public static final int CS_HASHTYPE_SHA384 = 4;

    private static final int[] FLAG_BITS = {CS_HOST, CS_ADHOC, CS_FORCED_LV, CS_HARD, CS_KILL, CS_CHECK_EXPIRATION,
        CS_RESTRICT, CS_ENFORCEMENT, CS_REQUIRE_LV, CS_RUNTIME, CS_LINKER_SIGNED};
    private static final String[] FLAG_NAMES = {"host", "adhoc", "forced-lv", "hard", "kill", "expires",
        "restrict", "enforcement", "library-validation", "runtime", "linker-signed"};

    /** Names of the CodeDirectory flags, as {@code codesign -dv} prints them: {@code [adhoc, linker-signed]}. */
    public List<String> flagNames() {
        List<String> names = new ArrayList<>();
        int rest = flags;
        for (int i = 0; i < FLAG_BITS.length; i++) {
            if ((flags & FLAG_BITS[i]) != 0) {
                names.add(FLAG_NAMES[i]);
                rest &= ~FLAG_BITS[i];
            }
        }
        if (rest != 0) {
            names.add(String.format("0x%x", rest));
        }
        return List.copyOf(names);
    }

    public boolean isAdhoc() {
        return (flags & CS_ADHOC) != 0;
    }

    public boolean isLinkerSigned() {
        return (flags & CS_LINKER_SIGNED) != 0;
    }

    /** The hardened runtime ({@code codesign -o runtime}), which notarization requires. */
    public boolean hasHardenedRuntime() {
        return (flags & CS_RUNTIME) != 0;
    }

    public String hashTypeName() {
        return switch (hashType) {
            case CS_HASHTYPE_SHA1 -> "SHA1";
            case CS_HASHTYPE_SHA256 -> "SHA256";
            case CS_HASHTYPE_SHA256_TRUNCATED -> "SHA256_TRUNCATED";
            case CS_HASHTYPE_SHA384 -> "SHA384";
            default -> "HASHTYPE(" + hashType + ")";
        };
    }
}
