package io.gohygiene.binary.buildinfo;

import java.nio.ByteBuffer;

/** encoding/binary.Uvarint: an unsigned LEB128 value of at most 10 bytes, the length prefix of inline strings. */
record Uvarint(long value, int length) {

    /** encoding/binary.MaxVarintLen64. */
    static final int MAX_LENGTH = 10;

    /**
     * Decodes the value at the start of {@code bytes}. {@code length} is the number of bytes it took; 0 when
     * {@code bytes} ended first; negative when the value overflows 64 bits (more than 10 bytes, or a 10th byte
     * above 1), exactly as Go reports it.
     */
    static Uvarint decode(ByteBuffer bytes) {
        long x = 0;
        int shift = 0;
        for (int i = 0; i < bytes.limit(); i++) {
            if (i == MAX_LENGTH) {
                return new Uvarint(0, -(i + 1));
            }
            int b = Byte.toUnsignedInt(bytes.get(i));
            if (b < 0x80) {
                if (i == MAX_LENGTH - 1 && b > 1) {
                    return new Uvarint(0, -(i + 1));
                }
                return new Uvarint(x | (long) b << shift, i + 1);
            }
            x |= (long) (b & 0x7f) << shift;
            shift += 7;
        }
        return new Uvarint(0, 0);
    }
}
