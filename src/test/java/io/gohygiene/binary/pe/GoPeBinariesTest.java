package io.gohygiene.binary.pe;

import io.gohygiene.binary.BinaryFormatException;
import io.gohygiene.binary.BinaryReader;
import io.gohygiene.binary.ExecutableFormat;
import io.gohygiene.binary.ExecutableImage.Region;
import io.gohygiene.testing.BinaryFiles;
import io.gohygiene.testing.FileCommand;
import io.gohygiene.testing.GoBinaries;
import org.junit.jupiter.api.Test;

import java.nio.ByteOrder;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.*;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * PE executables cross-compiled by the real go, checked against what cmd/link/internal/ld/pe.go writes: image base
 * 0x140000000 (PE32+) or 0x400000 (PE32), subsystem 6.1, console unless -H=windowsgui, TERMINAL_SERVER_AWARE and
 * NX_COMPAT always, DYNAMIC_BASE because Windows builds are PIE by default, HIGH_ENTROPY_VA for PE32+ PIE only.
 */
class GoPeBinariesTest {

    private static final Pattern FILE_PE = Pattern.compile("(PE32\\+?) executable \\((console|GUI)\\) ([^,]+), for MS Windows, (\\d+) sections");
    private static final Map<String, String> FILE_MACHINE = Map.of("AMD64", "x86-64", "I386", "Intel 80386", "ARM64", "Aarch64");
    private static final List<String> GO_SECTIONS = List.of(".text", ".rdata", ".data");
    private static final List<String> GO_DEBUG_SECTIONS = List.of(".zdebug_abbrev", ".zdebug_line", ".zdebug_frame",
            ".debug_gdb_scripts", ".zdebug_info", ".zdebug_loclists", ".zdebug_rnglists", ".zdebug_addr");

    static PeFile read(Path file) throws BinaryFormatException {
        try (BinaryReader reader = BinaryReader.open(file)) {
            return PeFile.read(reader);
        }
    }

    @Test
    void windowsAmd64IsAPe32PlusConsoleImage() throws Exception {
        Path exe = GoBinaries.build("windows", "amd64");
        PeFile pe = read(exe);
        assertEquals(CoffFileHeader.IMAGE_FILE_MACHINE_AMD64, pe.machine());
        assertEquals("AMD64", pe.machineName());
        assertEquals("amd64", pe.goarch());
        assertEquals("windows", pe.goos());
        assertEquals(ExecutableFormat.PE, pe.format());
        assertEquals(OptionalHeader.IMAGE_NT_OPTIONAL_HDR64_MAGIC, pe.optionalHeaderMagic());
        assertTrue(pe.isPe32Plus());
        assertEquals(0x140000000L, pe.imageBase());
        assertEquals(8, pe.pointerSize());
        assertEquals(List.of("EXECUTABLE_IMAGE", "LARGE_ADDRESS_AWARE"), pe.characteristicNames());
        assertEquals(List.of("HIGH_ENTROPY_VA", "DYNAMIC_BASE", "NX_COMPAT", "TERMINAL_SERVER_AWARE"), pe.dllCharacteristicNames());
        assertEquals(0x8160, pe.dllCharacteristics());
        assertGoWindowsImage(exe, pe, "WINDOWS_CUI");
        assertEquals(16, pe.numberOfSections());
        assertEquals(sectionNames(".pdata", ".xdata", true), pe.sections().stream().map(SectionHeader::name).toList());
    }

    @Test
    void windows386IsAPe32ImageWithoutHighEntropy() throws Exception {
        Path exe = GoBinaries.build("windows", "386");
        PeFile pe = read(exe);
        assertEquals(CoffFileHeader.IMAGE_FILE_MACHINE_I386, pe.machine());
        assertEquals("I386", pe.machineName());
        assertEquals("386", pe.goarch());
        assertEquals(OptionalHeader.IMAGE_NT_OPTIONAL_HDR32_MAGIC, pe.optionalHeaderMagic());
        assertFalse(pe.isPe32Plus());
        assertEquals(0x400000L, pe.imageBase());
        assertEquals(4, pe.pointerSize());
        assertEquals(List.of("EXECUTABLE_IMAGE", "32BIT_MACHINE"), pe.characteristicNames());
        assertEquals(List.of("DYNAMIC_BASE", "NX_COMPAT", "TERMINAL_SERVER_AWARE"), pe.dllCharacteristicNames(),
                "pe.go sets HIGH_ENTROPY_VA only in the PE32+ header");
        assertGoWindowsImage(exe, pe, "WINDOWS_CUI");
        assertEquals(sectionNames(null, null, false), pe.sections().stream().map(SectionHeader::name).toList());
    }

