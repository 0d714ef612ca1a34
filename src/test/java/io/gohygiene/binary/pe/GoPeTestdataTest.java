package io.gohygiene.binary.pe;

import io.gohygiene.binary.BinaryFormatException;
import io.gohygiene.binary.BinaryReader;
import io.gohygiene.testing.GoTestdata;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.*;

/**
 * Go's own PE corpus ($GOROOT/src/debug/pe/testdata), with the headers and sections Go's file_test.go asserts,
 * plus the imports llvm-readobj --coff-imports lists. COFF object files are not images and are rejected.
 */
class GoPeTestdataTest {

    private static Path corpus(String name) {
        return GoTestdata.directory("pe").resolve(name);
    }

    private static PeFile read(String name) throws BinaryFormatException {
        try (BinaryReader reader = BinaryReader.open(corpus(name))) {
            return PeFile.read(reader);
        }
    }

    private static List<DataDirectory> directories(long[]... nonEmpty) {
        List<DataDirectory> all = new ArrayList<>();
        for (int i = 0; i < 16; i++) {
            all.add(new DataDirectory(0, 0));
        }
        for (long[] d : nonEmpty) {
            all.set((int) d[0], new DataDirectory(d[1], d[2]));
        }
        return all;
    }

    private static SectionHeader section(String name, long vsize, long va, long size, long offset, int characteristics) {
        return new SectionHeader(name, vsize, va, size, offset, 0, 0, 0, 0, characteristics);
    }

    @Test
    void gcc386MingwExec() throws Exception {
        PeFile pe = read("gcc-386-mingw-exec");
        assertEquals(new CoffFileHeader(0x014c, 0x000f, 0x4c6a1b60, 0x3c00, 0x282, 0xe0, 0x107), pe.coffHeader());
        assertEquals(new OptionalHeader(0x10b, 0x2, 0x38, 0xe00, 0x1160, 0x1000, 0x400000, 0x1000, 0x200, 0x4, 0x0, 0x1, 0x0,
                0x4, 0x0, 0x10000, 0x400, 0x14abb, 0x3, 0x0, 0x10,
                directories(new long[] {1, 0x5000, 0x3c8}, new long[] {9, 0x7000, 0x18})), pe.optionalHeader());
        assertEquals(List.of(
                section(".text", 0xcd8, 0x1000, 0xe00, 0x400, 0x60500060),
                section(".data", 0x10, 0x2000, 0x200, 0x1200, 0xc0300040),
                section(".rdata", 0x120, 0x3000, 0x200, 0x1400, 0x40300040),
                section(".bss", 0xdc, 0x4000, 0x0, 0x0, 0xc0400080),
                section(".idata", 0x3c8, 0x5000, 0x400, 0x1600, 0xc0300040),
                section(".CRT", 0x18, 0x6000, 0x200, 0x1a00, 0xc0300040),
                section(".tls", 0x20, 0x7000, 0x200, 0x1c00, 0xc0300040),
                section(".debug_aranges", 0x20, 0x8000, 0x200, 0x1e00, 0x42100000),
                section(".debug_pubnames", 0x51, 0x9000, 0x200, 0x2000, 0x42100000),
                section(".debug_pubtypes", 0x91, 0xa000, 0x200, 0x2200, 0x42100000),
                section(".debug_info", 0xe22, 0xb000, 0x1000, 0x2400, 0x42100000),
                section(".debug_abbrev", 0x157, 0xc000, 0x200, 0x3400, 0x42100000),
                section(".debug_line", 0x144, 0xd000, 0x200, 0x3600, 0x42100000),
                section(".debug_frame", 0x34, 0xe000, 0x200, 0x3800, 0x42300000),
                section(".debug_loc", 0x38, 0xf000, 0x200, 0x3a00, 0x42100000)), pe.sections());
        assertEquals(List.of("KERNEL32.dll", "msvcrt.dll"), pe.importedDlls());
        assertEquals(List.of("DeleteCriticalSection", "EnterCriticalSection", "ExitProcess", "FreeLibrary", "GetLastError",
                "GetModuleHandleA", "GetProcAddress", "InitializeCriticalSection", "LeaveCriticalSection", "LoadLibraryA",
                "SetUnhandledExceptionFilter", "TlsGetValue", "VirtualProtect", "VirtualQuery"), pe.importedSymbols("kernel32.dll"));
        assertEquals(List.of("__getmainargs", "__p__environ", "__p__fmode", "__set_app_type", "_cexit", "_iob", "_onexit",
                "_setmode", "_winmajor", "abort", "atexit", "calloc", "free", "fwrite", "memcpy", "puts", "signal", "vfprintf"),
                pe.importedSymbols("msvcrt.dll"));
        assertEquals("WINDOWS_CUI", pe.subsystemName());
        assertEquals("386", pe.goarch());
        // Go's rule masks only IMAGE_SCN_ALIGN_32BYTES (0x600000); gcc's .data carries ALIGN_4BYTES (0x300000), so
        // 0xc0300040 & ~0x600000 = 0xc0100040 is not exactly initialized|read|write and Go finds no data start.
        assertTrue(pe.buildInfoRegion().isEmpty());
        assertEquals(0x1200 + 8, pe.fileOffsetOf(0x402008, 8).orElseThrow());
        assertTrue(pe.fileOffsetOf(0x402008, 9).isEmpty(), ".data has VirtualSize 0x10");
    }

