package io.gohygiene.binary.buildinfo;

import io.gohygiene.binary.BinaryFormatException;
import io.gohygiene.binary.BinaryReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

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
 * Crafted inline-layout (Go 1.18+) blobs: each malformed one must give a BinaryFormatException naming the file and
 * why, never another exception, a huge allocation or a hang; both entry points are tried on each file.
 */
@Timeout(30)
class HostileInlineBlobTest {

    static final long BASE = 0x400000;

    @TempDir
    Path dir;

    @Test
    void readsACraftedBlob() throws Exception {
        Path f = new BlobWriter().pad(48).inlineHeader(4, true).inlineString(utf8("go1.22.1"))
                .inlineString(framed("path\tex/p\nmod\tex\t(devel)\t\nbuild\tGOARCH=mips\n")).writeTo(dir.resolve("ok"));
        for (BuildInfo info : both(f)) {
            assertEquals("go1.22.1", info.goVersion());
            assertEquals("ex/p", info.path());
            assertEquals(new Module("ex", "(devel)", ""), info.main());
            assertEquals(Optional.of("mips"), info.setting("GOARCH"));
            assertEquals(4, info.pointerSize());
            assertTrue(info.bigEndian());
            assertTrue(info.inline());
        }
    }

    @Test
    void findsNothingWithoutAnAlignedMagic() throws Exception {
        Path none = new BlobWriter().text("no magic here").pad(4096).writeTo(dir.resolve("none"));
        assertEquals(Optional.empty(), readInline(none));
        assertEquals(Optional.empty(), readImage(none));
        Path misaligned = new BlobWriter().pad(8).inlineHeader(8, false).inlineString(utf8("go1.22.1")).inlineString(new byte[0])
                .pad(256).writeTo(dir.resolve("misaligned"));
        assertEquals(Optional.empty(), readInline(misaligned));
        assertEquals(Optional.empty(), readImage(misaligned));
    }

    @Test
    void skipsAMisalignedMagicForTheFirstAlignedOne() throws Exception {
        Path f = new BlobWriter().pad(8).magic().pad(64).inlineHeader(8, false).inlineString(utf8("go1.22.1")).inlineString(new byte[0])
                .writeTo(dir.resolve("f"));
        for (BuildInfo info : both(f)) {
            assertEquals("go1.22.1", info.goVersion());
            assertFalse(info.hasModuleInfo(), "empty module info is no module info, as in Go");
        }
    }

    @Test
    void rejectsAMagicWithoutAFullHeader() throws Exception {
        Path f = new BlobWriter().pad(16).magic().bytes((byte) 8, (byte) 2, (byte) 0).writeTo(dir.resolve("f"));
        assertRejected(f, 16, "header");
    }

    @Test
    void rejectsAUvarintLongerThanTenBytes() throws Exception {
        BlobWriter w = new BlobWriter().inlineHeader(8, false);
        for (int i = 0; i < 11; i++) {
            w.bytes((byte) 0x80);
        }
        assertRejected(w.bytes((byte) 1).pad(128).writeTo(dir.resolve("f")), 32, "overflows 64 bits");
    }

    @Test
    void rejectsAUvarintWhoseTenthByteOverflows() throws Exception {
        BlobWriter w = new BlobWriter().inlineHeader(8, false);
        for (int i = 0; i < 9; i++) {
            w.bytes((byte) 0xff);
        }
        assertRejected(w.bytes((byte) 0x02).pad(128).writeTo(dir.resolve("f")), 32, "overflows 64 bits");
    }

    @Test
    void rejectsAUvarintCutByTheEndOfTheData() throws Exception {
        assertRejected(new BlobWriter().inlineHeader(8, false).bytes((byte) 0x80, (byte) 0x80).writeTo(dir.resolve("f")), 32,
                "ends inside its uvarint length");
    }

    @Test
    void rejectsHugeLengthsWithoutAllocating() throws Exception {
        for (long length : List.of(Long.MAX_VALUE, -1L, 1L << 62, (long) BinaryReader.MAX_READ + 1, 1L << 32)) {
            Path f = new BlobWriter().inlineHeader(8, false).uvarint(length).text("go1.22.1").pad(256).writeTo(dir.resolve("f" + length));
            assertRejected(f, 32, "Go version string");
        }
    }

