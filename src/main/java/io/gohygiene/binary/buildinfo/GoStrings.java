package io.gohygiene.binary.buildinfo;

/**
 * Turns the bytes of a Go string into a Java string the way Go's {@code for range} over a string, encoding/json and
 * so {@code go version -m -json} see them: valid UTF-8 is decoded, and every byte that does not start a valid
 * sequence becomes one U+FFFD (unicode/utf8.DecodeRune). Java's own decoder differs on truncated sequences
 * (one U+FFFD for {@code e2 82}, where Go gives two), hence this small decoder.
 */
final class GoStrings {

    private static final char REPLACEMENT = '\uFFFD';

    private GoStrings() {
    }

    static String decode(byte[] bytes) {
        StringBuilder out = new StringBuilder(bytes.length);
        int i = 0;
        while (i < bytes.length) {
            int b0 = bytes[i] & 0xff;
            if (b0 < 0x80) {
                out.append((char) b0);
                i++;
                continue;
            }
            int size = sequenceLength(bytes, i);
            if (size == 0) {
                out.append(REPLACEMENT);
                i++;
                continue;
            }
            int cp = b0 & (0xff >> (size + 1));
            for (int k = 1; k < size; k++) {
                cp = (cp << 6) | (bytes[i + k] & 0x3f);
            }
            out.appendCodePoint(cp);
            i += size;
        }
        return out.toString();
    }

    /** The length of the valid UTF-8 sequence at {@code i} (2..4), or 0 if there is none; Go's first-byte table. */
    private static int sequenceLength(byte[] b, int i) {
        int b0 = b[i] & 0xff;
        int size;
        int lo = 0x80;
        int hi = 0xbf;
        if (b0 >= 0xc2 && b0 <= 0xdf) {
            size = 2;
        } else if (b0 >= 0xe0 && b0 <= 0xef) {
            size = 3;
            if (b0 == 0xe0) {
                lo = 0xa0; // no overlong encodings
            } else if (b0 == 0xed) {
                hi = 0x9f; // no surrogates
            }
        } else if (b0 >= 0xf0 && b0 <= 0xf4) {
            size = 4;
            if (b0 == 0xf0) {
                lo = 0x90;
            } else if (b0 == 0xf4) {
                hi = 0x8f; // nothing above U+10FFFF
            }
        } else {
            return 0;
        }
        if (i + size > b.length) {
            return 0;
        }
        int b1 = b[i + 1] & 0xff;
        if (b1 < lo || b1 > hi) {
            return 0;
        }
        for (int k = 2; k < size; k++) {
            int bk = b[i + k] & 0xff;
            if (bk < 0x80 || bk > 0xbf) {
                return 0;
            }
        }
        return size;
    }
}