    @Test
    void gcc386MingwNoSymbolsExecKeepsAnEightCharacterName() throws Exception {
        PeFile pe = read("gcc-386-mingw-no-symbols-exec");
        assertEquals(new CoffFileHeader(0x14c, 0x8, 0x69676572, 0x0, 0x0, 0xe0, 0x30f), pe.coffHeader());
        assertEquals(directories(new long[] {1, 0x6000, 0x378}, new long[] {9, 0x8004, 0x18}, new long[] {12, 0x60b8, 0x7c}),
                pe.optionalHeader().dataDirectories());
        assertEquals(List.of(".text", ".data", ".rdata", ".eh_fram", ".bss", ".idata", ".CRT", ".tls"),
                pe.sections().stream().map(SectionHeader::name).toList());
        assertEquals(section(".eh_fram", 0x3a0, 0x4000, 0x400, 0x1600, 0x40300040), pe.sections().get(3));
        assertEquals(List.of("KERNEL32.dll", "msvcrt.dll"), pe.importedDlls());
        assertEquals(12, pe.importedSymbols("KERNEL32.dll").size());
    }

    @Test
    void gccAmd64MingwExecResolvesLongSectionNames() throws Exception {
        PeFile pe = read("gcc-amd64-mingw-exec");
        assertEquals(new CoffFileHeader(0x8664, 0x11, 0x53e4364f, 0x39600, 0x6fc, 0xf0, 0x27), pe.coffHeader());
        assertEquals(new OptionalHeader(0x20b, 0x2, 0x16, 0x6a00, 0x14e0, 0x1000, 0x400000, 0x1000, 0x200, 0x4, 0x0, 0x0, 0x0,
                0x5, 0x2, 0x45000, 0x600, 0x46f19, 0x3, 0x0, 0x10,
                directories(new long[] {1, 0xe000, 0x990}, new long[] {3, 0xa000, 0x498}, new long[] {9, 0x10000, 0x28},
                        new long[] {12, 0xe254, 0x218})), pe.optionalHeader());
        assertEquals(List.of(".text", ".data", ".rdata", ".pdata", ".xdata", ".bss", ".idata", ".CRT", ".tls", ".debug_aranges",
                ".debug_info", ".debug_abbrev", ".debug_line", ".debug_frame", ".debug_str", ".debug_loc", ".debug_ranges"),
                pe.sections().stream().map(SectionHeader::name).toList());
        assertEquals(section(".debug_ranges", 0xa70, 0x44000, 0xc00, 0x38a00, 0x42100040), pe.sections().get(16));
        assertEquals(section(".bss", 0x1410, 0xc000, 0x0, 0x0, 0xc0600080), pe.sections().get(5));
        assertEquals(List.of("KERNEL32.dll", "msvcrt.dll"), pe.importedDlls());
        assertEquals(29, pe.importedSymbols("KERNEL32.dll").size());
        assertEquals("LoadLibraryW", pe.importedSymbols("KERNEL32.dll").get(14));
        assertEquals(List.of("HIGH_ENTROPY_VA", "DYNAMIC_BASE"), new OptionalHeader(0x20b, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
                0, 0, 0, 0, 0, 0, 0x60, 0, List.of()).dllCharacteristicNames());
        assertEquals(List.of(), pe.dllCharacteristicNames(), "gcc of 2014 set no DllCharacteristics");
    }

