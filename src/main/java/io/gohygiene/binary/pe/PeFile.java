package io.gohygiene.binary.pe;

import io.gohygiene.binary.BinaryFormatException;
import io.gohygiene.binary.BinaryReader;
import io.gohygiene.binary.ExecutableFile;
import io.gohygiene.binary.ExecutableFormat;
import io.gohygiene.platform.Architectures;

import java.nio.ByteOrder;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * A PE image (a Windows .exe or .dll): its COFF file header, optional header, section table and import directory.
 * {@code peHeaderOffset} is where the {@code PE\0\0} signature lies (e_lfanew).
 */
public record PeFile(Path file, long fileSize, long peHeaderOffset, CoffFileHeader coffHeader,
        OptionalHeader optionalHeader, List<SectionHeader> sections, List<ImportDescriptor> imports) implements ExecutableFile {

    public PeFile {
        sections = List.copyOf(sections);
        imports = List.copyOf(imports);
    }

    /**
     * Reads the headers, the section table (and the COFF string table entries that long section names point at)
     * and the import directory; nothing else. A COFF object file (no MZ header, no optional header) is rejected.
     */
    public static PeFile read(BinaryReader reader) throws BinaryFormatException {
        return PeParser.parse(reader);
    }

    @Override
    public ExecutableFormat format() {
        return ExecutableFormat.PE;
    }

    @Override
    public String goos() {
        return "windows";
    }

    @Override
    public String goarch() {
        return Architectures.fromPeMachine(machine()).orElse(String.format("unknown(0x%04x)", machine()));
    }

    public int machine() {
        return coffHeader.machine();
    }

    /** {@code AMD64}, {@code I386}, {@code ARM64} … */
    public String machineName() {
        return coffHeader.machineName();
    }

    public int numberOfSections() {
        return coffHeader.numberOfSections();
    }

    public long timeDateStamp() {
        return coffHeader.timeDateStamp();
    }

    public int characteristics() {
        return coffHeader.characteristics();
    }

    public List<String> characteristicNames() {
        return coffHeader.characteristicNames();
    }

    /** 0x10b (PE32) or 0x20b (PE32+). */
    public int optionalHeaderMagic() {
        return optionalHeader.magic();
    }

    public boolean isPe32Plus() {
        return optionalHeader.isPe32Plus();
    }

    public long imageBase() {
        return optionalHeader.imageBase();
    }

    public int subsystem() {
        return optionalHeader.subsystem();
    }

    /** {@code WINDOWS_CUI}, {@code WINDOWS_GUI} … */
    public String subsystemName() {
        return optionalHeader.subsystemName();
    }

    public int majorSubsystemVersion() {
        return optionalHeader.majorSubsystemVersion();
    }

    public int minorSubsystemVersion() {
        return optionalHeader.minorSubsystemVersion();
    }

    public int majorOperatingSystemVersion() {
        return optionalHeader.majorOperatingSystemVersion();
    }

    public int minorOperatingSystemVersion() {
        return optionalHeader.minorOperatingSystemVersion();
    }

    public int dllCharacteristics() {
        return optionalHeader.dllCharacteristics();
    }

    /** {@code HIGH_ENTROPY_VA}, {@code DYNAMIC_BASE}, {@code NX_COMPAT}, {@code TERMINAL_SERVER_AWARE} … */
    public List<String> dllCharacteristicNames() {
        return optionalHeader.dllCharacteristicNames();
    }

    /** Names of the imported DLLs, in import directory order, spelled as in the file. */
    public List<String> importedDlls() {
        return imports.stream().map(ImportDescriptor::dllName).toList();
    }

    /** The symbols imported from {@code dll} (compared ignoring case, as Windows does), empty if it is not imported. */
    public List<String> importedSymbols(String dll) {
        return imports.stream().filter(i -> i.dllName().equalsIgnoreCase(dll)).findFirst()
                .map(ImportDescriptor::symbols).orElse(List.of());
    }

    public Optional<SectionHeader> section(String name) {
        return sections.stream().filter(s -> s.name().equals(name)).findFirst();
    }

    /**
     * As Go's debug/buildinfo (peExe.DataStart): the first section with a non-zero address and raw size whose
     * characteristics, ignoring the alignment bits IMAGE_SCN_ALIGN_32BYTES, are exactly initialized data, read and
     * write ({@code .data}). Go looks for no named section in PE files. The size is the part the file holds.
     */
    @Override
    public Optional<Region> buildInfoRegion() {
        int wanted = SectionHeader.IMAGE_SCN_CNT_INITIALIZED_DATA | SectionHeader.IMAGE_SCN_MEM_READ | SectionHeader.IMAGE_SCN_MEM_WRITE;
        for (SectionHeader section : sections) {
            if (section.virtualAddress() != 0 && section.sizeOfRawData() != 0
                    && (section.characteristics() & ~SectionHeader.IMAGE_SCN_ALIGN_32BYTES) == wanted) {
                long held = section.pointerToRawData() >= fileSize ? 0
                        : Math.min(section.fileBackedSize(), fileSize - section.pointerToRawData());
                return held == 0 ? Optional.empty()
                        : Optional.of(new Region(imageBase() + section.virtualAddress(), section.pointerToRawData(), held));
            }
        }
        return Optional.empty();
    }

    /** The file offset of {@code length} bytes at a virtual address (image base included, as Go's pointers are). */
    @Override
    public OptionalLong fileOffsetOf(long address, long length) {
        if (Long.compareUnsigned(address, imageBase()) < 0) {
            return OptionalLong.empty();
        }
        return rvaToFileOffset(address - imageBase(), length);
    }

    /** The file offset of {@code length} bytes at an RVA, if one section holds them all in the file. */
    public OptionalLong rvaToFileOffset(long rva, long length) {
        ImageLayout.Mapping mapping = new ImageLayout(sections, fileSize, optionalHeader.sizeOfHeaders()).map(rva);
        if (mapping == null || length < 0 || length > mapping.available()) {
            return OptionalLong.empty();
        }
        return OptionalLong.of(mapping.fileOffset());
    }

    @Override
    public ByteOrder byteOrder() {
        return ByteOrder.LITTLE_ENDIAN;
    }

    @Override
    public int pointerSize() {
        return isPe32Plus() ? 8 : 4;
    }
}
