package io.gohygiene.binary.pe;

import java.util.List;

/**
 * One IMAGE_IMPORT_DESCRIPTOR of the import directory, resolved: the DLL's name as the file spells it
 * ({@code kernel32.dll}, {@code KERNEL32.dll}) and the symbols imported from it, by name, or {@code #<ordinal>}
 * for imports by ordinal.
 */
public record ImportDescriptor(String dllName, List<String> symbols) {

    public static final int IMAGE_IMPORT_DESCRIPTOR_SIZE = 20;

    public ImportDescriptor {
        symbols = List.copyOf(symbols);
    }
}
