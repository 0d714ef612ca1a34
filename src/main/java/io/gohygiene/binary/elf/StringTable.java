package io.gohygiene.binary.elf;

import io.gohygiene.binary.BinaryFormatException;
import io.gohygiene.binary.BinaryReader;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * An ELF string table (gABI "String Table"): NUL-terminated strings looked up by byte index. A hostile table
 * with few NULs would make every lookup scan to its end, so the next NUL after each 64-byte block is found
 * once, up front: a lookup costs at most one block scan, whatever the table or the number of lookups.
 */
final class StringTable {

    private static final int BLOCK = 64;

    private final BinaryReader reader;
    private final ByteBuffer bytes;
    private final long fileOffset;
    private final String name;
    /** nextNul[b]: index of the first NUL at or after b * BLOCK, or -1. */
    private final int[] nextNul;

    StringTable(BinaryReader reader, ByteBuffer bytes, long fileOffset, String name) {
        this.reader = reader;
        this.bytes = bytes;
        this.fileOffset = fileOffset;
        this.name = name;
        int size = bytes.limit();
        this.nextNul = new int[size / BLOCK + 1];
        int next = -1;
        for (int i = size - 1; i >= 0; i--) {
            if (bytes.get(i) == 0) {
                next = i;
            }
            if (i % BLOCK == 0) {
                nextNul[i / BLOCK] = next;
            }
        }
        if (size % BLOCK == 0) {
            nextNul[size / BLOCK] = -1;
        }
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
        return blockEnd < bytes.limit() ? nextNul[blockEnd / BLOCK] : -1;
    }
}