    @Test
    void rejectsAStringThatRunsOffTheRange() throws Exception {
        Path f = new BlobWriter().inlineHeader(8, false).uvarint(100).text("go1.22.1").writeTo(dir.resolve("f"));
        assertRejected(f, 32, "Go version string");
        // The file holds the whole blob, but the range given to readInline ends inside the module info.
        Path g = new BlobWriter().inlineHeader(8, false).inlineString(utf8("go1.22.1")).inlineString(framed("path\tp\n"))
                .pad(4096).writeTo(dir.resolve("g"));
        try (BinaryReader reader = BinaryReader.open(g)) {
            BinaryFormatException e = assertThrows(BinaryFormatException.class, () -> BuildInfoReader.readInline(reader, 0, 50));
            assertTrue(e.reason().contains("module info string") && e.reason().contains("runs past"), e.reason());
        }
    }

    @Test
    void rejectsAnEmptyOrControlCharacterVersion() throws Exception {
        assertRejected(new BlobWriter().inlineHeader(8, false).inlineString(new byte[0]).inlineString(new byte[0]).pad(64)
                .writeTo(dir.resolve("empty")), 33, "empty Go version");
        assertRejected(new BlobWriter().inlineHeader(8, false).inlineString(new byte[] {'g', 'o', 0, 1}).inlineString(new byte[0])
                .pad(64).writeTo(dir.resolve("nul")), 33, "control character 0x00");
    }

    @Test
    void rejectsModuleInfoWithoutItsSentinels() throws Exception {
        // Go's reader silently drops such module info; a blob that claims module info and lacks the framing is malformed.
        assertRejected(new BlobWriter().inlineHeader(8, false).inlineString(utf8("go1.22.1")).inlineString(utf8("path\tp\n"))
                .pad(128).writeTo(dir.resolve("short")), 42, "sentinels");
        assertRejected(new BlobWriter().inlineHeader(8, false).inlineString(utf8("go1.22.1"))
                .inlineString(utf8("path\texample.com/a/long/enough/path/without/framing\n")).pad(128).writeTo(dir.resolve("long")),
                42, "sentinels");
    }

    @Test
    void rejectsMalformedModuleInfoNamingTheLine() throws Exception {
        Path f = new BlobWriter().inlineHeader(8, false).inlineString(utf8("go1.22.1")).inlineString(framed("path\tp\ndep\tonly-a-path\n"))
                .pad(128).writeTo(dir.resolve("f"));
        BinaryFormatException e = assertRejected(f, 42 + 16, "line 2: expected 2 or 3 columns; got 1");
        assertEquals(f, e.file());
    }

    @Test
    void aRangeOutsideTheFileIsEmptyAndANegativeOneAnError() throws Exception {
        Path f = new BlobWriter().inlineHeader(8, false).inlineString(utf8("go1.22.1")).inlineString(new byte[0]).writeTo(dir.resolve("f"));
        try (BinaryReader reader = BinaryReader.open(f)) {
            assertEquals(Optional.empty(), BuildInfoReader.readInline(reader, 1 << 20, 4096));
            assertEquals(Optional.empty(), BuildInfoReader.readInline(reader, 16, 16), "the magic is before the range");
            assertTrue(BuildInfoReader.readInline(reader, 0, Long.MAX_VALUE).isPresent(), "a range past the end is clipped");
            assertThrows(BinaryFormatException.class, () -> BuildInfoReader.readInline(reader, -1, 10));
            assertThrows(BinaryFormatException.class, () -> BuildInfoReader.readInline(reader, 0, -10));
        }
    }

    /** Both entry points on {@code f}; asserts they agree. */
    private static List<BuildInfo> both(Path f) throws Exception {
        BuildInfo inline = readInline(f).orElseThrow();
        BuildInfo image = readImage(f).orElseThrow();
        assertEquals(inline, image, "readInline and read through an image");
        return List.of(inline, image);
    }

    private static Optional<BuildInfo> readInline(Path f) throws BinaryFormatException {
        try (BinaryReader reader = BinaryReader.open(f)) {
            return BuildInfoReader.readInline(reader, 0, reader.size());
        }
    }

    private static Optional<BuildInfo> readImage(Path f) throws BinaryFormatException {
        try (BinaryReader reader = BinaryReader.open(f)) {
            return BuildInfoReader.read(reader, SegmentImage.wholeFile(BASE, reader.size()));
        }
    }

    /** Both entry points reject {@code f} at {@code offset}, with a reason that contains {@code reason}. */
    static BinaryFormatException assertRejected(Path f, long offset, String reason) {
        BinaryFormatException inline = assertThrows(BinaryFormatException.class, () -> readInline(f), "readInline " + f);
        BinaryFormatException image = assertThrows(BinaryFormatException.class, () -> readImage(f), "read " + f);
        for (BinaryFormatException e : List.of(inline, image)) {
            assertTrue(e.reason().contains(reason), "expected a reason containing '" + reason + "', got: " + e.getMessage());
            assertEquals(offset, e.offset(), e.getMessage());
            assertEquals(f, e.file());
        }
        return inline;
    }
}
