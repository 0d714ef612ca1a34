package io.gohygiene.binary.buildinfo;

import io.gohygiene.binary.BinaryFormatException;
import io.gohygiene.binary.BinaryReader;
import io.gohygiene.binary.ExecutableImage.Region;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.nio.ByteOrder;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import static io.gohygiene.binary.buildinfo.BlobWriter.framed;
import static io.gohygiene.binary.buildinfo.BlobWriter.utf8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Crafted pointer-layout (pre-1.18) blobs, read through a hand-made image that maps the file at {@link #BASE}:
 * pointers to themselves, outside the file, lengths near 2^63, a wrapping address, a bad pointer size. Each gives
 * a BinaryFormatException, never another exception, a huge allocation or a hang.
 */
@Timeout(30)
class HostilePointerBlobTest {

    static final long BASE = 0x10000;
    /** Layout of the crafted files: blob at 0, string headers at 64 and 80 (96 for 64-bit), string data at 128. */
    static final int VERSION_HEADER = 64;
    static final int DATA = 128;

    @TempDir
    Path dir;

    @Test
    void readsCraftedBlobsOfEachPointerSizeAndByteOrder() throws Exception {
        for (int size : List.of(4, 8)) {
            for (ByteOrder order : List.of(ByteOrder.LITTLE_ENDIAN, ByteOrder.BIG_ENDIAN)) {
                byte[] mod = framed("path\tex/p\nmod\tex\tv1.0.0\th1:x=\ndep\td\tv0.1.0\n=>\t../d\t\t\n");
                Path f = blob(size, order, "go1.17.13", mod, "f" + size + order);
                BuildInfo info = read(f).orElseThrow();
                assertEquals("go1.17.13", info.goVersion(), size + " " + order);
                assertEquals("ex/p", info.path());
                assertEquals(List.of(new Module("d", "v0.1.0", "").withReplace(new Module("../d", "", ""))), info.deps());
                assertEquals(size, info.pointerSize());
                assertEquals(order == ByteOrder.BIG_ENDIAN, info.bigEndian());
                assertFalse(info.inline());
            }
        }
    }

    @Test
    void rejectsAVersionPointerToTheBlobItself() throws Exception {
        // The "string header" read there is the magic: a data pointer and a length of ASCII garbage.
        Path f = new BlobWriter().pointerHeader(8, ByteOrder.LITTLE_ENDIAN, BASE, BASE + DATA).pad(256).writeTo(dir.resolve("f"));
        assertRejected(f, 0, "Go version string is 2316011427161196 bytes long");
    }

    @Test
    void rejectsAStringHeaderThatPointsAtItself() throws Exception {
        // data pointer = the string header's own address, length = the header's size: Go would return the header's bytes.
        BlobWriter w = new BlobWriter().pointerHeader(8, ByteOrder.LITTLE_ENDIAN, BASE + VERSION_HEADER, BASE + VERSION_HEADER).pad(VERSION_HEADER)
                .pointer(8, ByteOrder.LITTLE_ENDIAN, BASE + VERSION_HEADER).pointer(8, ByteOrder.LITTLE_ENDIAN, 16).pad(256);
        assertRejected(w.writeTo(dir.resolve("f")), VERSION_HEADER, "control character");
    }

    @Test
    void rejectsAPointerSizeOtherThanFourOrEight() throws Exception {
        Path f = new BlobWriter().magic().bytes((byte) 3, (byte) 0).pad(256).writeTo(dir.resolve("f"));
        assertRejected(f, 14, "pointer size is 3");
    }

    @Test
    void rejectsHugeLengthsWithoutAllocating() throws Exception {
        for (long length : List.of(Long.MAX_VALUE, 0x7fff_ffff_ffff_ff00L, -1L, (long) BinaryReader.MAX_READ + 1)) {
            BlobWriter w = new BlobWriter().pointerHeader(8, ByteOrder.BIG_ENDIAN, BASE + VERSION_HEADER, BASE + VERSION_HEADER)
                    .pad(VERSION_HEADER).pointer(8, ByteOrder.BIG_ENDIAN, BASE + DATA).pointer(8, ByteOrder.BIG_ENDIAN, length)
                    .pad(DATA).text("go1.17.13").pad(256);
            assertRejected(w.writeTo(dir.resolve("f" + length)), VERSION_HEADER, "more than the");
        }
        // 32-bit: the largest length is 4 GiB, still far beyond the file.
        BlobWriter w = new BlobWriter().pointerHeader(4, ByteOrder.LITTLE_ENDIAN, BASE + VERSION_HEADER, BASE + VERSION_HEADER)
                .pad(VERSION_HEADER).pointer(4, ByteOrder.LITTLE_ENDIAN, BASE + DATA).pointer(4, ByteOrder.LITTLE_ENDIAN, 0xffff_ffffL)
                .pad(DATA).text("go1.17.13").pad(256);
        assertRejected(w.writeTo(dir.resolve("f32")), VERSION_HEADER, "Go version string");
    }

    @Test
    void rejectsAStringThatWrapsTheAddressSpace() throws Exception {
        BlobWriter w = new BlobWriter().pointerHeader(8, ByteOrder.LITTLE_ENDIAN, BASE + VERSION_HEADER, BASE + VERSION_HEADER)
                .pad(VERSION_HEADER).pointer(8, ByteOrder.LITTLE_ENDIAN, 0xffff_ffff_ffff_fff0L).pointer(8, ByteOrder.LITTLE_ENDIAN, 0x20)
                .pad(256);
        assertRejected(w.writeTo(dir.resolve("f")), VERSION_HEADER, "wraps around");
    }

    @Test
    void rejectsPointersOutsideTheMappedData() throws Exception {
        Path header = new BlobWriter().pointerHeader(4, ByteOrder.BIG_ENDIAN, 0x1234, BASE + VERSION_HEADER).pad(256).writeTo(dir.resolve("h"));
        assertRejected(header, 16, "not in the file's mapped data");
        BlobWriter w = new BlobWriter().pointerHeader(4, ByteOrder.BIG_ENDIAN, BASE + VERSION_HEADER, BASE + VERSION_HEADER)
                .pad(VERSION_HEADER).pointer(4, ByteOrder.BIG_ENDIAN, BASE + 250).pointer(4, ByteOrder.BIG_ENDIAN, 9).pad(256);
        assertRejected(w.writeTo(dir.resolve("data")), VERSION_HEADER, "not in the file's mapped data");
    }

    @Test
    void takesAnUnreadableModuleInfoHeaderAsNoModuleInfoAsGoDoes() throws Exception {
        // GOPATH-mode binaries of Go <= 1.17: runtime.modinfo is a zero string in .bss, outside the file.
        BlobWriter w = new BlobWriter().pointerHeader(8, ByteOrder.LITTLE_ENDIAN, BASE + VERSION_HEADER, BASE + 0x100000)
                .pad(VERSION_HEADER).pointer(8, ByteOrder.LITTLE_ENDIAN, BASE + DATA).pointer(8, ByteOrder.LITTLE_ENDIAN, 9)
                .pad(DATA).text("go1.16.15").pad(256);
        BuildInfo info = read(w.writeTo(dir.resolve("f"))).orElseThrow();
        assertEquals("go1.16.15", info.goVersion());
        assertFalse(info.hasModuleInfo());
    }

    @Test
    void rejectsModuleInfoDataOutsideTheFile() throws Exception {
        // Unlike its header, a non-empty module info string must be in the file: Go would drop it silently.
        BlobWriter w = new BlobWriter().pointerHeader(8, ByteOrder.LITTLE_ENDIAN, BASE + VERSION_HEADER, BASE + VERSION_HEADER + 16)
                .pad(VERSION_HEADER).pointer(8, ByteOrder.LITTLE_ENDIAN, BASE + DATA).pointer(8, ByteOrder.LITTLE_ENDIAN, 9)
                .pointer(8, ByteOrder.LITTLE_ENDIAN, BASE + 0x100000).pointer(8, ByteOrder.LITTLE_ENDIAN, 64)
                .pad(DATA).text("go1.16.15").pad(256);
        assertRejected(w.writeTo(dir.resolve("f")), VERSION_HEADER + 16, "module info string");
    }

    @Test
    void searchesAHugeRegionOnlyAsFarAsTheFileGoes() throws Exception {
        Path f = new BlobWriter().text("no magic").pad(3 << 20).writeTo(dir.resolve("f"));
        try (BinaryReader reader = BinaryReader.open(f)) {
            SegmentImage image = SegmentImage.wholeFile(BASE, reader.size()).withRegion(new Region(BASE, 0, Long.MAX_VALUE - BASE));
            assertEquals(Optional.empty(), BuildInfoReader.read(reader, image));
            SegmentImage empty = image.withRegion(new Region(BASE, 0, 0));
            assertEquals(Optional.empty(), BuildInfoReader.read(reader, empty));
            SegmentImage wrapping = image.withRegion(new Region(-16, 0, 64));
            BinaryFormatException e = assertThrows(BinaryFormatException.class, () -> BuildInfoReader.read(reader, wrapping));
            assertTrue(e.reason().contains("wraps"), e.reason());
        }
    }

    /** A blob whose version and module info strings are reached through string headers at 64 and 64+2*size. */
    private Path blob(int size, ByteOrder order, String version, byte[] mod, String name) throws Exception {
        int modHeader = VERSION_HEADER + 2 * size;
        int modData = DATA + 32;
        return new BlobWriter().pointerHeader(size, order, BASE + VERSION_HEADER, BASE + modHeader).pad(VERSION_HEADER)
                .pointer(size, order, BASE + DATA).pointer(size, order, version.length())
                .pointer(size, order, BASE + modData).pointer(size, order, mod.length)
                .pad(DATA).text(version).pad(modData).bytes(mod).pad(512).writeTo(dir.resolve(name));
    }

    private static Optional<BuildInfo> read(Path f) throws BinaryFormatException {
        try (BinaryReader reader = BinaryReader.open(f)) {
            return BuildInfoReader.read(reader, SegmentImage.wholeFile(BASE, reader.size()));
        }
    }

    private static void assertRejected(Path f, long offset, String reason) {
        BinaryFormatException e = assertThrows(BinaryFormatException.class, () -> read(f), f.toString());
        assertTrue(e.reason().contains(reason), "expected a reason containing '" + reason + "', got: " + e.getMessage());
        assertEquals(offset, e.offset(), e.getMessage());
        assertEquals(f, e.file());
    }
}
