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

    /** A CodeDirectory flag and its name as {@code codesign -dv} prints it. */
    private record Flag(int bit, String name) {
    }

    private static final List<Flag> FLAGS = List.of(new Flag(CS_HOST, "host"), new Flag(CS_ADHOC, "adhoc"),
        new Flag(CS_FORCED_LV, "forced-lv"), new Flag(CS_HARD, "hard"), new Flag(CS_KILL, "kill"),
        new Flag(CS_CHECK_EXPIRATION, "expires"), new Flag(CS_RESTRICT, "restrict"), new Flag(CS_ENFORCEMENT, "enforcement"),
        new Flag(CS_REQUIRE_LV, "library-validation"), new Flag(CS_RUNTIME, "runtime"),
        new Flag(CS_LINKER_SIGNED, "linker-signed"));

    /** Names of the CodeDirectory flags, as {@code codesign -dv} prints them: {@code [adhoc, linker-signed]}. */
    public List<String> flagNames() {
        List<String> names = new ArrayList<>();
        int rest = flags;
        for (Flag flag : FLAGS) {
            if ((flags & flag.bit()) != 0) {
                names.add(flag.name());
                rest &= ~flag.bit();
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
