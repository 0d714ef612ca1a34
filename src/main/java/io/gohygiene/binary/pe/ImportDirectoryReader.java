package io.gohygiene.binary.pe;

import io.gohygiene.binary.BinaryFormatException;
import io.gohygiene.binary.BinaryReader;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads the import directory (data directory 1): the IMAGE_IMPORT_DESCRIPTOR array up to its null entry, each
 * DLL's name, and the names in its import lookup table. Every table must end inside the section holding it, and
 * the totals are capped, so a hostile chain cannot run on or multiply the work.
 */
final class ImportDirectoryReader {

    static final int MAX_IMPORTED_DLLS = 4096;
    static final int MAX_IMPORTED_SYMBOLS = 65536;
    private static final int SHORT_NAME = 256;
    private static final int MAX_NAME = 4096;
    private static final int WINDOW = 4096;

    private final BinaryReader reader;
    private final ImageLayout layout;
    private final int thunkSize;
    private ByteBuffer window;
    private long windowStart = -1;
    private int symbolCount;

    private ImportDirectoryReader(BinaryReader reader, ImageLayout layout, boolean pe32Plus) {
        this.reader = reader;
        this.layout = layout;
        this.thunkSize = pe32Plus ? 8 : 4;
    }

    /** {@code directoryField} is where the import data directory entry lies in the file, for error messages. */
    static List<ImportDescriptor> read(BinaryReader reader, ImageLayout layout, OptionalHeader header, long directoryField)
            throws BinaryFormatException {
        Optional<DataDirectory> directory = header.dataDirectory(DataDirectory.IMAGE_DIRECTORY_ENTRY_IMPORT);
        if (directory.isEmpty() || directory.get().virtualAddress() == 0) {
            return List.of();
        }
        return new ImportDirectoryReader(reader, layout, header.isPe32Plus()).descriptors(directory.get().virtualAddress(), directoryField);
    }

    private List<ImportDescriptor> descriptors(long rva, long directoryField) throws BinaryFormatException {
        ImageLayout.Mapping table = layout.map(rva);
        if (table == null) {
            throw reader.error(directoryField, String.format("import directory RVA 0x%x lies in no section the file holds", rva));
        }
        List<ImportDescriptor> descriptors = new ArrayList<>();
        for (int i = 0; ; i++) {
            long entry = (long) i * ImportDescriptor.IMAGE_IMPORT_DESCRIPTOR_SIZE;
            long at = table.fileOffset() + entry;
            if (table.available() - entry < ImportDescriptor.IMAGE_IMPORT_DESCRIPTOR_SIZE) {
                throw reader.error(at, "import directory has no null IMAGE_IMPORT_DESCRIPTOR before the end of " + table.where()
                        + " (" + i + " descriptors read)");
            }
            ByteBuffer e = bytes(at, ImportDescriptor.IMAGE_IMPORT_DESCRIPTOR_SIZE, table.fileOffset() + table.available(),
                    "IMAGE_IMPORT_DESCRIPTOR");
            long originalFirstThunk = BinaryReader.u32(e, 0);
            long nameRva = BinaryReader.u32(e, 12);
            long firstThunk = BinaryReader.u32(e, 16);
            if (nameRva == 0 || firstThunk == 0) {
                return List.copyOf(descriptors); // the loader stops at the first entry without Name or FirstThunk
            }
            if (i >= MAX_IMPORTED_DLLS) {
                throw reader.error(at, "import directory lists more than " + MAX_IMPORTED_DLLS + " DLLs");
            }
            String dll = string(nameRva, at + 12, "name of imported DLL " + i);
            long lookupTable = originalFirstThunk != 0 ? originalFirstThunk : firstThunk;
            descriptors.add(new ImportDescriptor(dll, symbols(lookupTable, at, dll)));
        }
    }

    private List<String> symbols(long rva, long descriptor, String dll) throws BinaryFormatException {
        ImageLayout.Mapping table = layout.map(rva);
        if (table == null) {
            throw reader.error(descriptor, String.format("import lookup table of %s at RVA 0x%x lies in no section the file holds", dll, rva));
        }
        List<String> symbols = new ArrayList<>();
        for (long entry = 0; ; entry += thunkSize) {
            long at = table.fileOffset() + entry;
            if (table.available() - entry < thunkSize) {
                throw reader.error(at, "import lookup table of " + dll + " has no null entry before the end of " + table.where());
            }
            ByteBuffer thunk = bytes(at, thunkSize, table.fileOffset() + table.available(), "import lookup table");
            long value = thunkSize == 8 ? thunk.getLong(0) : BinaryReader.u32(thunk, 0);
            if (value == 0) {
                return symbols;
            }
            if (++symbolCount > MAX_IMPORTED_SYMBOLS) {
                throw reader.error(at, "import directory lists more than " + MAX_IMPORTED_SYMBOLS + " symbols");
            }
            boolean byOrdinal = thunkSize == 8 ? value < 0 : (value & 0x80000000L) != 0;
            symbols.add(byOrdinal ? "#" + (value & 0xffff) : string((value & 0x7fffffffL) + 2, at, "symbol imported from " + dll));
        }
    }

    /** A NUL-terminated string at {@code rva}; {@code field} is where the RVA was read, for the error message. */
    private String string(long rva, long field, String what) throws BinaryFormatException {
        ImageLayout.Mapping mapping = layout.map(rva);
        if (mapping == null) {
            throw reader.error(field, String.format("%s at RVA 0x%x lies in no section the file holds", what, rva));
        }
        long end = mapping.fileOffset() + mapping.available();
        for (int limit : new int[] {SHORT_NAME, MAX_NAME}) {
            int length = (int) Math.min(limit, mapping.available());
            ByteBuffer bytes = bytes(mapping.fileOffset(), length, end, what);
            for (int i = 0; i < length; i++) {
                if (bytes.get(i) == 0) {
                    byte[] text = new byte[i];
                    bytes.get(0, text);
                    return new String(text, StandardCharsets.UTF_8);
                }
            }
            if (length == mapping.available()) {
                throw reader.error(mapping.fileOffset(), what + " is not NUL-terminated before the end of " + mapping.where());
            }
        }
        throw reader.error(mapping.fileOffset(), what + " is longer than " + MAX_NAME + " bytes");
    }

    /** {@code length} bytes at a file offset, served from a window read ahead up to {@code end}. */
    private ByteBuffer bytes(long offset, int length, long end, String what) throws BinaryFormatException {
        if (window == null || offset < windowStart || offset + length > windowStart + window.limit()) {
            long size = Math.max(length, Math.min(WINDOW, end - offset));
            window = reader.read(offset, size, ByteOrder.LITTLE_ENDIAN, what);
            windowStart = offset;
        }
        return window.slice((int) (offset - windowStart), length).order(ByteOrder.LITTLE_ENDIAN);
    }
}
