package io.gohygiene.modfetch;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Zips go refuses, or that would harm the machine, built here: each one is refused with a message naming the zip,
 * the module, the entry and the problem, and leaves nothing behind. java.util.zip writes most of them; the rest
 * are its output with bytes changed (a duplicate name, declared sizes and CRCs that lie).
 */
class ModuleZipHostileTest {

    private static final String MODULE = "example.com/m";
    private static final String VERSION = "v1.0.0";
    private static final String PREFIX = MODULE + "@" + VERSION + "/";

    @TempDir
    Path temp;

    @Test
    void aGoodZipUnpacksAndItsHashIsHashZips() throws Exception {
        Path zip = zip(Map.of(PREFIX + "go.mod", "module example.com/m\n", PREFIX + "sub/a.go", "package sub\n"));
        Path into = into();

        assertEquals(DirHash.hashZip(zip), ModuleZip.unpack(zip, MODULE, VERSION, into));
        assertEquals("package sub\n", Files.readString(into.resolve("sub/a.go")));
        ModuleZip.makeWritable(into);
    }

    @Test
    void dotDotTraversalIsRefused() throws Exception {
        assertRefused(zip(Map.of(PREFIX + "a.go", "package m\n", PREFIX + "../../evil", "x")), PREFIX + "../../evil", "the path has the element \"..\"");
        assertFalse(Files.exists(temp.resolve("evil")));
        assertRefused(zip(Map.of(PREFIX + "a/../../b", "x")), PREFIX + "a/../../b", "the path has the element \"..\"");
    }

    @Test
    void anAbsolutePathIsRefused() throws Exception {
        assertRefused(zip(Map.of("/etc/passwd", "x")), "/etc/passwd", "it is not under \"" + PREFIX + "\"");
        assertRefused(zip(Map.of(PREFIX + "/etc/passwd", "x")), PREFIX + "/etc/passwd", "the path is absolute");
    }

    @Test
    void aBackslashIsRefused() throws Exception {
        assertRefused(zip(Map.of(PREFIX + "..\\..\\evil", "x")), PREFIX + "..\\..\\evil",
                "the path has the character '\\' (a backslash), which Go does not allow in a file name");
    }

    @Test
    void namesGoForbidsAreRefused() throws Exception {
        assertRefused(zip(Map.of(PREFIX + "a*b.go", "x")), PREFIX + "a*b.go", "the path has the character U+002A '*', which Go does not allow in a file name");
        assertRefused(zip(Map.of(PREFIX + "dir/con.txt", "x")), PREFIX + "dir/con.txt", "the path element \"con.txt\" is a reserved name on Windows");
        assertRefused(zip(Map.of(PREFIX + "a./b", "x")), PREFIX + "a./b", "the path element \"a.\" ends with a dot");
        assertRefused(zip(Map.of(PREFIX + "sub/go.mod", "module x\n")), PREFIX + "sub/go.mod", "a go.mod file is not in the module root directory");
        assertRefused(zip(Map.of(PREFIX + "GO.MOD", "module x\n")), PREFIX + "GO.MOD", "a go.mod file must have a lower-case name");
    }

    @Test
    void aWrongModulePrefixIsRefused() throws Exception {
        assertRefused(zip(Map.of(PREFIX + "a.go", "package m\n", "example.com/other@v1.0.0/b.go", "package other\n")),
                "example.com/other@v1.0.0/b.go", "it is not under \"" + PREFIX + "\"");
        assertRefused(zip(Map.of("example.com/m@v1.0.1/a.go", "x")), "example.com/m@v1.0.1/a.go", "it is not under \"" + PREFIX + "\"");
    }

    @Test
    void caseFoldDuplicatesAreRefused() throws Exception {
        assertRefused(zip(Map.of(PREFIX + "README", "a", PREFIX + "readme", "b")), PREFIX + "readme",
                "it collides with \"README\" on a case-insensitive file system");
        // A directory and a file: Dir/a.go makes "Dir" a directory that dir/b.go's parent meets in another case.
        assertRefused(zip(Map.of(PREFIX + "Dir/a.go", "a", PREFIX + "dir/b.go", "b")), PREFIX + "dir/b.go",
                "it collides with \"Dir\" on a case-insensitive file system");
        // The Kelvin sign folds to k in Go's strings.EqualFold.
        assertRefused(zip(Map.of(PREFIX + "k.go", "a", PREFIX + "\u212A.go", "b")), PREFIX + "\u212A.go",
                "it collides with \"k.go\" on a case-insensitive file system");
    }

