package io.gohygiene.bench;

import io.gohygiene.binary.BinaryInspector;
import io.gohygiene.binary.BinaryReport;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Peak Java heap while inspecting a large file: a real Go executable copied and padded with a sparse hole to
 * {@code size} bytes (the parsers read headers and tables, so the padding is never read). Run by bench/all.sh in
 * its own JVM; prints the peak of every heap pool, summed.
 * Usage: PeakHeap <executable> <size-in-bytes> <scratch-file>
 */
public final class PeakHeap {

    public static void main(String[] args) throws Exception {
        Path source = Path.of(args[0]);
        long size = Long.parseLong(args[1]);
        Path big = Path.of(args[2]);
        Files.copy(source, big, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        try (FileChannel ch = FileChannel.open(big, StandardOpenOption.WRITE)) {
            ch.write(java.nio.ByteBuffer.wrap(new byte[] {0}), size - 1);
        }
        System.gc();
        ManagementFactory.getMemoryPoolMXBeans().forEach(MemoryPoolMXBean::resetPeakUsage);
        BinaryReport report = BinaryInspector.inspect(big);
        long peak = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                peak += pool.getPeakUsage().getUsed();
            }
        }
        System.out.printf("%s: %d MiB file, %s; peak heap %.1f MiB (max heap %d MiB)%n", source.getFileName(), Files.size(big) >> 20,
                report.describe(), peak / 1048576.0, Runtime.getRuntime().maxMemory() >> 20);
        Files.delete(big);
    }
}
