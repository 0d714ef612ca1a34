package io.gohygiene.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Makes a universal Mach-O file the way {@code lipo -create} does: a big-endian fat_header (FAT_MAGIC), one
 * fat_arch per thin input (cputype and cpusubtype copied from its mach_header), and each slice at an offset
 * aligned to 2^14 bytes.
 */
public final class Lipo {

    public static final int ALIGN = 14;
    private static final int FAT_MAGIC = 0xcafebabe;

    private Lipo() {
    }

    public static Path create(Path output, List<Path> thinFiles) {
        try {
            byte[][] slices = new byte[thinFiles.size()][];
            long[] offsets = new long[slices.length];
            long next = 8 + 20L * slices.length;
            for (int i = 0; i < slices.length; i++) {
                slices[i] = Files.readAllBytes(thinFiles.get(i));
                offsets[i] = align(next);
                next = offsets[i] + slices[i].length;
            }
            ByteBuffer out = ByteBuffer.allocate(Math.toIntExact(next)).order(ByteOrder.BIG_ENDIAN);
            out.putInt(0, FAT_MAGIC).putInt(4, slices.length);
            for (int i = 0; i < slices.length; i++) {
                ByteBuffer header = ByteBuffer.wrap(slices[i]).order(ByteOrder.LITTLE_ENDIAN);
                int entry = 8 + 20 * i;
                out.putInt(entry, header.getInt(4)).putInt(entry + 4, header.getInt(8))
                        .putInt(entry + 8, (int) offsets[i]).putInt(entry + 12, slices[i].length).putInt(entry + 16, ALIGN);
                out.put((int) offsets[i], slices[i]);
            }
            Files.write(output, out.array());
            return output;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write universal file " + output, e);
        }
    }

    private static long align(long offset) {
        long alignment = 1L << ALIGN;
        return (offset + alignment - 1) / alignment * alignment;
    }
}
