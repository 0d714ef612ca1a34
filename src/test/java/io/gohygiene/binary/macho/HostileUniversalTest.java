package io.gohygiene.binary.macho;

import io.gohygiene.binary.BinaryFormatException;
import io.gohygiene.testing.BinaryFiles;
import io.gohygiene.testing.Lipo;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.util.function.Consumer;

import static io.gohygiene.binary.macho.HostileMachoTest.rejected;
import static org.junit.jupiter.api.Assertions.*;

/**
 * Hand-made and damaged universal headers: absurd slice counts (and the Java class file that starts with the same
 * magic), slices outside the file, over the header or over each other, repeated architectures, and slices that
 * disagree with their own header. Each is a BinaryFormatException naming the offset and the fault.
 */
class HostileUniversalTest {

    @TempDir
    Path tmp;

    private Path fat(int... words) {
        ByteBuffer b = ByteBuffer.allocate(Math.max(64, words.length * 4)).order(ByteOrder.BIG_ENDIAN);
        for (int word : words) {
            b.putInt(word);
        }
        return BinaryFiles.write(tmp.resolve("fat"), b.array());
    }

    @Test
    void fatHeaderWithThousandsOfSlices() {
        BinaryFormatException e = rejected(fat(FatFile.FAT_MAGIC, 5000), "nfat_arch is 5000, more than the 32 slices");
        assertEquals(4, e.offset());
        assertFalse(e.reason().contains("Java"), e.reason());
    }

    @Test
    void javaClassFileIsNotAUniversalBinary() {
        // 0xcafebabe, minor version 0, major version 65 (Java 21)
        rejected(fat(FatFile.FAT_MAGIC, 65, 0x000a0001), "a Java class file (major version 65) starts like this");
        rejected(fat(FatFile.FAT_MAGIC, 0xffff0041, 0x000a0001), "a Java class file (major version 65) starts like this");
    }

    @Test
    void fatHeaderWithoutSlices() {
        rejected(fat(FatFile.FAT_MAGIC, 0), "nfat_arch is 0");
    }

    @Test
    void sliceOutsideTheFile() {
        BinaryFormatException e = rejected(fat(FatFile.FAT_MAGIC, 1, 0x0100000c, 0, 0x4000, 0x1000, 14),
                "slice 0 (arm64) (4096 bytes at offset 16384) lies outside the 64-byte file");
        assertEquals(8, e.offset());
    }

    @Test
    void sliceOverTheFatHeader() {
        rejected(fat(FatFile.FAT_MAGIC, 1, 0x0100000c, 0, 0, 0x20, 14), "overlaps the 28-byte fat header");
    }

    @Test
    void fat64SliceWithAnOffsetBeyondAnyFile() {
        rejected(fat(FatFile.FAT_MAGIC_64, 1, 0x0100000c, 0, 0x80000000, 0, 0, 0x1000, 14, 0), "lies outside the");
    }

    private Path universalPatched(Consumer<ByteBuffer> edit) {
        Path fat = UniversalMachoTest.universal(tmp);
        return BinaryFiles.patched(fat, tmp.resolve("bad-universal"), ByteOrder.BIG_ENDIAN, edit);
    }

    @Test
    void overlappingSlices() {
        rejected(universalPatched(b -> b.putInt(8 + 20 + 8, b.getInt(8 + 8) + 0x4000)), "overlaps slice x86_64");
    }

    @Test
    void twoSlicesForOneArchitecture() {
        rejected(universalPatched(b -> b.putInt(8 + 20, b.getInt(8)).putInt(8 + 24, b.getInt(12))),
                "slice 1 (x86_64) repeats the architecture");
    }

    @Test
    void sliceWhoseHeaderDisagreesWithTheFatArch() {
        rejected(universalPatched(b -> b.putInt(8, 7)), "listed in the fat header as i386 but its mach_header says x86_64");
    }

    @Test
    void damagedSliceIsReportedAtItsAbsoluteOffset() throws Exception {
        long sliceOffset = 1L << Lipo.ALIGN;
        BinaryFormatException e = rejected(universalPatched(b -> b.order(ByteOrder.LITTLE_ENDIAN).putInt((int) sliceOffset + 32 + 4, 0)),
                "has cmdsize 0");
        assertEquals(sliceOffset + 32 + 4, e.offset());
    }
}