    @Test
    void anExactDuplicateIsRefused() throws Exception {
        // java.util.zip refuses to write a duplicate name: write b, then rename it to a in the bytes.
        Path zip = zip(Map.of(PREFIX + "a.go", "a", PREFIX + "b.go", "b"));
        replaceAll(zip, PREFIX + "b.go", PREFIX + "a.go");
        assertRefused(zip, PREFIX + "a.go", "there are two entries for the file \"a.go\"");
    }

    @Test
    void aZipBombStopsOneBytePastItsDeclaredSize() throws Exception {
        // 16 MiB of zeros deflate to ~16 KiB; the second half of that deflate stream is garbage, and the member
        // declares 1000 bytes. Reading it whole fails on the garbage; unpack must stop long before, at byte 1001.
        Map<String, byte[]> files = new LinkedHashMap<>();
        files.put(PREFIX + "a.go", "package m\n".getBytes(StandardCharsets.UTF_8));
        files.put(PREFIX + "bomb", new byte[16 << 20]);
        Path zip = zipBytes(files);
        Central bomb = Central.of(zip, 1);
        byte[] bytes = Files.readAllBytes(zip);
        long dataStart = bomb.dataOffset(bytes);
        long compressed = bomb.compressedSize(bytes);
        assertTrue(compressed < 1 << 20, "16 MiB of zeros deflate to " + compressed + " bytes");
        Arrays.fill(bytes, (int) (dataStart + compressed / 2), (int) (dataStart + compressed), (byte) 0xff);
        Files.write(zip, bytes);
        bomb.set(zip, Central.UNCOMPRESSED_SIZE, 1000);

        try (ZipFile zipFile = new ZipFile(zip.toFile()); InputStream in = zipFile.getInputStream(zipFile.getEntry(PREFIX + "bomb"))) {
            assertThrows(IOException.class, in::readAllBytes, "read whole, the member fails on its garbage half");
        }
        assertRefused(zip, PREFIX + "bomb", "it inflates beyond its declared size of 1000 bytes (a zip bomb, or a corrupt zip)");
    }

    @Test
    void declaredSizesOverTheLimitAreRefusedBeforeAnythingIsWritten() throws Exception {
        Path zip = zip(Map.of(PREFIX + "a", "a", PREFIX + "b", "b", PREFIX + "go.mod", "module example.com/m\n"));
        Central.of(zip, 0).set(zip, Central.UNCOMPRESSED_SIZE, 300 << 20);
        Central.of(zip, 1).set(zip, Central.UNCOMPRESSED_SIZE, 300 << 20);
        assertRefused(zip, Central.of(zip, 1).name(zip), "the files' declared sizes add up to more than go's limit of 524288000 bytes");

        Path goMod = zip(Map.of(PREFIX + "go.mod", "module example.com/m\n"));
        Central.of(goMod, 0).set(goMod, Central.UNCOMPRESSED_SIZE, (16 << 20) + 1);
        assertRefused(goMod, PREFIX + "go.mod", "it declares 16777217 bytes, more than go's limit of 16777216 for go.mod");
    }

    @Test
    void aMemberShorterThanDeclaredOrWithAWrongCrcIsRefused() throws Exception {
        Path shorter = zip(Map.of(PREFIX + "a.go", "package m\n"));
        Central.of(shorter, 0).set(shorter, Central.UNCOMPRESSED_SIZE, 11);
        assertRefused(shorter, PREFIX + "a.go", "it has 10 bytes where it declares 11");

        Path crc = zip(Map.of(PREFIX + "a.go", "package m\n"));
        Central.of(crc, 0).set(crc, Central.CRC, 0x12345678);
        ModuleZipException e = assertRefused(crc, PREFIX + "a.go", null);
        assertTrue(e.getMessage().endsWith("where it declares 12345678"), e.getMessage());
    }

