package io.gohygiene.binary.pe;

import io.gohygiene.platform.Architectures;

import java.util.ArrayList;
import java.util.List;

/** The COFF File Header that follows the {@code PE\0\0} signature (PE format, "COFF File Header (Object and Image)"). */
public record CoffFileHeader(int machine, int numberOfSections, long timeDateStamp, long pointerToSymbolTable,
        long numberOfSymbols, int sizeOfOptionalHeader, int characteristics) {

    public static final int COFF_FILE_HEADER_SIZE = 20;
    /** Each symbol table record is 18 bytes; the string table follows the last one. */
    public static final int COFF_SYMBOL_SIZE = 18;

    public static final int IMAGE_FILE_MACHINE_UNKNOWN = 0x0;
    public static final int IMAGE_FILE_MACHINE_I386 = Architectures.IMAGE_FILE_MACHINE_I386;
    public static final int IMAGE_FILE_MACHINE_AMD64 = Architectures.IMAGE_FILE_MACHINE_AMD64;
    public static final int IMAGE_FILE_MACHINE_ARM = 0x1c0;
    public static final int IMAGE_FILE_MACHINE_THUMB = 0x1c2;
    public static final int IMAGE_FILE_MACHINE_ARMNT = Architectures.IMAGE_FILE_MACHINE_ARMNT;
    public static final int IMAGE_FILE_MACHINE_ARM64 = Architectures.IMAGE_FILE_MACHINE_ARM64;
    public static final int IMAGE_FILE_MACHINE_ARM64EC = 0xa641;
    public static final int IMAGE_FILE_MACHINE_ARM64X = 0xa64e;
    public static final int IMAGE_FILE_MACHINE_IA64 = 0x200;
    public static final int IMAGE_FILE_MACHINE_EBC = 0xebc;
    public static final int IMAGE_FILE_MACHINE_RISCV32 = 0x5032;
    public static final int IMAGE_FILE_MACHINE_RISCV64 = Architectures.IMAGE_FILE_MACHINE_RISCV64;
    public static final int IMAGE_FILE_MACHINE_RISCV128 = 0x5128;
    public static final int IMAGE_FILE_MACHINE_LOONGARCH32 = 0x6232;
    public static final int IMAGE_FILE_MACHINE_LOONGARCH64 = Architectures.IMAGE_FILE_MACHINE_LOONGARCH64;
    public static final int IMAGE_FILE_MACHINE_POWERPC = 0x1f0;

    public static final int IMAGE_FILE_RELOCS_STRIPPED = 0x0001;
    public static final int IMAGE_FILE_EXECUTABLE_IMAGE = 0x0002;
    public static final int IMAGE_FILE_LINE_NUMS_STRIPPED = 0x0004;
    public static final int IMAGE_FILE_LOCAL_SYMS_STRIPPED = 0x0008;
    public static final int IMAGE_FILE_AGGRESSIVE_WS_TRIM = 0x0010;
    public static final int IMAGE_FILE_LARGE_ADDRESS_AWARE = 0x0020;
    public static final int IMAGE_FILE_BYTES_REVERSED_LO = 0x0080;
    public static final int IMAGE_FILE_32BIT_MACHINE = 0x0100;
    public static final int IMAGE_FILE_DEBUG_STRIPPED = 0x0200;
    public static final int IMAGE_FILE_REMOVABLE_RUN_FROM_SWAP = 0x0400;
    public static final int IMAGE_FILE_NET_RUN_FROM_SWAP = 0x0800;
    public static final int IMAGE_FILE_SYSTEM = 0x1000;
    public static final int IMAGE_FILE_DLL = 0x2000;
    public static final int IMAGE_FILE_UP_SYSTEM_ONLY = 0x4000;
    public static final int IMAGE_FILE_BYTES_REVERSED_HI = 0x8000;

    /** By bit, lowest first; "" for the reserved bit 6. */
    private static final List<String> CHARACTERISTIC_NAMES = List.of("RELOCS_STRIPPED", "EXECUTABLE_IMAGE",
        "LINE_NUMS_STRIPPED", "LOCAL_SYMS_STRIPPED", "AGGRESSIVE_WS_TRIM", "LARGE_ADDRESS_AWARE", "", "BYTES_REVERSED_LO",
        "32BIT_MACHINE", "DEBUG_STRIPPED", "REMOVABLE_RUN_FROM_SWAP", "NET_RUN_FROM_SWAP", "SYSTEM", "DLL",
        "UP_SYSTEM_ONLY", "BYTES_REVERSED_HI");

    /** {@code AMD64}, {@code I386}, {@code ARM64} … (the IMAGE_FILE_MACHINE_ constant without its prefix). */
    public String machineName() {
        return machineName(machine);
    }

    public static String machineName(int machine) {
        return switch (machine) {
            case IMAGE_FILE_MACHINE_UNKNOWN -> "UNKNOWN";
            case IMAGE_FILE_MACHINE_I386 -> "I386";
            case IMAGE_FILE_MACHINE_AMD64 -> "AMD64";
            case IMAGE_FILE_MACHINE_ARM -> "ARM";
            case IMAGE_FILE_MACHINE_THUMB -> "THUMB";
            case IMAGE_FILE_MACHINE_ARMNT -> "ARMNT";
            case IMAGE_FILE_MACHINE_ARM64 -> "ARM64";
            case IMAGE_FILE_MACHINE_ARM64EC -> "ARM64EC";
            case IMAGE_FILE_MACHINE_ARM64X -> "ARM64X";
            case IMAGE_FILE_MACHINE_IA64 -> "IA64";
            case IMAGE_FILE_MACHINE_EBC -> "EBC";
            case IMAGE_FILE_MACHINE_RISCV32 -> "RISCV32";
            case IMAGE_FILE_MACHINE_RISCV64 -> "RISCV64";
            case IMAGE_FILE_MACHINE_RISCV128 -> "RISCV128";
            case IMAGE_FILE_MACHINE_LOONGARCH32 -> "LOONGARCH32";
            case IMAGE_FILE_MACHINE_LOONGARCH64 -> "LOONGARCH64";
            case IMAGE_FILE_MACHINE_POWERPC -> "POWERPC";
            default -> String.format("MACHINE(0x%04x)", machine);
        };
    }

    /** Names of the set Characteristics flags without the IMAGE_FILE_ prefix: {@code EXECUTABLE_IMAGE}, {@code DLL} … */
    public List<String> characteristicNames() {
        List<String> names = new ArrayList<>();
        for (int bit = 0; bit < 16; bit++) {
            if ((characteristics & (1 << bit)) != 0) {
                names.add(!CHARACTERISTIC_NAMES.get(bit).isEmpty() ? CHARACTERISTIC_NAMES.get(bit) : String.format("0x%04x", 1 << bit));
            }
        }
        return List.copyOf(names);
    }

    public boolean isDll() {
        return (characteristics & IMAGE_FILE_DLL) != 0;
    }
}
