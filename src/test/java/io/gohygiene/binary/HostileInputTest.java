package io.gohygiene.binary;

import io.gohygiene.binary.elf.ElfFile;
import io.gohygiene.binary.macho.FatFile;
import io.gohygiene.binary.macho.LoadCommand;
import io.gohygiene.binary.macho.MachoFile;
import io.gohygiene.binary.pe.DataDirectory;
import io.gohygiene.binary.pe.PeFile;
import io.gohygiene.binary.pe.SectionHeader;
import io.gohygiene.testing.BinaryFiles;
import io.gohygiene.testing.GoBinaries;
import io.gohygiene.testing.Lipo;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Hostile values the format-specific hostile tests leave out, through the whole inspection as the goals run it:
 * counts near 2^32, offsets that turn negative when read as signed (0x80000000 and up as an int, the top bit of a
 * 64-bit offset), and tables that overlap what describes them. Each gives the one checked exception at the field
 * at fault, at once.
 */
@Timeout(30)
class HostileInputTest {

    private static final long TOP_BIT = 1L << 63;

    @TempDir
    Path dir;

    // --- ELF ---

    @Test
    void elfProgramAndSectionHeaderOffsetsWithTheTopBitSet() throws Exception {
        Path elf = GoBinaries.build("linux", "amd64");
        long shoff = elf(elf).header().shoff();
        rejected(patched(elf, b -> b.putLong(32, TOP_BIT | 64)), 32, "e_phoff 9223372036854775872");
        rejected(patched(elf, b -> b.putLong(40, TOP_BIT | shoff)), 40, "e_shoff " + Long.toUnsignedString(TOP_BIT | shoff));
        rejected(patched(elf, b -> b.putLong(40, -1)), 40, "e_shoff 18446744073709551615");
    }

    /** Found by fuzzing: such a PT_LOAD or PT_INTERP reached the build-info reader and an error as a negative offset. */
    @Test
    void elfSegmentOffsetsAndSizesOf2To63AndAbove() throws Exception {
        Path elf = GoBinaries.build("linux", "amd64");
        long phoff = elf(elf).header().phoff();
        int load = elf(elf).programHeaders().stream().map(p -> p.type()).toList().indexOf(1); // PT_LOAD
        long entry = phoff + 56L * load;
        rejected(patched(elf, b -> b.putLong((int) entry + 8, TOP_BIT | 0x1000)), entry + 8,
                "p_offset 9223372036854779904 of program header " + load + " is beyond any file");
        rejected(patched(elf, b -> b.putLong((int) entry + 32, -1)), entry + 32,
                "p_filesz 18446744073709551615 of program header " + load + " is beyond any file");
    }

    /** Found by fuzzing: the section names then failed "at" that sh_offset, a negative file offset. */
    @Test
    void elfSectionNamesInASectionWithoutFileData() throws Exception {
        Path elf = GoBinaries.build("linux", "amd64");
        ElfFile original = elf(elf);
        long names = original.header().shoff() + 64L * original.header().shstrndx();
        BinaryFormatException e = rejected(patched(elf, b -> b.putInt((int) names + 4, 8 /* SHT_NOBITS */).putLong((int) names + 24, TOP_BIT)),
                names, "sh_name of section [0]: index 0 is outside the 0-byte string table");
        assertTrue(e.reason().contains("(section names, e_shstrndx)"), e.reason());
    }

    @Test
    void elf32OffsetsAt2To31AndAbove() throws Exception {
        Path elf = GoBinaries.build("linux", "386");
        rejected(patched(elf, b -> b.putInt(28, 0x8000_0034)), 28, "e_phoff 2147483700");
        rejected(patched(elf, b -> b.putInt(32, 0xffff_ff00)), 32, "e_shoff 4294967040");
    }

    @Test
    void elfCountsOf2To32FromSectionZero() throws Exception {
        Path elf = GoBinaries.build("linux", "amd64");
        long shoff = elf(elf).header().shoff();
        // PN_XNUM: the program header count is section 0's sh_info.
        rejected(patched(elf, b -> b.putShort(56, (short) 0xffff).putInt((int) shoff + 44, -1)), 32,
                "program header table of 4294967295 entries");
        // e_shnum 0: the section count is section 0's sh_size.
        rejected(patched(elf, b -> b.putShort(60, (short) 0).putLong((int) shoff + 32, 0xffff_ffffL)), 40,
                "section header table of 4294967295 entries");
        rejected(patched(elf, b -> b.putShort(60, (short) 0xffff)), 40, "section header table of 65535 entries");
    }

