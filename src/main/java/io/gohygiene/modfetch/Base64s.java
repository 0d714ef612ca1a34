package io.gohygiene.modfetch;

import java.util.Base64;

/** Standard padded base64 as the checksum database writes it. */
final class Base64s {

    private Base64s() {
    }

    /**
     * The decoded bytes, or null unless {@code text} is the one canonical encoding of them: the JDK decoder
     * accepts missing padding and ignores the unused low bits of the last character, and a changed byte of a signed
     * answer must never decode to the same hash.
     */
    static byte[] decodeCanonical(String text) {
        try {
            byte[] bytes = Base64.getDecoder().decode(text);
            return Base64.getEncoder().encodeToString(bytes).equals(text) ? bytes : null;
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
