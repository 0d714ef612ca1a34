package io.gohygiene.binary.pe;

import io.gohygiene.binary.BinaryFormatException;
import io.gohygiene.binary.BinaryReader;
import io.gohygiene.testing.BinaryFiles;
import io.gohygiene.testing.GoBinaries;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Consumer;

import static org.junit.jupiter.api.Assertions.*;

/**
 * Real PE files damaged in one field each: each must be rejected with a BinaryFormatException that names the
 * file, the offset and what is wrong. Import-directory damage is done on the stripped build ({@code -s -w}), whose
 * section names need no string table.
 */
class HostilePeTest {

    @TempDir
    Path tmp;
    private Path exe;
    private PeFile original;
    private int pe;

    @BeforeEach
    void readOriginal() throws Exception {
        exe = GoBinaries.build("windows", "amd64");
        original = GoPeBinariesTest.read(exe);
        pe = (int) original.peHeaderOffset();
    }

    private Path patch(Path source, Consumer<ByteBuffer> edit) {
        return BinaryFiles.patched(source, tmp.resolve("hostile.exe"), ByteOrder.LITTLE_ENDIAN, edit);
    }

    private Path patch(Consumer<ByteBuffer> edit) {
        return patch(exe, edit);
    }

    private static BinaryFormatException rejected(Path file, String reason) {
        BinaryFormatException e = assertThrows(BinaryFormatException.class, () -> {
            try (BinaryReader reader = BinaryReader.open(file)) {
                PeFile.read(reader);
            }
        });
        assertEquals(file, e.file());
        assertTrue(e.reason().contains(reason), "expected \"" + reason + "\" in: " + e.getMessage());
        return e;
    }

    @Test
    void filesThatAreNoPeImage() {
        rejected(BinaryFiles.write(tmp.resolve("empty"), new byte[0]), "too short for an MS-DOS header");
        rejected(BinaryFiles.write(tmp.resolve("mz"), new byte[] {'M', 'Z', 0, 0}), "too short for the 64-byte MS-DOS header");
        rejected(BinaryFiles.write(tmp.resolve("text"), "hello, world\n".getBytes(StandardCharsets.US_ASCII)), "no MZ signature");
        // Inputs from Go's pe/file_test.go (found by gofuzz): no MZ header, so not images.
        rejected(BinaryFiles.write(tmp.resolve("gofuzz"), "\u0000\u0000\u0000\u000000000\u0000\u0000".getBytes(StandardCharsets.ISO_8859_1)),
                "no MZ signature");
        rejected(BinaryFiles.write(tmp.resolve("gofuzz-coff"), "L\u0001\b\u0000regi\u0000\u0000\u0000\u0000".getBytes(StandardCharsets.ISO_8859_1)),
                "COFF object file for I386");
    }

    @Test
    void eLfanewPastTheEndOfTheFile() {
        BinaryFormatException e = rejected(patch(b -> b.putInt(0x3c, 0x7ffffff0)), "e_lfanew 0x7ffffff0 points past the end");
        assertEquals(0x3c, e.offset());
    }

    @Test
    void noPeSignatureWhereELfanewPoints() {
        BinaryFormatException e = rejected(patch(b -> b.put(pe, (byte) 'N')), "no PE\\0\\0 signature where e_lfanew points");
        assertEquals(pe, e.offset());
    }

    @Test
    void sectionTablePastTheEndOfTheFile() throws Exception {
        Path bad = patch(b -> b.putShort(pe + 6, (short) 0xffff));
        BinaryFormatException e = rejected(bad, "section table of 65535 sections");
        assertTrue(e.reason().contains("lies outside the " + Files.size(bad) + "-byte file"), e.reason());
    }

    @Test
    void noOptionalHeader() {
        rejected(patch(b -> b.putShort(pe + 20, (short) 0)), "SizeOfOptionalHeader is 0: no optional header");
    }

    @Test
    void optionalHeaderSmallerThanItsFixedPart() {
        BinaryFormatException e = rejected(patch(b -> b.putShort(pe + 20, (short) 0x40)),
                "SizeOfOptionalHeader 64 is less than the 112 bytes of a PE32+ optional header");
        assertEquals(pe + 20, e.offset());
    }

    @Test
    void optionalHeaderWithAnUnknownMagic() {
        rejected(patch(b -> b.putShort(pe + 24, (short) 0x107)), "optional header magic 0x107 is neither PE32 (0x10b) nor PE32+ (0x20b)");
    }

    @Test
    void moreDataDirectoriesThanTheOptionalHeaderHolds() {
        BinaryFormatException e = rejected(patch(b -> b.putInt(pe + 24 + 108, 0x10000)),
                "NumberOfRvaAndSizes 65536 data directories do not fit in the 128 bytes");
        assertEquals(pe + 24 + 108, e.offset());
    }

    private int sectionHeader(int index) {
        return pe + 24 + original.coffHeader().sizeOfOptionalHeader() + 40 * index;
    }

    private Path withSectionName(int index, String name) {
        byte[] raw = java.util.Arrays.copyOf(name.getBytes(StandardCharsets.US_ASCII), 8);
        return patch(b -> b.put(sectionHeader(index), raw));
    }

    @Test
    void longSectionNamePastTheStringTable() {
        assertEquals(".zdebug_abbrev", original.sections().get(5).name());
        BinaryFormatException e = rejected(withSectionName(5, "/999999"), "section name /999999 points outside the");
        assertEquals(sectionHeader(5), e.offset());
    }

    @Test
    void sectionNameThatIsNoStringTableReference() {
        rejected(withSectionName(5, "/abc"), "section name \"/abc\" is neither a name nor a /<offset>");
    }

