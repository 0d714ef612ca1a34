package io.gohygiene.binary.gosym;

import io.gohygiene.binary.BinaryFormatException;
import io.gohygiene.binary.BinaryReader;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/**
 * The pclntab's bytes, {@code [start, end)} of the file, read through a window of at most {@link #WINDOW} bytes:
 * the function table and the names are visited mostly in order, so one read serves thousands of lookups while
 * memory stays bounded whatever the table's size. Offsets given to it are relative to the table's start, as the
 * pclntab's own offsets are; anything outside the table is an error naming the file offset and what was read.
 */
final class PclntabWindow {

    static final int WINDOW = 1 << 20;

    private final BinaryReader reader;
    private final long start;
    private final long size;
    private final ByteOrder order;
    private ByteBuffer window = ByteBuffer.allocate(0);
    private long windowAt;

    PclntabWindow(BinaryReader reader, long start, long size, ByteOrder order) {
        this.reader = reader;
        this.start = start;
        this.size = size;
        this.order = order;
    }

    /** Another window on the same bytes, for a part of the table read alongside this one. */
    PclntabWindow copy() {
        return new PclntabWindow(reader, start, size, order);
    }

    long size() {
        return size;
    }

    long fileOffset(long offset) {
        return start + offset;
    }

    BinaryFormatException error(long offset, String reason) {
        return reader.error(start + Math.max(0, Math.min(offset, size)), reason);
    }

    int u32(long offset, String what) throws BinaryFormatException {
        return bytesAt(offset, 4, what).getInt((int) (offset - windowAt));
    }

    /** An unsigned word of {@code width} (4 or 8) bytes; an 8-byte value above Long.MAX_VALUE is an error. */
    long word(long offset, int width, String what) throws BinaryFormatException {
        if (width == 4) {
            return Integer.toUnsignedLong(u32(offset, what));
        }
        long v = bytesAt(offset, 8, what).getLong((int) (offset - windowAt));
        if (v < 0) {
            throw error(offset, what + " is " + Long.toUnsignedString(v) + ", beyond any pclntab");
        }
        return v;
    }

    /** The NUL-terminated string at {@code offset}; it must end inside the table and within one window. */
    String cString(long offset, String what) throws BinaryFormatException {
        ByteBuffer b = bytesAt(offset, 1, what);
        if (nul(b, (int) (offset - windowAt)) < 0 && windowAt != offset) {
            b = load(offset); // the string runs past this window: read again from its start
        }
        int from = (int) (offset - windowAt);
        int end = nul(b, from);
        if (end < 0) {
            throw error(offset, what + " is not NUL-terminated within " + Math.min(WINDOW, size - offset) + " bytes of the pclntab");
        }
        byte[] bytes = new byte[end - from];
        b.get(from, bytes);
        return new String(bytes, StandardCharsets.UTF_8);
    }

    /** Each NUL-terminated string of {@code [from, to)} in order; the last must end before {@code to}. */
    void cStrings(long from, long to, String what, java.util.function.Consumer<String> each) throws BinaryFormatException {
        long at = from;
        if (from < to && to <= size && (from < windowAt || to > windowAt + window.limit())) {
            // One read of exactly the table (100 KB for a small program), not a 1 MiB window of what follows it.
            window = reader.read(start + from, (int) Math.min(WINDOW, to - from), order, "pclntab");
            windowAt = from;
        }
        while (at < to) {
            ByteBuffer b = bytesAt(at, 1, what);
            int end = nul(b, (int) (at - windowAt));
            if (end < 0 && windowAt != at) {
                b = load(at); // the string runs past this window: read again from its start
                end = nul(b, 0);
            }
            if (end < 0 || windowAt + end >= to) {
                throw error(at, what + " at pclntab offset " + at + " is not NUL-terminated before the table ends at " + to);
            }
            int start = (int) (at - windowAt);
            byte[] bytes = new byte[end - start];
            b.get(start, bytes);
            each.accept(new String(bytes, StandardCharsets.UTF_8));
            at = windowAt + end + 1;
        }
    }

    private static int nul(ByteBuffer b, int from) {
        if (b.hasArray()) {
            // The name table is scanned byte by byte: through the array, not a bounds-checked get per byte.
            byte[] array = b.array();
            int offset = b.arrayOffset();
            for (int i = from, end = b.limit(); i < end; i++) {
                if (array[offset + i] == 0) {
                    return i;
                }
            }
            return -1;
        }
        for (int i = from; i < b.limit(); i++) {
            if (b.get(i) == 0) {
                return i;
            }
        }
        return -1;
    }

    /** The window holding {@code [offset, offset + length)}, reloaded at {@code offset} if need be. */
    private ByteBuffer bytesAt(long offset, int length, String what) throws BinaryFormatException {
        if (offset < 0 || offset > size - length) {
            throw error(offset, what + " (" + length + " bytes at pclntab offset " + Long.toUnsignedString(offset)
                    + ") lies outside the " + size + "-byte pclntab at file offset " + start);
        }
        if (offset >= windowAt && offset + length <= windowAt + window.limit()) {
            return window;
        }
        return load(offset);
    }

    private ByteBuffer load(long offset) throws BinaryFormatException {
        window = reader.read(start + offset, Math.min(WINDOW, size - offset), order, "pclntab");
        windowAt = offset;
        return window;
    }
}
