package io.gohygiene.binary.elf;

import io.gohygiene.binary.ExecutableFormat;
import io.gohygiene.binary.ExecutableImage.Region;
import io.gohygiene.binary.elf.ElfCorpus.Sample;
import io.gohygiene.testing.GoBinaries;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What a verify rule asks of an ELF file, answered on real binaries. */
class ElfFileTest {

    private static final byte[] BUILDINFO_MAGIC = "\u00ff Go buildinf:".getBytes(StandardCharsets.ISO_8859_1);

    @Test
    void crossCompiledBinariesReportTheirPlatform() throws Exception {
        for (Sample s : ElfCorpus.crossCompiled()) {
            ElfFile elf = ElfCorpus.read(s.path());
            String platform = s.label().split(" ")[1];
            assertEquals(platform, elf.goos() + "/" + elf.goarch(), s.label());
            assertEquals(ExecutableFormat.ELF, elf.format());
            assertEquals(elf.header().is64() ? 8 : 4, elf.pointerSize(), s.label());
        }
    }

    @Test
    void staticGoBinaryNeedsNothingAtRunTime() throws Exception {
        ElfFile elf = ElfCorpus.read(GoBinaries.build("linux", "amd64"));
        assertFalse(elf.dynamic());
        assertEquals(Optional.empty(), elf.interpreter());
        assertEquals(List.of(), elf.needed());
        assertEquals(List.of(), elf.versionNeeds());
        assertFalse(elf.pie());
        assertEquals(Optional.of(false), elf.executableStack());
        assertFalse(elf.hasRelro());
        assertEquals("ET_EXEC", elf.header().typeName());
        assertEquals("EM_X86_64", elf.header().machineName());
        assertEquals("ELFOSABI_NONE", elf.header().osAbiName());
        assertTrue(elf.goBuildId().isPresent());
    }

    @Test
    void freebsdBinaryIsBrandedFreebsd() throws Exception {
        ElfFile elf = ElfCorpus.read(GoBinaries.build("freebsd", "amd64"));
        assertEquals("freebsd", elf.goos());
        assertEquals("ELFOSABI_FREEBSD", elf.header().osAbiName());
    }

    /** Android and Solaris carry ELFOSABI_NONE like Linux; their interpreter tells them apart. illumos reads as solaris. */
    @Test
    void interpreterTellsAndroidAndSolarisFromLinux() throws Exception {
        ElfFile android = ElfCorpus.read(GoBinaries.build("android", "arm64"));
        assertEquals(Optional.of("/system/bin/linker64"), android.interpreter());
        assertEquals("android", android.goos());
        assertEquals("ELFOSABI_NONE", android.header().osAbiName());
        assertEquals("solaris", ElfCorpus.read(GoBinaries.build("illumos", "amd64")).goos());
    }

    /** An OS brand note decides when neither EI_OSABI nor an interpreter does. */
    @Test
    void brandNoteNamesTheOs(@TempDir Path dir) throws Exception {
        byte[] bytes = Files.readAllBytes(GoBinaries.build("netbsd", "amd64"));
        assertEquals("netbsd", ElfCorpus.read(GoBinaries.build("netbsd", "amd64")).goos());
        bytes[7] = 0; // EI_OSABI: ELFOSABI_NONE, leaving .note.netbsd.ident
        ElfFile unbranded = ElfCorpus.read(Files.write(dir.resolve("netbsd"), bytes));
        assertEquals("ELFOSABI_NONE", unbranded.header().osAbiName());
        assertEquals("netbsd", unbranded.goos());
    }