    @Test
    void longSectionNameWithoutAStringTable() {
        rejected(patch(b -> b.putInt(pe + 12, 0)), "refers to the COFF string table, but PointerToSymbolTable is 0");
        rejected(patch(b -> b.putInt(pe + 12, 0x7fffff00)), "past the end of the");
    }

    @Test
    void stringTableSizePastTheEndOfTheFile() {
        long table = original.coffHeader().pointerToSymbolTable() + 18 * original.coffHeader().numberOfSymbols();
        rejected(patch(b -> b.putInt((int) table, 0x7fffffff)), "COFF string table size 2147483647 runs past the end");
    }

    private int importDirectoryField() {
        return pe + 24 + 112 + 8;
    }

    @Test
    void importDirectoryInNoSection() {
        BinaryFormatException e = rejected(patch(b -> b.putInt(importDirectoryField(), 0x7fff0000)),
                "import directory RVA 0x7fff0000 lies in no section the file holds");
        assertEquals(importDirectoryField(), e.offset());
    }

    /** The stripped build and the file offset of its first import descriptor. */
    private record Stripped(Path exe, PeFile pe, int descriptor, SectionHeader idata) {
    }

    private Stripped stripped() throws Exception {
        Path file = GoBinaries.build("windows", "amd64", "-s -w");
        PeFile image = GoPeBinariesTest.read(file);
        DataDirectory imports = image.optionalHeader().dataDirectory(DataDirectory.IMAGE_DIRECTORY_ENTRY_IMPORT).orElseThrow();
        int descriptor = (int) image.rvaToFileOffset(imports.virtualAddress(), 20).orElseThrow();
        return new Stripped(file, image, descriptor, image.section(".idata").orElseThrow());
    }

    /**
     * A chain of sound descriptors (kernel32.dll, an empty import address table) that runs to the end of .idata
     * with no null entry, laid over what follows the DLL name (Go writes the hint/name table and the lookup table
     * there, which the chain no longer needs).
     */
    @Test
    void importDescriptorsWithoutANullTerminator() throws Exception {
        Stripped s = stripped();
        assertEquals(java.util.List.of("kernel32.dll"), s.pe().importedDlls());
        ByteBuffer bytes = ByteBuffer.wrap(Files.readAllBytes(s.exe())).order(ByteOrder.LITTLE_ENDIAN);
        long nameRva = Integer.toUnsignedLong(bytes.getInt(s.descriptor() + 12));
        long firstThunk = Integer.toUnsignedLong(bytes.getInt(s.descriptor() + 16));
        long emptyThunks = firstThunk + 8L * s.pe().importedSymbols("kernel32.dll").size();
        assertEquals(0, bytes.getLong((int) s.pe().rvaToFileOffset(emptyThunks, 8).orElseThrow()), "the IAT ends in a null entry");
        long chainRva = (nameRva + "kernel32.dll".length() + 1 + 3) & ~3L;
        int chain = (int) s.pe().rvaToFileOffset(chainRva, 20).orElseThrow();
        int end = (int) (s.idata().pointerToRawData() + s.idata().fileBackedSize());
        ByteBuffer descriptor = ByteBuffer.allocate(20).order(ByteOrder.LITTLE_ENDIAN)
                .putInt(12, (int) nameRva).putInt(16, (int) emptyThunks);
        Path bad = patch(s.exe(), b -> {
            b.putInt(importDirectoryField(), (int) chainRva);
            for (int at = chain; at < end; at++) {
                b.put(at, descriptor.get((at - chain) % 20));
            }
        });
        BinaryFormatException e = rejected(bad, "import directory has no null IMAGE_IMPORT_DESCRIPTOR before the end of section .idata ("
                + (end - chain) / 20 + " descriptors read)");
        assertEquals(chain + (end - chain) / 20 * 20, e.offset());
    }

    @Test
    void importedDllNameInNoSection() throws Exception {
        Stripped s = stripped();
        BinaryFormatException e = rejected(patch(s.exe(), b -> b.putInt(s.descriptor() + 12, 0x7fffff00)),
                "name of imported DLL 0 at RVA 0x7fffff00 lies in no section the file holds");
        assertEquals(s.descriptor() + 12, e.offset());
    }

    @Test
    void importLookupTableWithoutANullEntry() throws Exception {
        Stripped s = stripped();
        long lastBytes = s.idata().virtualAddress() + s.idata().fileBackedSize() - 4;
        rejected(patch(s.exe(), b -> b.putInt(s.descriptor(), (int) lastBytes)),
                "import lookup table of kernel32.dll has no null entry before the end of section .idata");
    }

    @Test
    void importedSymbolNameInNoSection() throws Exception {
        Stripped s = stripped();
        long lookup = s.pe().rvaToFileOffset(Integer.toUnsignedLong(
                ByteBuffer.wrap(Files.readAllBytes(s.exe())).order(ByteOrder.LITTLE_ENDIAN).getInt(s.descriptor())), 8).orElseThrow();
        rejected(patch(s.exe(), b -> b.putLong((int) lookup, 0x7fff0000L)),
                "symbol imported from kernel32.dll at RVA 0x7fff0002 lies in no section the file holds");
    }

    @Test
    void importedDllNameWithoutTerminator() throws Exception {
        Stripped s = stripped();
        int end = (int) (s.idata().pointerToRawData() + s.idata().fileBackedSize());
        long nameRva = s.idata().virtualAddress() + s.idata().fileBackedSize() - 6;
        Path bad = patch(s.exe(), b -> {
            b.putInt(s.descriptor() + 12, (int) nameRva);
            for (int at = end - 6; at < end; at++) {
                b.put(at, (byte) 'A');
            }
        });
        rejected(bad, "name of imported DLL 0 is not NUL-terminated before the end of section .idata");
    }
}