    @Test
    void aTruncatedDownloadIsRefusedAndNamesTheFile() throws Exception {
        Path zip = zip(Map.of(PREFIX + "a.go", "package m\n", PREFIX + "b.go", "package m // " + "b".repeat(4000) + "\n"));
        byte[] whole = Files.readAllBytes(zip);
        Files.write(zip, Arrays.copyOf(whole, whole.length / 2));
        Path into = into();

        ModuleZipException e = assertThrows(ModuleZipException.class, () -> ModuleZip.unpack(zip, MODULE, VERSION, into));
        assertEquals("The module zip " + zip + " of example.com/m@v1.0.0 is not a readable zip (zip END header not found);"
                + " the download may have been cut short", e.getMessage());
        assertEquals("delete " + zip + " and download it again", e.hint());
        assertFalse(Files.exists(into));
    }

    @Test
    void anEmptyFileIsRefused() throws Exception {
        Path zip = Files.createFile(temp.resolve("empty.zip"));
        Path into = into();

        ModuleZipException e = assertThrows(ModuleZipException.class, () -> ModuleZip.unpack(zip, MODULE, VERSION, into));
        assertTrue(e.getMessage().startsWith("The module zip " + zip + " of example.com/m@v1.0.0 is not a readable zip ("), e.getMessage());
        assertFalse(Files.exists(into));
    }

