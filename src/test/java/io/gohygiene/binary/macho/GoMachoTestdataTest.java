package io.gohygiene.binary.macho;

import io.gohygiene.binary.BinaryFormatException;
import io.gohygiene.binary.BinaryReader;
import io.gohygiene.binary.ExecutableFormat;
import io.gohygiene.platform.Architectures;
import io.gohygiene.testing.GoTestdata;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.*;

/**
 * Go's own Mach-O corpus ($GOROOT/src/debug/macho/testdata), with the facts Go's file_test.go asserts for each
 * file: the header, the segments, the sections, the dylibs and rpaths, the number of load commands, the fat slices.
 */
class GoMachoTestdataTest {

    private static final int CPU_386 = Architectures.CPU_TYPE_X86;
    private static final int CPU_AMD64 = Architectures.CPU_TYPE_X86_64;

    @TempDir
    Path tmp;

    private MachoFile thin(String name) throws BinaryFormatException {
        Path file = GoTestdata.decoded(GoTestdata.directory("macho").resolve(name + ".base64"), tmp);
        try (BinaryReader reader = BinaryReader.open(file)) {
            List<MachoFile> images = MachoFiles.readAll(reader);
            assertEquals(1, images.size());
            return images.get(0);
        }
    }

    private static Segment seg(String name, long addr, long memsz, long offset, long filesz, int maxprot, int prot, int nsect) {
        return new Segment(name, addr, memsz, offset, filesz, maxprot, prot, nsect, 0);
    }

    private static Section sec(String name, String seg, long addr, long size, long offset, int align, int flags) {
        return new Section(name, seg, addr, size, offset, align, 0, 0, flags);
    }

    private static List<String> commandNames(MachoFile macho) {
        return macho.loadCommands().stream().map(LoadCommand::name).toList();
    }

    @Test
    void gcc386DarwinExec() throws Exception {
        MachoFile macho = thin("gcc-386-darwin-exec");
        assertEquals(new MachHeader(MachHeader.MH_MAGIC, CPU_386, 3, MachHeader.MH_EXECUTE, 0xc, 0x3c0, 0x85), macho.header());
        assertEquals(ByteOrder.LITTLE_ENDIAN, macho.byteOrder());
        assertEquals("386", macho.goarch());
        assertEquals("darwin", macho.goos());
        assertEquals(4, macho.pointerSize());
        assertEquals(List.of(
                seg("__PAGEZERO", 0x0, 0x1000, 0x0, 0x0, 0x0, 0x0, 0),
                seg("__TEXT", 0x1000, 0x1000, 0x0, 0x1000, 0x7, 0x5, 2),
                seg("__DATA", 0x2000, 0x1000, 0x1000, 0x1000, 0x7, 0x3, 2),
                seg("__IMPORT", 0x3000, 0x1000, 0x2000, 0x1000, 0x7, 0x7, 1),
                seg("__LINKEDIT", 0x4000, 0x1000, 0x3000, 0x12c, 0x7, 0x1, 0)), macho.segments());
        assertEquals(List.of(0x38L, 0xc0L, 0xc0L, 0x7cL, 0x38L),
                macho.loadCommands().subList(0, 5).stream().map(LoadCommand::cmdsize).toList());
        assertEquals(List.of(
                sec("__text", "__TEXT", 0x1f68, 0x88, 0xf68, 0x2, 0x80000400),
                sec("__cstring", "__TEXT", 0x1ff0, 0xd, 0xff0, 0x0, 0x2),
                sec("__data", "__DATA", 0x2000, 0x14, 0x1000, 0x2, 0x0),
                sec("__dyld", "__DATA", 0x2014, 0x1c, 0x1014, 0x2, 0x0),
                sec("__jump_table", "__IMPORT", 0x3000, 0xa, 0x2000, 0x6, 0x4000008)), macho.sections());
        assertEquals(List.of("LC_SEGMENT", "LC_SEGMENT", "LC_SEGMENT", "LC_SEGMENT", "LC_SEGMENT", "LC_SYMTAB", "LC_DYSYMTAB",
                "LC_LOAD_DYLINKER", "LC_UUID", "LC_UNIXTHREAD", "LC_LOAD_DYLIB", "LC_LOAD_DYLIB"), commandNames(macho));
        assertEquals(List.of(new Dylib(Dylib.Kind.LOAD, "/usr/lib/libgcc_s.1.dylib", "1.0.0", "1.0.0"),
                new Dylib(Dylib.Kind.LOAD, "/usr/lib/libSystem.B.dylib", "111.1.4", "1.0.0")), macho.dylibs());
        assertTrue(macho.buildInfoRegion().isEmpty(), "__DATA has maxprot rwx, so Go's rule finds no data start");
    }