    // --- Mach-O ---

    @Test
    void machoSegmentFileOffsetWithTheTopBitSet() throws Exception {
        Path macho = GoBinaries.build("darwin", "arm64");
        LoadCommand data = command(macho, LoadCommand.LC_SEGMENT_64, 2);
        rejected(patched(macho, b -> b.putLong((int) data.offset() + 40, TOP_BIT)), data.offset() + 40,
                "fileoff 9223372036854775808");
        rejected(patched(macho, b -> b.putLong((int) data.offset() + 40, -16)), data.offset() + 40,
                "fileoff 18446744073709551600");
    }

    @Test
    void machoCodeSignatureAndDylibNameOffsetsAt2To31AndAbove() throws Exception {
        Path macho = GoBinaries.build("darwin", "arm64");
        LoadCommand signature = command(macho, LoadCommand.LC_CODE_SIGNATURE, 0);
        rejected(patched(macho, b -> b.putInt((int) signature.offset() + 8, 0x8000_0000)), signature.offset() + 8,
                "dataoff 2147483648");
        rejected(patched(macho, b -> b.putInt((int) signature.offset() + 12, -1)), signature.offset() + 8,
                "4294967295 bytes at dataoff");
        LoadCommand dylib = command(macho, LoadCommand.LC_LOAD_DYLIB, 0);
        rejected(patched(macho, b -> b.putInt((int) dylib.offset() + 8, 0x8000_0000)), dylib.offset() + 8,
                "string offset 2147483648 lies outside the command");
    }

    @Test
    void fatHeaderWithNfatArch2To32MinusOne() throws Exception {
        Path fat = universal();
        rejected(patched(fat, ByteOrder.BIG_ENDIAN, b -> b.putInt(4, -1)), 4, "nfat_arch is 4294967295");
    }

    @Test
    void fatSliceOffsetAt2To31AndAbove() throws Exception {
        Path fat = universal();
        rejected(patched(fat, ByteOrder.BIG_ENDIAN, b -> b.putInt(8 + 8, 0x8000_0000)), 8, "at offset 2147483648) lies outside");
        rejected(patched(fat, ByteOrder.BIG_ENDIAN, b -> b.putInt(8 + 12, -1)), 8, "4294967295 bytes at offset");
    }

    // --- PE ---

    @Test
    void peHeaderOffsetAt2To31AndAbove() throws Exception {
        Path pe = GoBinaries.build("windows", "amd64");
        rejected(patched(pe, b -> b.putInt(0x3c, 0x8000_0000)), 0x3c, "e_lfanew 0x80000000 points past the end");
        rejected(patched(pe, b -> b.putInt(0x3c, -1)), 0x3c, "e_lfanew 0xffffffff points past the end");
    }

    @Test
    void peSymbolTablePointerAt2To31AndAbove() throws Exception {
        // Go's PE files name their DWARF sections /4, /19 …: the names are in the string table after the symbols.
        Path pe = GoBinaries.build("windows", "amd64");
        long coff = pe(pe).peHeaderOffset() + 4;
        rejected(patched(pe, b -> b.putInt((int) coff + 8, 0x8000_0000)), -1, "past the end of the");
        rejected(patched(pe, b -> b.putInt((int) coff + 12, -1)), -1, "past the end of the");
    }

    @Test
    void peImportDirectoryAndSectionDataAt2To31AndAbove() throws Exception {
        Path pe = GoBinaries.build("windows", "amd64");
        PeFile original = pe(pe);
        long importDirectory = importDirectoryField(original);
        rejected(patched(pe, b -> b.putInt((int) importDirectory, 0x8000_0000)), -1, "import");
        // The directory's Size is not used, as by the Windows loader and Go: the descriptors end at their null entry.
        assertEquals(original.importedDlls(), pe(patched(pe, b -> b.putInt((int) importDirectory + 4, -1))).importedDlls());
        int idata = sectionIndexHolding(original, original.optionalHeader().dataDirectory(DataDirectory.IMAGE_DIRECTORY_ENTRY_IMPORT)
                .orElseThrow().virtualAddress());
        long header = sectionTable(original) + 40L * idata;
        rejected(patched(pe, b -> b.putInt((int) header + 20, 0x8000_0000)), importDirectory, "lies in no section the file holds");
    }

