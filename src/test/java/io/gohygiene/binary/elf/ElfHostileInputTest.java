package io.gohygiene.binary.elf;

import io.gohygiene.binary.BinaryFormatException;
import io.gohygiene.testing.GoBinaries;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Real binaries with one field made hostile: each gives a BinaryFormatException that names the file, where, and
 * what was wrong; never another exception, a huge allocation or a hang.
 */
@Timeout(60)
class ElfHostileInputTest {

    @TempDir
    Path dir;

    private static Path tiny() {
        return GoBinaries.build("linux", "amd64");
    }

    // --- header and tables ---

    @Test
    void notAnElfFile() throws Exception {
        rejects(Files.writeString(dir.resolve("text"), "#!/bin/sh\necho hello\n"), "no ELF magic");
        rejects(Files.write(dir.resolve("empty"), new byte[0]), "no ELF magic");
        rejects(ElfPatch.of(tiny()).writePrefix(dir.resolve("ident"), 10), "shorter than the 16-byte ELF identification");
        rejects(ElfPatch.of(tiny()).writePrefix(dir.resolve("header"), 40), "ELF file header", "outside the 40-byte file");
    }

    @Test
    void unknownClassOrEncoding() throws Exception {
        ElfPatch patch = ElfPatch.of(tiny());
        patch.buffer().put(4, (byte) 7);
        assertEquals(4, rejects(patch.write(dir.resolve("class")), "EI_CLASS 7").offset());
        patch = ElfPatch.of(tiny());
        patch.buffer().put(5, (byte) 0);
        rejects(patch.write(dir.resolve("data")), "EI_DATA 0");
    }

    @Test
    void phnumXnumInATinyFile() throws Exception {
        // PN_XNUM with no section header 0 to hold the real count: 65535 program headers in a 64-byte file.
        Path file = ElfPatch.of(tiny()).headerWord(40, 32, 0).headerShort(56, 44, Elf.PN_XNUM).writePrefix(dir.resolve("xnum"), 64);
        BinaryFormatException e = rejects(file, "program header table of 65535 entries of 56 bytes", "does not fit in the 64-byte file");
        assertEquals(32, e.offset(), "points at e_phoff");
    }

    @Test
    void phnumXnumTakesTheCountFromSectionZero() throws Exception {
        ElfPatch patch = ElfPatch.of(tiny());
        int count = patch.original().programHeaders().size();
        ElfFile elf = ElfCorpus.read(patch.headerShort(56, 44, Elf.PN_XNUM).sectionInfo(0, count).write(dir.resolve("ok")));
        assertEquals(patch.original().programHeaders(), elf.programHeaders());

        rejects(patch.sectionInfo(0, 0x7fffffffL).write(dir.resolve("huge")), "program header table of 2147483647 entries", "does not fit");
    }

    @Test
    void shnumZeroAndShstrndxXindexTakeTheirValuesFromSectionZero() throws Exception {
        ElfPatch patch = ElfPatch.of(tiny());
        ElfHeader h = patch.original().header();
        patch.headerShort(60, 48, 0).sectionSize(0, h.shnum()).headerShort(62, 50, Elf.SHN_XINDEX).sectionLink(0, h.shstrndx());
        List<SectionHeader> sections = ElfCorpus.read(patch.write(dir.resolve("ok"))).sections();
        List<SectionHeader> original = patch.original().sections();
        assertEquals(original.subList(1, original.size()), sections.subList(1, sections.size()), "all but section 0, which was changed");

        rejects(patch.sectionSize(0, 1L << 40).write(dir.resolve("count")), "section header table of 1099511627776 entries", "does not fit");
        rejects(patch.sectionSize(0, -1).write(dir.resolve("u64")), "18446744073709551615 is not a section count");
    }

    @Test
    void shoffPastTheEndOfTheFile() throws Exception {
        long size = Files.size(tiny());
        BinaryFormatException e = rejects(ElfPatch.of(tiny()).headerWord(40, 32, size + 4096).write(dir.resolve("past")),
                "entries of 64 bytes at e_shoff " + (size + 4096), "does not fit in the " + size + "-byte file");
        assertEquals(40, e.offset(), "points at e_shoff");
        rejects(ElfPatch.of(tiny()).headerWord(40, 32, 0xffff_ffff_ffff_ff00L).write(dir.resolve("u64")),
                "e_shoff 18446744073709551360");
    }

    @Test
    void shstrndxOutOfRange() throws Exception {
        ElfPatch patch = ElfPatch.of(tiny());
        rejects(patch.headerShort(62, 50, patch.original().sections().size() + 5).write(dir.resolve("f")), "e_shstrndx", "names no section");
    }