    @Test
    void gccAmd64DarwinExec() throws Exception {
        MachoFile macho = thin("gcc-amd64-darwin-exec");
        assertEquals(new MachHeader(MachHeader.MH_MAGIC_64, CPU_AMD64, 0x80000003, MachHeader.MH_EXECUTE, 0xb, 0x568, 0x85),
                macho.header());
        assertEquals("x86_64", macho.cpuName(), "CPU_SUBTYPE_LIB64 in the high byte is a capability, not the subtype");
        assertEquals(List.of(
                seg("__PAGEZERO", 0x0, 0x100000000L, 0x0, 0x0, 0x0, 0x0, 0),
                seg("__TEXT", 0x100000000L, 0x1000, 0x0, 0x1000, 0x7, 0x5, 5),
                seg("__DATA", 0x100001000L, 0x1000, 0x1000, 0x1000, 0x7, 0x3, 3),
                seg("__LINKEDIT", 0x100002000L, 0x1000, 0x2000, 0x140, 0x7, 0x1, 0)), macho.segments());
        assertEquals(List.of(0x48L, 0x1d8L, 0x138L, 0x48L),
                macho.loadCommands().subList(0, 4).stream().map(LoadCommand::cmdsize).toList());
        assertEquals(List.of(
                sec("__text", "__TEXT", 0x100000f14L, 0x6d, 0xf14, 0x2, 0x80000400),
                sec("__symbol_stub1", "__TEXT", 0x100000f81L, 0xc, 0xf81, 0x0, 0x80000408),
                sec("__stub_helper", "__TEXT", 0x100000f90L, 0x18, 0xf90, 0x2, 0x0),
                sec("__cstring", "__TEXT", 0x100000fa8L, 0xd, 0xfa8, 0x0, 0x2),
                sec("__eh_frame", "__TEXT", 0x100000fb8L, 0x48, 0xfb8, 0x3, 0x6000000b),
                sec("__data", "__DATA", 0x100001000L, 0x1c, 0x1000, 0x3, 0x0),
                sec("__dyld", "__DATA", 0x100001020L, 0x38, 0x1020, 0x3, 0x0),
                sec("__la_symbol_ptr", "__DATA", 0x100001058L, 0x10, 0x1058, 0x2, 0x7)), macho.sections());
        assertEquals(11, macho.loadCommands().size());
        assertEquals(List.of(new Dylib(Dylib.Kind.LOAD, "/usr/lib/libgcc_s.1.dylib", "1.0.0", "1.0.0"),
                new Dylib(Dylib.Kind.LOAD, "/usr/lib/libSystem.B.dylib", "111.1.4", "1.0.0")), macho.dylibs());
        assertEquals(0x100000f14L + 0x10 - 0x100000000L, macho.fileOffsetOf(0x100000f24L, 4).orElseThrow());
    }

