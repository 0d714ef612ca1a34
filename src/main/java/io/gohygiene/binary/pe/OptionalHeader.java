package io.gohygiene.binary.pe;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The optional header of a PE image (PE format, "Optional Header (Image Only)"), PE32 or PE32+, with its data
 * directories. Fields that are 32-bit in PE32 and 64-bit in PE32+ ({@code imageBase}) are held as long.
 */
public record OptionalHeader(int magic, int majorLinkerVersion, int minorLinkerVersion, long sizeOfCode,
        long addressOfEntryPoint, long baseOfCode, long imageBase, long sectionAlignment, long fileAlignment,
        int majorOperatingSystemVersion, int minorOperatingSystemVersion, int majorImageVersion, int minorImageVersion,
        int majorSubsystemVersion, int minorSubsystemVersion, long sizeOfImage, long sizeOfHeaders, long checkSum,
        int subsystem, int dllCharacteristics, long numberOfRvaAndSizes, List<DataDirectory> dataDirectories) {

    public static final int IMAGE_NT_OPTIONAL_HDR32_MAGIC = 0x10b;
    public static final int IMAGE_NT_OPTIONAL_HDR64_MAGIC = 0x20b;
    /** Size of the fixed part (before the data directories) of the PE32 and PE32+ optional headers. */
    public static final int PE32_FIXED_SIZE = 96;
    public static final int PE32_PLUS_FIXED_SIZE = 112;

    public static final int IMAGE_SUBSYSTEM_UNKNOWN = 0;
    public static final int IMAGE_SUBSYSTEM_NATIVE = 1;
    public static final int IMAGE_SUBSYSTEM_WINDOWS_GUI = 2;
    public static final int IMAGE_SUBSYSTEM_WINDOWS_CUI = 3;
    public static final int IMAGE_SUBSYSTEM_OS2_CUI = 5;
    public static final int IMAGE_SUBSYSTEM_POSIX_CUI = 7;
    public static final int IMAGE_SUBSYSTEM_NATIVE_WINDOWS = 8;
    public static final int IMAGE_SUBSYSTEM_WINDOWS_CE_GUI = 9;
    public static final int IMAGE_SUBSYSTEM_EFI_APPLICATION = 10;
    public static final int IMAGE_SUBSYSTEM_EFI_BOOT_SERVICE_DRIVER = 11;
    public static final int IMAGE_SUBSYSTEM_EFI_RUNTIME_DRIVER = 12;
    public static final int IMAGE_SUBSYSTEM_EFI_ROM = 13;
    public static final int IMAGE_SUBSYSTEM_XBOX = 14;
    public static final int IMAGE_SUBSYSTEM_WINDOWS_BOOT_APPLICATION = 16;

    public static final int IMAGE_DLLCHARACTERISTICS_HIGH_ENTROPY_VA = 0x0020;
    public static final int IMAGE_DLLCHARACTERISTICS_DYNAMIC_BASE = 0x0040;
    public static final int IMAGE_DLLCHARACTERISTICS_FORCE_INTEGRITY = 0x0080;
    public static final int IMAGE_DLLCHARACTERISTICS_NX_COMPAT = 0x0100;
    public static final int IMAGE_DLLCHARACTERISTICS_NO_ISOLATION = 0x0200;
    public static final int IMAGE_DLLCHARACTERISTICS_NO_SEH = 0x0400;
    public static final int IMAGE_DLLCHARACTERISTICS_NO_BIND = 0x0800;
    public static final int IMAGE_DLLCHARACTERISTICS_APPCONTAINER = 0x1000;
    public static final int IMAGE_DLLCHARACTERISTICS_WDM_DRIVER = 0x2000;
    public static final int IMAGE_DLLCHARACTERISTICS_GUARD_CF = 0x4000;
    public static final int IMAGE_DLLCHARACTERISTICS_TERMINAL_SERVER_AWARE = 0x8000;

    /** By bit, lowest first; "" for the reserved bits 0-4. */
    private static final List<String> DLL_CHARACTERISTIC_NAMES = List.of("", "", "", "", "", "HIGH_ENTROPY_VA",
        "DYNAMIC_BASE", "FORCE_INTEGRITY", "NX_COMPAT", "NO_ISOLATION", "NO_SEH", "NO_BIND", "APPCONTAINER",
        "WDM_DRIVER", "GUARD_CF", "TERMINAL_SERVER_AWARE");

    public OptionalHeader {
        dataDirectories = List.copyOf(dataDirectories);
    }

    public boolean isPe32Plus() {
        return magic == IMAGE_NT_OPTIONAL_HDR64_MAGIC;
    }

    /** The data directory at {@code index} (an IMAGE_DIRECTORY_ENTRY_ constant), if the header has that many. */
    public Optional<DataDirectory> dataDirectory(int index) {
        return index < dataDirectories.size() ? Optional.of(dataDirectories.get(index)) : Optional.empty();
    }

    /** {@code WINDOWS_CUI}, {@code WINDOWS_GUI}, {@code EFI_APPLICATION} … (without the IMAGE_SUBSYSTEM_ prefix). */
    public String subsystemName() {
        return subsystemName(subsystem);
    }

    public static String subsystemName(int subsystem) {
        return switch (subsystem) {
            case IMAGE_SUBSYSTEM_UNKNOWN -> "UNKNOWN";
            case IMAGE_SUBSYSTEM_NATIVE -> "NATIVE";
            case IMAGE_SUBSYSTEM_WINDOWS_GUI -> "WINDOWS_GUI";
            case IMAGE_SUBSYSTEM_WINDOWS_CUI -> "WINDOWS_CUI";
            case IMAGE_SUBSYSTEM_OS2_CUI -> "OS2_CUI";
            case IMAGE_SUBSYSTEM_POSIX_CUI -> "POSIX_CUI";
            case IMAGE_SUBSYSTEM_NATIVE_WINDOWS -> "NATIVE_WINDOWS";
            case IMAGE_SUBSYSTEM_WINDOWS_CE_GUI -> "WINDOWS_CE_GUI";
            case IMAGE_SUBSYSTEM_EFI_APPLICATION -> "EFI_APPLICATION";
            case IMAGE_SUBSYSTEM_EFI_BOOT_SERVICE_DRIVER -> "EFI_BOOT_SERVICE_DRIVER";
            case IMAGE_SUBSYSTEM_EFI_RUNTIME_DRIVER -> "EFI_RUNTIME_DRIVER";
            case IMAGE_SUBSYSTEM_EFI_ROM -> "EFI_ROM";
            case IMAGE_SUBSYSTEM_XBOX -> "XBOX";
            case IMAGE_SUBSYSTEM_WINDOWS_BOOT_APPLICATION -> "WINDOWS_BOOT_APPLICATION";
            default -> "SUBSYSTEM(" + subsystem + ")";
        };
    }

    /**
     * Names of the set DllCharacteristics flags without the IMAGE_DLLCHARACTERISTICS_ prefix, lowest bit first:
     * {@code HIGH_ENTROPY_VA}, {@code DYNAMIC_BASE}, {@code NX_COMPAT}, {@code TERMINAL_SERVER_AWARE} …
     */
    public List<String> dllCharacteristicNames() {
        List<String> names = new ArrayList<>();
        for (int bit = 0; bit < 16; bit++) {
            if ((dllCharacteristics & (1 << bit)) != 0) {
                String name = DLL_CHARACTERISTIC_NAMES.get(bit);
                names.add(!name.isEmpty() ? name : String.format("0x%04x", 1 << bit));
            }
        }
        return List.copyOf(names);
    }
}
