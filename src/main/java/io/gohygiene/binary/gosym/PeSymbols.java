package io.gohygiene.binary.gosym;

import io.gohygiene.binary.BinaryFormatException;
import io.gohygiene.binary.BinaryReader;
import io.gohygiene.binary.pe.CoffFileHeader;
import io.gohygiene.binary.pe.PeFile;
import io.gohygiene.binary.pe.SectionHeader;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * Where a PE file's pclntab lies by its COFF symbols {@code runtime.pclntab} and {@code runtime.epclntab}, as Go's
 * cmd/internal/objfile (loadPETable) finds it; {@code -s} removes the symbol table, and then there is no answer.
 * The symbol table is read in chunks, the long names through a window on the string table.
 */
final class PeSymbols {

    private static final int CHUNK_SYMBOLS = 1 << 15;
    private static final String START = "runtime.pclntab";
    private static final String END = "runtime.epclntab";

    private PeSymbols() {
    }

    static Optional<PclntabLocator.Range> pclntab(PeFile pe, BinaryReader reader) throws BinaryFormatException {
        long table = pe.coffHeader().pointerToSymbolTable();
        long count = pe.coffHeader().numberOfSymbols();
        int entry = CoffFileHeader.COFF_SYMBOL_SIZE;
        if (table == 0 || count == 0) {
            return Optional.empty();
        }
        reader.requireRange(table, count * entry, "COFF symbol table of " + count + " symbols");
        long strings = table + count * entry;
        long stringsSize = Math.min(reader.size() - strings,
                Integer.toUnsignedLong(reader.read(strings, 4, ByteOrder.LITTLE_ENDIAN, "COFF string table size").getInt(0)));
        PclntabWindow names = new PclntabWindow(reader, strings, stringsSize, ByteOrder.LITTLE_ENDIAN);
        long[] start = null;
        long[] end = null;
        for (long first = 0; first < count; first += CHUNK_SYMBOLS) {
            long n = Math.min(CHUNK_SYMBOLS, count - first);
            ByteBuffer chunk = reader.read(table + first * entry, n * entry, ByteOrder.LITTLE_ENDIAN, "COFF symbol table");
            for (int i = 0; i < n; i++) {
                int at = i * entry;
                String name = chunk.getInt(at) != 0 ? shortName(chunk, at) : names.cString(Integer.toUnsignedLong(chunk.getInt(at + 4)), "COFF symbol name");
                if (name.equals(START) || name.equals(END)) {
                    long[] symbol = {Integer.toUnsignedLong(chunk.getInt(at + 8)), chunk.getShort(at + 12)};
                    if (name.equals(START)) {
                        start = symbol;
                    } else {
                        end = symbol;
                    }
                }
            }
        }
        if (start == null || end == null || start[1] != end[1] || start[1] < 1 || start[1] > pe.sections().size() || start[0] > end[0]) {
            return Optional.empty();
        }
        SectionHeader section = pe.sections().get((int) start[1] - 1);
        if (end[0] > section.fileBackedSize()) {
            return Optional.empty();
        }
        return Optional.of(new PclntabLocator.Range(section.pointerToRawData() + start[0], end[0] - start[0]));
    }

    private static String shortName(ByteBuffer chunk, int at) {
        int length = 0;
        while (length < 8 && chunk.get(at + length) != 0) {
            length++;
        }
        byte[] bytes = new byte[length];
        chunk.get(at, bytes);
        return new String(bytes, StandardCharsets.UTF_8);
    }
}