    @Test
    void gccAmd64DarwinExecDebugIsADsymWithEmptyTextAndData() throws Exception {
        MachoFile macho = thin("gcc-amd64-darwin-exec-debug");
        assertEquals(new MachHeader(MachHeader.MH_MAGIC_64, CPU_AMD64, 0x80000003, MachHeader.MH_DSYM, 0x4, 0x5a0, 0),
                macho.header());
        assertEquals("MH_DSYM", macho.filetypeName());
        assertEquals(List.of("LC_UUID", "LC_SEGMENT_64", "LC_SEGMENT_64", "LC_SEGMENT_64"), commandNames(macho));
        assertEquals(List.of(
                seg("__TEXT", 0x100000000L, 0x1000, 0x0, 0x0, 0x7, 0x5, 5),
                seg("__DATA", 0x100001000L, 0x1000, 0x0, 0x0, 0x7, 0x3, 3),
                seg("__DWARF", 0x100002000L, 0x1000, 0x1000, 0x1bc, 0x7, 0x3, 7)), macho.segments());
        assertEquals(15, macho.sections().size());
        assertEquals(sec("__debug_str", "__DWARF", 0x10000215cL, 0x60, 0x115c, 0x0, 0x0), macho.sections().get(14));
        assertEquals(sec("__text", "__TEXT", 0x100000f14L, 0x0, 0x0, 0x2, 0x80000400), macho.sections().get(0));
        assertTrue(macho.fileOffsetOf(0x100000f14L, 1).isEmpty(), "the dSYM holds no __TEXT bytes");
    }

    @Test
    void clangExecutablesWithRpath() throws Exception {
        for (String name : List.of("clang-386-darwin-exec-with-rpath", "clang-amd64-darwin-exec-with-rpath")) {
            MachoFile macho = thin(name);
            boolean is64 = name.contains("amd64");
            MachHeader expected = is64
                    ? new MachHeader(MachHeader.MH_MAGIC_64, CPU_AMD64, 0x80000003, MachHeader.MH_EXECUTE, 0x10, 0x4c8, 0x200085)
                    : new MachHeader(MachHeader.MH_MAGIC, CPU_386, 0x3, MachHeader.MH_EXECUTE, 0x10, 0x42c, 0x1200085);
            assertEquals(expected, macho.header(), name);
            String segment = is64 ? "LC_SEGMENT_64" : "LC_SEGMENT";
            assertEquals(List.of(segment, segment, segment, segment, "LC_DYLD_INFO_ONLY", "LC_SYMTAB", "LC_DYSYMTAB",
                    "LC_LOAD_DYLINKER", "LC_UUID", "LC_VERSION_MIN_MACOSX", "LC_SOURCE_VERSION", "LC_MAIN", "LC_LOAD_DYLIB",
                    "LC_RPATH", "LC_FUNCTION_STARTS", "LC_DATA_IN_CODE"), commandNames(macho), name);
            assertEquals(List.of("/my/rpath"), macho.rpaths(), name);
            assertEquals(List.of("/usr/lib/libSystem.B.dylib"), macho.dylibs().stream().map(Dylib::name).toList(), name);
            assertTrue(macho.pie(), name);
            assertEquals(List.of(new VersionMin(VersionMin.Kind.MACOSX, "10.12", "10.12")), macho.versionMins(), name);
            assertEquals("darwin", macho.goos(), "LC_VERSION_MIN_MACOSX alone means darwin");
            assertEquals("10.12", macho.minimumOsVersion().orElseThrow(), name);
        }
    }

    @Test
    void clangObjectFilesAreReadAsMhObject() throws Exception {
        record Expected(String name, MachHeader header) {
        }
        for (Expected e : List.of(
                new Expected("clang-386-darwin.obj", new MachHeader(MachHeader.MH_MAGIC, CPU_386, 3, MachHeader.MH_OBJECT, 4, 0x138, 0x2000)),
                new Expected("clang-amd64-darwin.obj", new MachHeader(MachHeader.MH_MAGIC_64, CPU_AMD64, 3, MachHeader.MH_OBJECT, 4, 0x200, 0x2000)),
                new Expected("clang-amd64-darwin-ld-r.obj", new MachHeader(MachHeader.MH_MAGIC_64, CPU_AMD64, 3, MachHeader.MH_OBJECT, 4, 0x1c0, 0x2000)))) {
            MachoFile macho = thin(e.name());
            assertEquals(e.header(), macho.header(), e.name());
            assertEquals("MH_OBJECT", macho.filetypeName());
            assertEquals(List.of("MH_SUBSECTIONS_VIA_SYMBOLS"), macho.flagNames());
            assertEquals(4, macho.loadCommands().size());
            assertEquals(List.of(), macho.dylibs(), "an object file links nothing yet");
            assertTrue(macho.sections().stream().anyMatch(s -> s.sectname().equals("__text")), e.name());
        }
    }

