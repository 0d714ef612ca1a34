package io.gohygiene.binary.elf;

import io.gohygiene.binary.BinaryFormatException;
import io.gohygiene.binary.BinaryReader;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * An ELF string table (gABI "String Table"): NUL-terminated strings looked up by byte index. A hostile table
 * with few NULs would make every lookup scan to its end, so where the next NUL after each 64-byte block lies is
 * remembered once found: all lookups together scan each block at most once, whatever the table or the number of
 * lookups. Blocks no lookup reaches are never scanned, so a table of megabytes costs what its strings cost.
 */
final class StringTable {

    private static final int BLOCK = 64;
    private static final int UNKNOWN = -2;

    private final BinaryReader reader;
    private final ByteBuffer bytes;
    private final long fileOffset;
    private final String name;
    /** nextNul[b]: index of the first NUL at or after b * BLOCK, -1 for none, UNKNOWN until a lookup needs it. */
    private final int[] nextNul;

    StringTable(BinaryReader reader, ByteBuffer bytes, long fileOffset, String name) {
        this.reader = reader;
        this.bytes = bytes;
        this.fileOffset = fileOffset;
        this.name = name;
        this.nextNul = new int[bytes.limit() / BLOCK + 1];
        Arrays.fill(nextNul, UNKNOWN);
    }

    /** The string at {@code index}; {@code what} names the reference for the error ("DT_NEEDED", "vn_file"). */
    String get(long index, String what) throws BinaryFormatException {
        int size = bytes.limit();
        if (index < 0 || index >= size) {
            throw reader.error(fileOffset, what + ": index " + Long.toUnsignedString(index) + " is outside the "
                    + size + "-byte string table " + name);
        }
        int start = (int) index;
        int end = terminator(start);
        if (end < 0) {
            throw reader.error(fileOffset + start, what + ": the string at index " + start + " of " + name
                    + " has no NUL terminator before the table ends");
        }
        byte[] out = new byte[end - start];
        bytes.get(start, out);
        return new String(out, StandardCharsets.UTF_8);
    }

    private int terminator(int start) {
        int blockEnd = Math.min(bytes.limit(), (start / BLOCK + 1) * BLOCK);
        for (int i = start; i < blockEnd; i++) {
            if (bytes.get(i) == 0) {
                return i;
            }
        }
        return blockEnd < bytes.limit() ? nextNulFrom(blockEnd / BLOCK) : -1;
    }

    /** The first NUL at or after block {@code first}; every block scanned on the way remembers the answer. */
    private int nextNulFrom(int first) {
        int block = first;
        int found = -1;
        while (block < nextNul.length && nextNul[block] == UNKNOWN) {
            int end = Math.min(bytes.limit(), (block + 1) * BLOCK);
            for (int i = block * BLOCK; i < end && found < 0; i++) {
                if (bytes.get(i) == 0) {
                    found = i;
                }
            }
            if (found >= 0) {
                break;
            }
            block++;
        }
        if (found < 0 && block < nextNul.length) {
            found = nextNul[block]; // a block already known, or -1 past the table's end
        }
        for (int b = first; b <= Math.min(block, nextNul.length - 1); b++) {
            if (nextNul[b] == UNKNOWN) {
                nextNul[b] = found;
            }
        }
        return found;
    }
}