    @Test
    void trimmedLinuxKernelIsAnEfiApplicationWithSectionsPastItsEnd() throws Exception {
        PeFile pe = read("vmlinuz-4.15.0-47-generic");
        assertEquals(new CoffFileHeader(0x8664, 0x4, 0x0, 0x0, 0x1, 0xa0, 0x206), pe.coffHeader());
        assertEquals(new OptionalHeader(0x20b, 0x2, 0x14, 0x7c0590, 0x4680, 0x200, 0x0, 0x20, 0x20, 0, 0, 0, 0, 0, 0,
                0x1e50000, 0x200, 0x7c3ab0, 0xa, 0x0, 0x6,
                List.of(new DataDirectory(0, 0), new DataDirectory(0, 0), new DataDirectory(0, 0), new DataDirectory(0, 0),
                        new DataDirectory(0x7c07a0, 0x778), new DataDirectory(0, 0))), pe.optionalHeader());
        assertEquals("EFI_APPLICATION", pe.subsystemName());
        assertEquals(List.of(
                section(".setup", 0x41e0, 0x200, 0x41e0, 0x200, 0x60500020),
                section(".reloc", 0x20, 0x43e0, 0x20, 0x43e0, 0x42100040),
                section(".text", 0x7bc390, 0x4400, 0x7bc390, 0x4400, 0x60500020),
                section(".bss", 0x168f870, 0x7c0790, 0x0, 0x0, 0xc8000080)), pe.sections());
        assertEquals(List.of(), pe.importedDlls());
        assertTrue(pe.buildInfoRegion().isEmpty());
        assertTrue(pe.fileOffsetOf(0x4400, 4).isEmpty(), "the trimmed file does not hold .text");
    }

    @Test
    void coffObjectFilesAreRejectedAsNotImages() throws Exception {
        for (String name : List.of("gcc-386-mingw-obj", "gcc-amd64-mingw-obj", "llvm-mingw-20211002-msvcrt-x86_64-crt2")) {
            BinaryFormatException e = assertThrows(BinaryFormatException.class, () -> read(name), name);
            assertEquals(corpus(name), e.file());
            assertEquals(0, e.offset());
            assertTrue(e.reason().contains("COFF object file"), e.getMessage());
        }
    }

    @Test
    void everyImageOfTheCorpusIsRead() throws Exception {
        List<Path> files;
        try (Stream<Path> list = Files.list(GoTestdata.directory("pe"))) {
            files = list.filter(p -> !p.toString().endsWith(".c") && !p.toString().contains("obj")
                    && !p.toString().contains("crt2")).sorted().toList();
        }
        assertEquals(4, files.size(), files.toString());
        for (Path file : files) {
            try (BinaryReader reader = BinaryReader.open(GoTestdata.decoded(file, file.getParent()))) {
                PeFile pe = PeFile.read(reader);
                assertEquals(pe.numberOfSections(), pe.sections().size(), file.toString());
            }
        }
    }
}