    @Test
    void fatFileHoldsA386AndAnAmd64Slice() throws Exception {
        Path file = GoTestdata.decoded(GoTestdata.directory("macho").resolve("fat-gcc-386-amd64-darwin-exec.base64"), tmp);
        try (BinaryReader reader = BinaryReader.open(file)) {
            assertTrue(FatFile.isUniversal(reader));
            assertEquals(List.of(new FatArch(CPU_386, 3, 4096, 12588, 12), new FatArch(CPU_AMD64, 0x80000003, 20480, 8512, 12)),
                    FatFile.read(reader));
            List<MachoFile> slices = MachoFiles.readAll(reader);
            assertEquals(List.of("386", "amd64"), slices.stream().map(MachoFile::goarch).toList());
            assertEquals(new MachHeader(MachHeader.MH_MAGIC, CPU_386, 0x3, MachHeader.MH_EXECUTE, 0xc, 0x3c0, 0x85), slices.get(0).header());
            assertEquals(new MachHeader(MachHeader.MH_MAGIC_64, CPU_AMD64, 0x80000003, MachHeader.MH_EXECUTE, 0xb, 0x568, 0x85),
                    slices.get(1).header());
            assertEquals(List.of(ExecutableFormat.MACHO_UNIVERSAL, ExecutableFormat.MACHO_UNIVERSAL),
                    slices.stream().map(MachoFile::format).toList());
            assertEquals(4096 + 28, slices.get(0).loadCommands().get(0).offset(), "load command offsets are absolute");
            assertEquals(20480 + 0x100000f14L - 0x100000000L, slices.get(1).fileOffsetOf(0x100000f14L, 1).orElseThrow());
        }
    }

    @Test
    void badDysymtabIsNoConcernBecauseSymbolTablesAreNotRead() throws Exception {
        // Go's NewFile rejects this file for its LC_DYSYMTAB indices; the plugin reads no symbol table, and the
        // load commands themselves are sound.
        MachoFile macho = thin("gcc-amd64-darwin-exec-with-bad-dysym");
        assertEquals(11, macho.loadCommands().size());
        assertEquals(2, macho.dylibs().size());
    }

    @Test
    void everyFileOfTheCorpusIsRead() throws Exception {
        List<Path> files;
        try (Stream<Path> list = Files.list(GoTestdata.directory("macho"))) {
            files = list.filter(p -> p.toString().endsWith(".base64")).sorted().toList();
        }
        assertEquals(10, files.size(), files.toString());
        for (Path encoded : files) {
            Path file = GoTestdata.decoded(encoded, tmp);
            try (BinaryReader reader = BinaryReader.open(file)) {
                List<MachoFile> images = MachoFiles.readAll(reader);
                assertFalse(images.isEmpty(), file.toString());
                for (MachoFile image : images) {
                    assertEquals(image.header().ncmds(), image.loadCommands().size(), file.toString());
                }
            }
        }
    }

    @Test
    void theCSourceIsNotMachO() {
        Path source = GoTestdata.directory("macho").resolve("hello.c");
        BinaryFormatException e = assertThrows(BinaryFormatException.class, () -> {
            try (BinaryReader reader = BinaryReader.open(source)) {
                MachoFiles.readAll(reader);
            }
        });
        assertEquals(0, e.offset());
        assertTrue(e.reason().contains("not a Mach-O file"), e.getMessage());
        assertEquals(source, e.file());
    }
}