    @Test
    void windowsArm64IsAPe32PlusImage() throws Exception {
        Path exe = GoBinaries.build("windows", "arm64");
        PeFile pe = read(exe);
        assertEquals(CoffFileHeader.IMAGE_FILE_MACHINE_ARM64, pe.machine());
        assertEquals("ARM64", pe.machineName());
        assertEquals("arm64", pe.goarch());
        assertTrue(pe.isPe32Plus());
        assertEquals(0x140000000L, pe.imageBase());
        assertEquals(List.of("HIGH_ENTROPY_VA", "DYNAMIC_BASE", "NX_COMPAT", "TERMINAL_SERVER_AWARE"), pe.dllCharacteristicNames());
        assertGoWindowsImage(exe, pe, "WINDOWS_CUI");
    }

    @Test
    void windowsguiLinkFlagMakesAGuiImage() throws Exception {
        Path exe = GoBinaries.build("windows", "amd64", "-H=windowsgui");
        PeFile pe = read(exe);
        assertEquals(OptionalHeader.IMAGE_SUBSYSTEM_WINDOWS_GUI, pe.subsystem());
        assertGoWindowsImage(exe, pe, "WINDOWS_GUI");
    }

    private static List<String> sectionNames(String pdata, String xdata, boolean amd64) {
        List<String> names = new java.util.ArrayList<>(GO_SECTIONS);
        if (amd64) {
            names.addAll(List.of(pdata, xdata));
        }
        names.addAll(GO_DEBUG_SECTIONS);
        names.addAll(List.of(".idata", ".reloc", ".symtab"));
        return names;
    }

    static void assertGoWindowsImage(Path exe, PeFile pe, String subsystem) throws Exception {
        assertEquals(subsystem, pe.subsystemName());
        assertEquals(6, pe.majorSubsystemVersion());
        assertEquals(1, pe.minorSubsystemVersion());
        assertEquals(6, pe.majorOperatingSystemVersion());
        assertEquals(1, pe.minorOperatingSystemVersion());
        assertEquals(0, pe.timeDateStamp(), "Go writes no timestamp, for reproducible builds");
        assertEquals(ByteOrder.LITTLE_ENDIAN, pe.byteOrder());
        assertEquals(pe.numberOfSections(), pe.sections().size());
        assertTrue(pe.sections().stream().map(SectionHeader::name).toList().contains(".zdebug_info"),
                "long section names are resolved through the COFF string table");

        assertEquals(List.of("kernel32.dll"), pe.importedDlls());
        List<String> symbols = pe.importedSymbols("KERNEL32.DLL");
        assertTrue(symbols.containsAll(List.of("WriteFile", "VirtualAlloc", "GetProcAddress", "LoadLibraryExW", "ExitProcess")),
                symbols.toString());
        assertTrue(symbols.size() > 40, symbols.toString());

        // Go's rule (debug/buildinfo peExe.DataStart) picks .data; the blob is at its start.
        SectionHeader data = pe.section(".data").orElseThrow();
        Region region = pe.buildInfoRegion().orElseThrow();
        assertEquals(new Region(pe.imageBase() + data.virtualAddress(), data.pointerToRawData(),
                Math.min(data.virtualSize(), data.sizeOfRawData())), region);
        assertTrue(BinaryFiles.hasBuildInfoMagicAt(exe, region.fileOffset()));
        assertEquals(region.fileOffset(), pe.fileOffsetOf(region.address(), 32).orElseThrow());
        SectionHeader text = pe.section(".text").orElseThrow();
        assertEquals(text.pointerToRawData() + 0x10, pe.fileOffsetOf(pe.imageBase() + text.virtualAddress() + 0x10, 4).orElseThrow());
        assertEquals(text.pointerToRawData() + 0x10, pe.rvaToFileOffset(text.virtualAddress() + 0x10, 4).orElseThrow());
        assertTrue(pe.fileOffsetOf(text.virtualAddress() + 0x10, 4).isEmpty(), "an RVA is not a VA: it lies below the image base");
        assertTrue(pe.fileOffsetOf(pe.imageBase() + data.virtualAddress() + data.virtualSize() - 4, 4).isEmpty(),
                "the end of .data is zero fill (.bss), not in the file");

        Optional<String> description = FileCommand.describe(exe);
        assumeTrue(description.isPresent(), "file(1) is not installed");
        Matcher m = FILE_PE.matcher(description.get());
        assertTrue(m.find(), description.get());
        assertEquals(pe.isPe32Plus() ? "PE32+" : "PE32", m.group(1));
        assertEquals(subsystem.equals("WINDOWS_GUI") ? "GUI" : "console", m.group(2));
        assertEquals(FILE_MACHINE.get(pe.machineName()), m.group(3));
        assertEquals(pe.numberOfSections(), Integer.parseInt(m.group(4)));
    }
}