    @Test
    void entrySizesSmallerThanTheStructures() throws Exception {
        rejects(ElfPatch.of(tiny()).headerShort(58, 46, 10).write(dir.resolve("sh")), "e_shentsize 10 is smaller than a 64-bit section header");
        rejects(ElfPatch.of(tiny()).headerShort(54, 42, 8).write(dir.resolve("ph")), "e_phentsize 8 is smaller than a 64-bit program header");
    }

    // --- sizes and offsets near 2^63 and 2^64 ---

    @Test
    void sectionSizesAndOffsetsBeyondAnyFile() throws Exception {
        Path ls = Path.of("/bin/ls");
        ElfPatch patch = ElfPatch.of(ls);
        int verneed = patch.section(".gnu.version_r");
        for (long size : new long[] {0xffff_ffff_ffff_fff0L, 0x7fff_ffff_ffff_fff0L, 1L << 63, Files.size(ls)}) {
            BinaryFormatException e = rejects(ElfPatch.of(ls).sectionSize(verneed, size).write(dir.resolve("size")),
                    "section [" + verneed + "] .gnu.version_r", "sh_size " + Long.toUnsignedString(size), "lies outside");
            assertEquals(patch.original().header().shoff() + verneed * 64L, e.offset(), "points at the section header");
        }
        rejects(ElfPatch.of(ls).sectionOffset(patch.section(".dynstr"), 0x7fff_ffff_ffff_ff00L).write(dir.resolve("off")),
                ".dynstr (sh_offset 9223372036854775552", "lies outside");

        ElfPatch i386 = ElfPatch.of(GoBinaries.build("linux", "386"));
        rejects(i386.sectionSize(i386.section(".shstrtab"), 0xffff_ffffL).write(dir.resolve("386")),
                "section [" + i386.section(".shstrtab") + "] (section names, e_shstrndx)", "sh_size 4294967295", "lies outside");
    }

    // --- symbol versioning chains ---

    @Test
    void vnNextThatLoopsOnItself() throws Exception {
        // One Elf_Verneed (libc.so.6) whose sh_info claims three: vn_next 0 would read the same record again and again.
        ElfPatch patch = ElfPatch.of(ElfCorpus.cgoAmd64());
        int verneed = patch.section(".gnu.version_r");
        BinaryFormatException e = rejects(patch.sectionInfo(verneed, 3).write(dir.resolve("loop")),
                "vn_next of Elf_Verneed 0 (libc.so.6) is 0", "the chain would loop");
        assertEquals(patch.header(".gnu.version_r").offset() + 12, e.offset(), "points at vn_next");
    }

    @Test
    void vnNextThatWrapsBackwards() throws Exception {
        // In 32-bit arithmetic 0xffffffe0 steps back 32 bytes to the first record; here it runs off the section.
        ElfPatch patch = ElfPatch.of(Path.of("/bin/ls"));
        int verneed = patch.section(".gnu.version_r");
        long second = patch.header(".gnu.version_r").offset() + patch.getInt(patch.header(".gnu.version_r").offset() + 12);
        rejects(patch.sectionInfo(verneed, 3).putInt(second + 12, 0xffffffe0L).write(dir.resolve("wrap")),
                "Elf_Verneed 2", "runs past the");
    }

    @Test
    void vnaNextThatLoops() throws Exception {
        ElfPatch patch = ElfPatch.of(Path.of("/bin/ls"));
        long base = patch.header(".gnu.version_r").offset();
        long libc = base + patch.getInt(base + 12);
        rejects(patch.putShort(libc + 2, 50).write(dir.resolve("aux")), "vna_next of Elf_Vernaux", "of libc.so.6 is 0", "would loop");
    }

    @Test
    void versionRecordsSharedBetweenChainsExhaustTheSection() throws Exception {
        // The first Elf_Verneed borrows libc's Elf_Vernaux chain: more records are read than the section holds.
        ElfPatch patch = ElfPatch.of(Path.of("/bin/ls"));
        long base = patch.header(".gnu.version_r").offset();
        long libc = base + patch.getInt(base + 12);
        long libcAux = libc + patch.getInt(libc + 8);
        patch.putShort(base + 2, patch.getShort(libc + 2)).putInt(base + 8, libcAux - base);
        rejects(patch.write(dir.resolve("shared")), ".gnu.version_r holds more version records than fit in it");
    }

    // --- string tables ---

