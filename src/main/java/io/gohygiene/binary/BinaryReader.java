package io.gohygiene.binary;

import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Reads a binary at explicit offsets, checking every offset and length against the file before use, so that
 * counts and sizes read from a hostile file can never size an allocation or send a read past the end
 * (the job Go's internal/saferio does for debug/elf and debug/macho). Memory use is bounded by
 * {@link #MAX_READ} per call, whatever the file size.
 */
public final class BinaryReader implements Closeable {

    /** No single structure a parser reads (a header table, a string table, a build-info blob) is larger. */
    public static final int MAX_READ = 16 << 20;

    private final Path file;
    private final FileChannel channel;
    private final long size;

    private BinaryReader(Path file, FileChannel channel, long size) {
        this.file = file;
        this.channel = channel;
        this.size = size;
    }

    /** Opens a regular file; anything else fails as {@link BinaryInspector#requireRegularFile} says. */
    public static BinaryReader open(Path file) throws BinaryFormatException {
        BinaryInspector.requireRegularFile(file);
        try {
            FileChannel channel = FileChannel.open(file, StandardOpenOption.READ);
            return new BinaryReader(file, channel, channel.size());
        } catch (IOException | UnsupportedOperationException | SecurityException e) {
            throw new BinaryFormatException(file, "cannot open: " + e.getMessage());
        }
    }

    public Path file() {
        return file;
    }

    public long size() {
        return size;
    }

    /**
     * Reads exactly {@code length} bytes at {@code offset}, in {@code order}; {@code what} names the structure
     * for the error message ("section header table", "DT_NEEDED string").
     */
    public ByteBuffer read(long offset, long length, ByteOrder order, String what) throws BinaryFormatException {
        requireRange(offset, length, what);
        if (length > MAX_READ) {
            throw error(offset, what + " is " + length + " bytes, more than the " + MAX_READ + " this reader accepts");
        }
        ByteBuffer buffer = ByteBuffer.allocate((int) length).order(order);
        try {
            while (buffer.hasRemaining()) {
                int n = channel.read(buffer, offset + buffer.position());
                if (n < 0) {
                    throw error(offset + buffer.position(), what + " ends early: the file shrank while it was read");
                }
            }
        } catch (IOException e) {
            throw error(offset, "cannot read " + what + ": " + e.getMessage());
        }
        return buffer.flip();
    }

    /** Reads up to {@code length} bytes at {@code offset}, fewer at the end of the file. */
    public ByteBuffer readAvailable(long offset, long length, ByteOrder order, String what) throws BinaryFormatException {
        if (offset < 0 || offset > size) {
            throw error(offset, what + " starts outside the " + size + "-byte file");
        }
        return read(offset, Math.min(length, size - offset), order, what);
    }

    /** Fails unless {@code [offset, offset+length)} lies inside the file; guards against overflow and negatives. */
    public void requireRange(long offset, long length, String what) throws BinaryFormatException {
        if (offset < 0 || length < 0 || offset > size || length > size - offset) {
            throw error(offset, what + " (" + Long.toUnsignedString(length) + " bytes at offset " + Long.toUnsignedString(offset)
                    + ") lies outside the " + size + "-byte file");
        }
    }

    public BinaryFormatException error(long offset, String reason) {
        return new BinaryFormatException(file, offset, reason);
    }

    /**
     * A NUL-terminated string at {@code index} in {@code table} (a string table read earlier); {@code tableOffset}
     * is where the table lies in the file, for the error message. A string that runs off the table is an error.
     */
    public String cString(ByteBuffer table, long index, long tableOffset, String what) throws BinaryFormatException {
        if (index < 0 || index >= table.limit()) {
            throw error(tableOffset, what + ": index " + Long.toUnsignedString(index) + " is outside the " + table.limit() + "-byte string table");
        }
        int start = (int) index;
        int end = start;
        while (end < table.limit() && table.get(end) != 0) {
            end++;
        }
        if (end == table.limit()) {
            throw error(tableOffset + start, what + ": string is not NUL-terminated within its table");
        }
        byte[] bytes = new byte[end - start];
        table.get(start, bytes);
        return new String(bytes, StandardCharsets.UTF_8);
    }

    /** Unsigned 32-bit value read at the buffer's absolute index. */
    public static long u32(ByteBuffer b, int index) {
        return Integer.toUnsignedLong(b.getInt(index));
    }

    public static int u16(ByteBuffer b, int index) {
        return Short.toUnsignedInt(b.getShort(index));
    }

    public static int u8(ByteBuffer b, int index) {
        return Byte.toUnsignedInt(b.get(index));
    }

    /**
     * A 64-bit value that must fit in a signed long to be used as a file offset or size; larger values cannot
     * describe anything in a real file.
     */
    public long u64(ByteBuffer b, int index, String what) throws BinaryFormatException {
        long v = b.getLong(index);
        if (v < 0) {
            throw error(index, what + " is " + Long.toUnsignedString(v) + ", beyond any file");
        }
        return v;
    }

    @Override
    public void close() {
        try {
            channel.close();
        } catch (IOException ignored) {
            // Read-only channel: nothing was written that closing could lose.
        }
    }
}