    @Test
    void anIntoThatExistsIsACallerErrorAndIsLeftAlone() throws Exception {
        Path zip = zip(Map.of(PREFIX + "a.go", "package m\n"));
        Path into = Files.createDirectories(into());
        Files.writeString(into.resolve("mine"), "kept");

        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ModuleZip.unpack(zip, MODULE, VERSION, into));
        assertEquals(into + " exists already: unpack example.com/m@v1.0.0 into a new directory", e.getMessage());
        assertEquals("kept", Files.readString(into.resolve("mine")));
    }

    @Test
    void aFailureAfterFilesWereWrittenLeavesNothing() throws Exception {
        Map<String, byte[]> files = new LinkedHashMap<>();
        files.put(PREFIX + "dir/a.go", "package m\n".getBytes(StandardCharsets.UTF_8));
        files.put(PREFIX + "dir/b.go", "package m\n".getBytes(StandardCharsets.UTF_8));
        Path zip = zipBytes(files);
        Central.of(zip, 1).set(zip, Central.UNCOMPRESSED_SIZE, 3);
        assertRefused(zip, PREFIX + "dir/b.go", "it inflates beyond its declared size of 3 bytes (a zip bomb, or a corrupt zip)");
    }

    @Test
    void aStreamThatKeepsReturningNothingIsABadMemberNotAnEndlessLoop() {
        InputStream nothing = new InputStream() {
            @Override
            public int read() {
                return 0;
            }

            @Override
            public int read(byte[] buffer, int offset, int length) {
                return 0;
            }
        };
        ZipMembers.BadMember e = assertThrows(ZipMembers.BadMember.class, () -> ZipMembers.copy(nothing, 10, -1, null));
        assertEquals("its data stream returned no bytes 1000 times in a row after 0 bytes", e.getMessage());
    }

    @Test
    void aDirectoryEntryIsNotWrittenButIsHashedAsGoHashesIt() throws Exception {
        Path zip = zip(Map.of(PREFIX + "dir/", "", PREFIX + "dir/a.go", "package dir\n"));
        Path into = into();

        assertEquals(DirHash.hashZip(zip), ModuleZip.unpack(zip, MODULE, VERSION, into));
        assertEquals(List.of("dir/a.go"), ModuleZipDifferentialTest.files(into).keySet().stream().toList());
        ModuleZip.makeWritable(into);
    }

    @Test
    void ofTwoBadMembersInDifferentWritersRunsTheFirstInZipOrderIsReported() throws Exception {
        // 300 files, taken by the writers in runs of 32: member 63 ends the second run and 64 starts the third, so
        // the writer of the third usually finds its bad member first. A single pass would report member 63; so
        // must the writers, every time.
        Map<String, byte[]> files = new LinkedHashMap<>();
        for (int i = 0; i < 300; i++) {
            files.put(PREFIX + String.format("d%02d/f%03d.go", i / 10, i), ("package d // " + i + "\n").getBytes(StandardCharsets.UTF_8));
        }
        Path zip = zipBytes(files);
        Central.of(zip, 64).set(zip, Central.CRC, 0x12345678);
        Central.of(zip, 63).set(zip, Central.UNCOMPRESSED_SIZE, 3);
        for (int run = 0; run < 5; run++) {
            assertRefused(zip, PREFIX + "d06/f063.go", "it inflates beyond its declared size of 3 bytes (a zip bomb, or a corrupt zip)");
            zips++;
        }
    }

    /** Unpacks, expects the refusal with its full message (problem null: any), and that nothing is left. */
    private ModuleZipException assertRefused(Path zip, String entry, String problem) throws IOException {
        Path into = into();
        ModuleZipException e = assertThrows(ModuleZipException.class, () -> ModuleZip.unpack(zip, MODULE, VERSION, into));
        String start = "The module zip " + zip + " of example.com/m@v1.0.0, entry \"" + entry + "\", is one go refuses: ";
        if (problem != null) {
            assertEquals(start + problem, e.getMessage());
        } else {
            assertTrue(e.getMessage().startsWith(start), e.getMessage());
        }
        assertTrue(e.hint().startsWith("delete " + zip + " and download it again"), e.hint());
        assertFalse(Files.exists(into), into + " is left behind");
        assertTrue(Files.isDirectory(into.getParent()) || !Files.exists(into.getParent()));
        return e;
    }

    private int zips;

    private Path into() {
        return temp.resolve("out" + zips).resolve("example.com/m@v1.0.0");
    }

    private Path zip(Map<String, String> files) throws IOException {
        Map<String, byte[]> bytes = new LinkedHashMap<>();
        files.entrySet().stream().sorted(Map.Entry.comparingByKey())
                .forEach(f -> bytes.put(f.getKey(), f.getValue().getBytes(StandardCharsets.UTF_8)));
        return zipBytes(bytes);
    }

    private Path zipBytes(Map<String, byte[]> files) throws IOException {
        Path zip = temp.resolve("test" + ++zips + ".zip");
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream out = new ZipOutputStream(bytes)) {
            for (Map.Entry<String, byte[]> file : files.entrySet()) {
                out.putNextEntry(new ZipEntry(file.getKey()));
                out.write(file.getValue());
                out.closeEntry();
            }
        }
        return Files.write(zip, bytes.toByteArray());
    }

    private static void replaceAll(Path file, String from, String to) throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        byte[] a = from.getBytes(StandardCharsets.UTF_8);
        byte[] b = to.getBytes(StandardCharsets.UTF_8);
        int replaced = 0;
        for (int i = 0; i + a.length <= bytes.length; i++) {
            if (Arrays.equals(bytes, i, i + a.length, a, 0, a.length)) {
                System.arraycopy(b, 0, bytes, i, b.length);
                replaced++;
            }
        }
        assertEquals(2, replaced, "the name is in the local header and the central directory");
        Files.write(file, bytes);
    }

    /** One central directory header of a zip written above (no zip64, no comment), to read and change its fields. */
    private record Central(int offset) {

        static final int CRC = 16;
        static final int COMPRESSED_SIZE = 20;
        static final int UNCOMPRESSED_SIZE = 24;

        static Central of(Path zip, int index) throws IOException {
            ByteBuffer bytes = ByteBuffer.wrap(Files.readAllBytes(zip)).order(ByteOrder.LITTLE_ENDIAN);
            int end = bytes.limit() - 22;
            assertEquals(0x06054b50, bytes.getInt(end), "end of central directory");
            int offset = bytes.getInt(end + 16);
            for (int i = 0; i < index; i++) {
                offset += 46 + Short.toUnsignedInt(bytes.getShort(offset + 28)) + Short.toUnsignedInt(bytes.getShort(offset + 30))
                        + Short.toUnsignedInt(bytes.getShort(offset + 32));
            }
            assertEquals(0x02014b50, bytes.getInt(offset), "central directory header");
            return new Central(offset);
        }

        void set(Path zip, int field, int value) throws IOException {
            byte[] bytes = Files.readAllBytes(zip);
            ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).putInt(offset + field, value);
            Files.write(zip, bytes);
        }

        String name(Path zip) throws IOException {
            byte[] bytes = Files.readAllBytes(zip);
            int length = Short.toUnsignedInt(ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).getShort(offset + 28));
            return new String(bytes, offset + 46, length, StandardCharsets.UTF_8);
        }

        long compressedSize(byte[] bytes) {
            return Integer.toUnsignedLong(ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).getInt(offset + COMPRESSED_SIZE));
        }

        long dataOffset(byte[] bytes) {
            ByteBuffer buffer = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
            int local = buffer.getInt(offset + 42);
            return local + 30 + Short.toUnsignedInt(buffer.getShort(local + 26)) + Short.toUnsignedInt(buffer.getShort(local + 28));
        }
    }
}