    @Test
    void cgoBinaryNamesTheSymbolThatNeedsTheNewestGlibc() throws Exception {
        ElfFile elf = ElfCorpus.read(ElfCorpus.cgoAmd64());
        assertTrue(elf.dynamic());
        assertEquals(Optional.of("/lib64/ld-linux-x86-64.so.2"), elf.interpreter());
        assertEquals(List.of("libc.so.6"), elf.needed());
        assertEquals(List.of("libc.so.6"), elf.versionNeeds().stream().map(VersionNeed::file).toList());
        assertTrue(elf.versionNeeds().get(0).versions().stream().anyMatch(v -> v.name().equals("GLIBC_2.34")));
        // glibc 2.34 moved __libc_start_main to a new version; a trivial cgo binary linked against it needs GLIBC_2.34.
        assertTrue(elf.importedSymbolVersions().contains(new SymbolVersion("__libc_start_main", "GLIBC_2.34", "libc.so.6")),
                elf.importedSymbolVersions().toString());
        assertTrue(elf.importedSymbolVersions().stream().anyMatch(s -> s.symbol().equals("puts")));
    }

    @Test
    void crossCgoBinaryWithNowAndRunpath() throws Exception {
        ElfFile elf = ElfCorpus.read(ElfCorpus.cgoArm64());
        assertEquals("linux/arm64", elf.goos() + "/" + elf.goarch());
        assertEquals(Optional.of("/lib/ld-linux-aarch64.so.1"), elf.interpreter());
        assertTrue(elf.bindNow());
        assertTrue(elf.hasRelro());
        assertEquals(List.of(ElfCorpus.ARM64_RUNPATH.split(":")), elf.runpath());
        assertEquals(List.of(), elf.rpath());
    }

    @Test
    void oldStyleRpathIsSplitOnColons() throws Exception {
        ElfFile elf = ElfCorpus.read(ElfCorpus.cgoAmd64WithRpath());
        assertEquals(List.of(ElfCorpus.AMD64_RPATH), elf.rpath());
        assertEquals(List.of(), elf.runpath());
        assertTrue(elf.bindNow());
    }

    @Test
    void goPieIsPieAndDynamicWithoutLibraries() throws Exception {
        ElfFile elf = ElfCorpus.read(ElfCorpus.pie());
        assertTrue(elf.pie());
        assertTrue(elf.dynamic(), "a Go PIE is relocated by the dynamic linker it names in PT_INTERP");
        assertEquals(List.of(), elf.needed());
        assertEquals("ET_DYN", elf.header().typeName());
        assertTrue((elf.dtFlags1().orElse(0) & Elf.DF_1_PIE) != 0);
    }

    @Test
    void systemLsIsHardenedPie() throws Exception {
        ElfFile elf = ElfCorpus.read(Path.of("/bin/ls"));
        assertTrue(elf.pie());
        assertTrue(elf.hasRelro());
        assertEquals(Optional.of(false), elf.executableStack());
        assertTrue(elf.needed().contains("libc.so.6"));
    }

    @Test
    void buildInfoRegionIsTheGoBuildinfoSectionAndHoldsTheMagic() throws Exception {
        Path file = GoBinaries.build("linux", "amd64");
        ElfFile elf = ElfCorpus.read(file);
        SectionHeader section = elf.section(".go.buildinfo").orElseThrow();
        Region region = elf.buildInfoRegion().orElseThrow();
        assertEquals(new Region(section.addr(), section.offset(), section.size()), region);
        assertEquals(OptionalLong.of(region.fileOffset()), elf.fileOffsetOf(region.address(), BUILDINFO_MAGIC.length));
        assertArrayEquals(BUILDINFO_MAGIC, bytesAt(file, region.fileOffset(), BUILDINFO_MAGIC.length));
    }