    @Test
    void peSectionOverTheHeadersIsReadOrRejectedNotMisread() throws Exception {
        // A section whose raw data starts at 0 lies over the MS-DOS, PE and section headers; the import directory
        // then resolves into the headers, where it finds no valid descriptors.
        Path pe = GoBinaries.build("windows", "amd64");
        PeFile original = pe(pe);
        int idata = sectionIndexHolding(original, original.optionalHeader().dataDirectory(DataDirectory.IMAGE_DIRECTORY_ENTRY_IMPORT)
                .orElseThrow().virtualAddress());
        long header = sectionTable(original) + 40L * idata;
        Path overlapping = patched(pe, b -> b.putInt((int) header + 20, 0));
        try {
            BinaryReport report = BinaryInspector.inspect(overlapping);
            assertEquals("windows", report.goos());
        } catch (BinaryFormatException e) {
            assertEquals(overlapping, e.file());
            assertTrue(e.offset() >= 0 && !e.reason().isBlank(), e.getMessage());
        }
    }

    // --- helpers ---

    private Path patched(Path source, Consumer<ByteBuffer> edit) {
        return patched(source, ByteOrder.LITTLE_ENDIAN, edit);
    }

    private Path patched(Path source, ByteOrder order, Consumer<ByteBuffer> edit) {
        return BinaryFiles.patched(source, dir.resolve("hostile-" + System.nanoTime()), order, edit);
    }

    /** Inspection fails at {@code offset} (any, when -1) with {@code reason} in the message. */
    private static BinaryFormatException rejected(Path file, long offset, String reason) {
        BinaryFormatException e = assertThrows(BinaryFormatException.class, () -> BinaryInspector.inspect(file));
        assertEquals(file, e.file());
        assertTrue(e.reason().contains(reason), "expected \"" + reason + "\" in: " + e.getMessage());
        if (offset >= 0) {
            assertEquals(offset, e.offset(), e.getMessage());
        } else {
            assertTrue(e.offset() >= 0, e.getMessage());
        }
        return e;
    }

    private Path universal() {
        return Lipo.create(dir.resolve("universal"), List.of(GoBinaries.build("darwin", "amd64"), GoBinaries.build("darwin", "arm64")));
    }

    private static ElfFile elf(Path file) throws BinaryFormatException {
        try (BinaryReader reader = BinaryReader.open(file)) {
            return ElfFile.read(reader);
        }
    }

    private static PeFile pe(Path file) throws BinaryFormatException {
        try (BinaryReader reader = BinaryReader.open(file)) {
            return PeFile.read(reader);
        }
    }

    /** The {@code nth} load command of type {@code cmd} of a thin Mach-O file. */
    private static LoadCommand command(Path file, int cmd, int nth) throws BinaryFormatException {
        try (BinaryReader reader = BinaryReader.open(file)) {
            return MachoFile.read(reader, 0, reader.size()).loadCommands().stream().filter(c -> c.cmd() == cmd).skip(nth)
                    .findFirst().orElseThrow();
        }
    }

    private static long sectionTable(PeFile pe) {
        return pe.peHeaderOffset() + 24 + pe.coffHeader().sizeOfOptionalHeader();
    }

    private static long importDirectoryField(PeFile pe) {
        int fixed = pe.isPe32Plus() ? 112 : 96;
        return pe.peHeaderOffset() + 24 + fixed + 8L * DataDirectory.IMAGE_DIRECTORY_ENTRY_IMPORT;
    }

    private static int sectionIndexHolding(PeFile pe, long rva) {
        List<SectionHeader> sections = pe.sections();
        for (int i = 0; i < sections.size(); i++) {
            SectionHeader s = sections.get(i);
            if (rva >= s.virtualAddress() && rva < s.virtualAddress() + Math.max(s.virtualSize(), s.sizeOfRawData())) {
                return i;
            }
        }
        throw new AssertionError("no section holds RVA 0x" + Long.toHexString(rva));
    }
}
