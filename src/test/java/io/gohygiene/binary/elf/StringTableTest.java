package io.gohygiene.binary.elf;

import io.gohygiene.binary.BinaryFormatException;
import io.gohygiene.binary.BinaryReader;
import io.gohygiene.testing.BinaryFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** String lookups find the right terminator wherever it lies, and only scan the blocks a lookup reaches. */
class StringTableTest {

    @TempDir
    Path dir;

    @Test
    void findsStringsWithinAndAcrossBlocksInAnyOrder() throws Exception {
        byte[] table = new byte[1000];
        Arrays.fill(table, (byte) 'a');
        table[0] = 0;
        table[10] = 0;
        table[700] = 0;
        table[999] = 0;
        try (BinaryReader reader = reader(table)) {
            StringTable strings = new StringTable(reader, ByteBuffer.wrap(table), 100, ".dynstr");
            assertEquals("a".repeat(699 - 650 + 1), strings.get(650, "late"));
            assertEquals("a".repeat(689), strings.get(11, "across ten blocks"));
            assertEquals("a".repeat(9), strings.get(1, "first block"));
            assertEquals("", strings.get(0, "empty"));
            assertEquals("a".repeat(298), strings.get(701, "after the last inner NUL"));
            assertEquals("a".repeat(689), strings.get(11, "again, from what was remembered"));
        }
    }

    @Test
    void aStringRunningToTheEndOfTheTableIsRejectedEveryTime() throws Exception {
        byte[] table = "x\0".concat("y".repeat(500)).getBytes(StandardCharsets.US_ASCII);
        try (BinaryReader reader = reader(table)) {
            StringTable strings = new StringTable(reader, ByteBuffer.wrap(table), 100, ".dynstr");
            for (int index : new int[] {300, 2, 450, 2}) {
                BinaryFormatException e = assertThrows(BinaryFormatException.class, () -> strings.get(index, "DT_NEEDED"));
                assertEquals(100 + index, e.offset());
                assertTrue(e.reason().contains("no NUL terminator"), e.reason());
            }
            assertEquals("x", strings.get(0, "before"));
        }
    }

    private BinaryReader reader(byte[] table) throws BinaryFormatException {
        return BinaryReader.open(BinaryFiles.write(dir.resolve("table"), table));
    }
}