    /** Without section headers the region is the first writable, non-executable PT_LOAD, where Go puts .go.buildinfo first. */
    @Test
    void withoutSectionHeadersEverythingComesFromTheProgramHeaders(@TempDir Path dir) throws Exception {
        Path tiny = withoutSectionHeaders(GoBinaries.build("linux", "amd64"), dir.resolve("tiny"));
        ElfFile elf = ElfCorpus.read(tiny);
        assertEquals(List.of(), elf.sections());
        Region region = elf.buildInfoRegion().orElseThrow();
        assertArrayEquals(BUILDINFO_MAGIC, bytesAt(tiny, region.fileOffset(), BUILDINFO_MAGIC.length));
        assertEquals(ElfCorpus.read(GoBinaries.build("linux", "amd64")).goBuildId(), elf.goBuildId());

        ElfFile full = ElfCorpus.read(ElfCorpus.cgoArm64());
        ElfFile stripped = ElfCorpus.read(withoutSectionHeaders(ElfCorpus.cgoArm64(), dir.resolve("cgo")));
        assertEquals(full.needed(), stripped.needed(), "DT_NEEDED read through PT_DYNAMIC and DT_STRTAB");
        assertEquals(full.runpath(), stripped.runpath());
        assertEquals(full.interpreter(), stripped.interpreter());
        assertEquals(full.dynamicEntries(), stripped.dynamicEntries());
        assertEquals(full.goBuildId(), stripped.goBuildId(), "read from PT_NOTE");
    }

    @Test
    void fileOffsetsComeOnlyFromBytesTheFileHolds() throws Exception {
        ElfFile elf = ElfCorpus.read(GoBinaries.build("linux", "amd64"));
        ProgramHeader data = elf.programHeaders().stream()
                .filter(p -> p.type() == Elf.PT_LOAD && p.memsz() > p.filesz()).findFirst().orElseThrow();
        assertEquals(OptionalLong.of(data.offset()), elf.fileOffsetOf(data.vaddr(), data.filesz()));
        assertEquals(OptionalLong.of(data.offset() + data.filesz() - 8), elf.fileOffsetOf(data.vaddr() + data.filesz() - 8, 8));
        assertEquals(OptionalLong.empty(), elf.fileOffsetOf(data.vaddr() + data.filesz(), 1), ".bss has no file bytes");
        assertEquals(OptionalLong.empty(), elf.fileOffsetOf(data.vaddr() + data.filesz() - 4, 8), "straddles the end of the file image");
        assertEquals(OptionalLong.empty(), elf.fileOffsetOf(data.vaddr(), -1));
        assertEquals(OptionalLong.empty(), elf.fileOffsetOf(-16, 32), "wraps around the address space");
        assertEquals(OptionalLong.empty(), elf.fileOffsetOf(0, 1));
    }

    @Test
    void namesFollowTheSpec() throws Exception {
        ElfFile cgo = ElfCorpus.read(ElfCorpus.cgoArmHardFloat());
        assertEquals("EM_ARM", cgo.header().machineName());
        assertTrue(cgo.programHeaders().stream().anyMatch(p -> p.typeName(cgo.header().machine()).equals("PT_ARM_EXIDX")));
        assertEquals("DT_NEEDED", cgo.dynamicEntries().get(0).tagName());
        assertTrue(cgo.sections().stream().anyMatch(s -> s.typeName().equals("SHT_GNU_VERNEED")));
        assertEquals("EM_MIPS", ElfCorpus.read(GoBinaries.build("linux", "mips")).header().machineName());
    }

    /** A copy with e_shoff, e_shnum and e_shstrndx zeroed: what sstrip-like tools leave. */
    static Path withoutSectionHeaders(Path source, Path target) throws Exception {
        byte[] bytes = Files.readAllBytes(source);
        ByteBuffer b = ByteBuffer.wrap(bytes).order(bytes[5] == 1 ? ByteOrder.LITTLE_ENDIAN : ByteOrder.BIG_ENDIAN);
        if (bytes[4] == 2) {
            b.putLong(40, 0).putShort(60, (short) 0).putShort(62, (short) 0);
        } else {
            b.putInt(32, 0).putShort(48, (short) 0).putShort(50, (short) 0);
        }
        return Files.write(target, bytes);
    }

    private static byte[] bytesAt(Path file, long offset, int length) throws Exception {
        byte[] all = Files.readAllBytes(file);
        return Arrays.copyOfRange(all, (int) offset, (int) offset + length);
    }
}
