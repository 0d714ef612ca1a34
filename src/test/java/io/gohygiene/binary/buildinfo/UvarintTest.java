package io.gohygiene.binary.buildinfo;

import org.junit.jupiter.api.Test;

import java.nio.ByteBuffer;
import java.util.HexFormat;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** encoding/binary.Uvarint's results, including its two failure signals (0: too short; negative: overflow). */
class UvarintTest {

    @Test
    void decodesLikeEncodingBinary() {
        assertEquals(new Uvarint(0, 1), decode("00"));
        assertEquals(new Uvarint(127, 1), decode("7f"));
        assertEquals(new Uvarint(128, 2), decode("8001"));
        assertEquals(new Uvarint(300, 2), decode("ac02ff"), "stops at the first byte below 0x80");
        assertEquals(new Uvarint(Long.MAX_VALUE, 9), decode("ffffffffffffffff7f"));
        assertEquals(new Uvarint(-1L, 10), decode("ffffffffffffffffff01"), "2^64-1, held in a long as -1");
    }

    @Test
    void reportsShortInputAndOverflowAsGoDoes() {
        assertEquals(0, decode("").length());
        assertEquals(0, decode("8080").length(), "the input ends inside the value");
        assertEquals(-10, decode("ffffffffffffffffff02").length(), "a 10th byte above 1 overflows");
        assertEquals(-11, decode("8080808080808080808001").length(), "an 11th byte overflows");
    }

    private static Uvarint decode(String hex) {
        return Uvarint.decode(ByteBuffer.wrap(HexFormat.of().parseHex(hex)));
    }
}
