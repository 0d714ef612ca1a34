package io.gohygiene.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.util.ArrayList;
import java.util.List;

/**
 * A fuzz input read as a file: a size, then chunks of bytes at offsets; every other byte is zero. A Go binary is
 * megabytes of code around a few kilobytes of headers and tables, which is all a parser reads; as chunks, a seed
 * keeps just those bytes at their real offsets, so the fuzzer's mutations land on what the parsers read, and a
 * mutated offset or size moves a table or grows the file without megabytes of input.
 *
 * <p>Layout, little-endian: {@code u32 fileSize}, then repeated {@code u32 offset, u16 length, byte[length]}.
 * Any bytes decode: a short header is a smaller size, a chunk is clipped to the input and to the file, and later
 * chunks overwrite earlier ones.
 */
public record FuzzedFile(long size, List<Chunk> chunks) {

    /**
     * A little over the largest seed (a two-slice universal file of 3.5 MB). Larger files add only time: a loop
     * over a table of 16 MiB costs milliseconds, but seconds under Jazzer's instrumentation, so the per-input
     * timeout would measure the instrumentation. The reader's 16 MiB cap is exercised by the hand-written tests.
     */
    public static final long MAX_SIZE = 4L << 20;

    private static final int CHUNK_HEADER = 6;
    private static final int MAX_CHUNK = 0xffff;

    public record Chunk(long offset, byte[] bytes) {
    }

    public FuzzedFile {
        chunks = List.copyOf(chunks);
    }

    public static FuzzedFile decode(byte[] input) {
        return decode(input, MAX_SIZE);
    }

    /** Decodes with a smaller cap on the file size, for a target whose cost grows with the file. */
    public static FuzzedFile decode(byte[] input, long maxSize) {
        ByteBuffer in = ByteBuffer.wrap(input).order(ByteOrder.LITTLE_ENDIAN);
        long size = 0;
        for (int i = 0; i < Math.min(4, input.length); i++) {
            size |= (long) (input[i] & 0xff) << (8 * i);
        }
        size = Math.min(size, maxSize);
        List<Chunk> chunks = new ArrayList<>();
        int at = 4;
        while (at + CHUNK_HEADER <= input.length) {
            long offset = Integer.toUnsignedLong(in.getInt(at));
            int length = Short.toUnsignedInt(in.getShort(at + 4));
            int from = at + CHUNK_HEADER;
            int to = (int) Math.min((long) from + length, input.length);
            int kept = (int) Math.max(0, Math.min(to - from, size - offset));
            if (kept > 0) {
                byte[] bytes = new byte[kept];
                System.arraycopy(input, from, bytes, 0, kept);
                chunks.add(new Chunk(offset, bytes));
            }
            at = to;
        }
        return new FuzzedFile(size, chunks);
    }

    /** The whole of {@code content} as a fuzz input: its non-zero runs as chunks (short zero gaps kept inside a chunk). */
    public static byte[] encode(byte[] content) {
        if (content.length > MAX_SIZE) {
            throw new IllegalArgumentException(content.length + " bytes is more than a fuzzed file holds");
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(le(content.length, 4));
        int i = 0;
        while (i < content.length) {
            if (content[i] == 0) {
                i++;
                continue;
            }
            int start = i;
            int end = i;
            int zeros = 0;
            // Extend over gaps shorter than a chunk header: a separate chunk would cost more than the zeros.
            while (i < content.length && i - start < MAX_CHUNK && zeros <= CHUNK_HEADER) {
                if (content[i] == 0) {
                    zeros++;
                } else {
                    zeros = 0;
                    end = i + 1;
                }
                i++;
            }
            out.writeBytes(le(start, 4));
            out.writeBytes(le(end - start, 2));
            out.write(content, start, end - start);
            i = end;
        }
        return out.toByteArray();
    }

    /** Makes {@code channel}'s file exactly this file: size, zeros, then the chunks in order. */
    public void writeTo(FileChannel channel) throws IOException {
        channel.truncate(0);
        for (Chunk chunk : chunks) {
            ByteBuffer bytes = ByteBuffer.wrap(chunk.bytes());
            while (bytes.hasRemaining()) {
                channel.write(bytes, chunk.offset() + bytes.position());
            }
        }
        if (channel.size() < size) {
            channel.write(ByteBuffer.allocate(1), size - 1); // extends the file; the gap reads as zeros
        }
    }

    private static byte[] le(long value, int length) {
        byte[] b = new byte[length];
        for (int i = 0; i < length; i++) {
            b[i] = (byte) (value >>> (8 * i));
        }
        return b;
    }
}