    @Test
    void stringTablesWithoutTerminator() throws Exception {
        ElfPatch tiny = ElfPatch.of(tiny());
        SectionHeader names = tiny.header(".shstrtab");
        rejects(tiny.fill(names.offset(), names.size(), (byte) 'A').write(dir.resolve("shstrtab")),
                "sh_name of section [0]", "no NUL terminator", "(section names, e_shstrndx)");

        ElfPatch ls = ElfPatch.of(Path.of("/bin/ls"));
        SectionHeader dynstr = ls.header(".dynstr");
        rejects(ls.fill(dynstr.offset(), dynstr.size(), (byte) 'A').write(dir.resolve("dynstr")), "DT_NEEDED", "no NUL terminator");
    }

    @Test
    void stringIndexOutsideTheTable() throws Exception {
        ElfPatch ls = ElfPatch.of(Path.of("/bin/ls"));
        long dynamic = ls.header(".dynamic").offset();
        int needed = IntStream.range(0, 100).filter(i -> ls.buffer().getLong((int) dynamic + 16 * i) == Elf.DT_NEEDED).findFirst().orElseThrow();
        rejects(ls.putInt(dynamic + 16L * needed + 8, 0xffffff).write(dir.resolve("needed")), "DT_NEEDED: index 16777215 is outside");
    }

    // --- links between sections ---

    @Test
    void shLinkToSectionsThatDoNotExist() throws Exception {
        ElfPatch ls = ElfPatch.of(Path.of("/bin/ls"));
        int verneed = ls.section(".gnu.version_r");
        BinaryFormatException e = rejects(ls.sectionLink(verneed, 999).write(dir.resolve("verneed")),
                "sh_link 999 of section [" + verneed + "] .gnu.version_r names no section");
        assertEquals(ls.original().header().shoff() + verneed * 64L + 40, e.offset(), "points at sh_link");

        ElfPatch ls2 = ElfPatch.of(Path.of("/bin/ls"));
        rejects(ls2.sectionLink(ls2.section(".dynamic"), 0).write(dir.resolve("dynamic")), "sh_link 0 of", ".dynamic names no section");

        ElfPatch ls3 = ElfPatch.of(Path.of("/bin/ls"));
        rejects(ls3.sectionLink(ls3.section(".gnu.version"), ls3.section(".text")).write(dir.resolve("versym")),
                "names section", ".text of type SHT_PROGBITS, not SHT_DYNSYM");
    }

    @Test
    void symbolTablesOfTheWrongSize() throws Exception {
        ElfPatch ls = ElfPatch.of(Path.of("/bin/ls"));
        int dynsym = ls.section(".dynsym");
        rejects(ls.sectionSize(dynsym, ls.header(".dynsym").size() - 5).write(dir.resolve("dynsym")), "not a whole number of 24-byte symbols");

        ElfPatch ls2 = ElfPatch.of(Path.of("/bin/ls"));
        rejects(ls2.sectionSize(ls2.section(".gnu.version"), 6).write(dir.resolve("versym")), ".gnu.version has 3 entries for the");
    }

    // --- segments and notes ---

    @Test
    void interpreterWithoutTerminatorOrTooLong() throws Exception {
        ElfPatch ls = ElfPatch.of(Path.of("/bin/ls"));
        ProgramHeader interp = ls.original().programHeaders().stream().filter(p -> p.type() == Elf.PT_INTERP).findFirst().orElseThrow();
        rejects(ls.fill(interp.offset(), interp.filesz(), (byte) 'A').write(dir.resolve("nul")), "interpreter path", "no NUL terminator");

        ElfPatch ls2 = ElfPatch.of(Path.of("/bin/ls"));
        int index = ls2.original().programHeaders().indexOf(interp);
        long phdr = ls2.original().header().phoff() + index * 56L;
        ls2.buffer().putLong((int) phdr + 32, 1 << 20);
        rejects(ls2.write(dir.resolve("long")), "PT_INTERP is 1048576 bytes, longer than any interpreter path");
    }

    @Test
    void noteLongerThanItsSection() throws Exception {
        ElfPatch tiny = ElfPatch.of(tiny());
        long note = tiny.header(".note.go.buildid").offset();
        rejects(tiny.putInt(note + 4, 0x7ffffff0L).write(dir.resolve("note")), ".note.go.buildid", "descsz 2147483632", "runs past");
    }

    private static BinaryFormatException rejects(Path file, String... words) {
        BinaryFormatException e = assertThrows(BinaryFormatException.class, () -> ElfCorpus.read(file));
        assertEquals(file, e.file());
        assertTrue(e.offset() >= 0, "offset " + e.offset());
        for (String word : words) {
            assertTrue(e.getMessage().contains(word), "the message should say '" + word + "': " + e.getMessage());
        }
        return e;
    }
}
