package io.gohygiene.binary.pe;

import io.gohygiene.binary.BinaryFormatException;
import io.gohygiene.binary.BinaryReader;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static io.gohygiene.binary.BinaryReader.u16;
import static io.gohygiene.binary.BinaryReader.u32;

/**
 * Reads a PE image's headers in order (MS-DOS header, PE signature, COFF file header, optional header, section
 * table), resolving long section names through the COFF string table, then the import directory.
 */
final class PeParser {

    private static final int DOS_HEADER_SIZE = 64;
    private static final int E_LFANEW = 0x3c;
    private static final int PE_SIGNATURE = 0x00004550; // "PE\0\0" read little-endian
    private static final int NT_HEADERS_START = 4 + CoffFileHeader.COFF_FILE_HEADER_SIZE;
    private static final int MAX_SECTION_NAME = 256;

    private final BinaryReader reader;
    private final long fileSize;
    private CoffFileHeader coff;
    private long stringTable = -1;
    private long stringTableSize;

    private PeParser(BinaryReader reader) {
        this.reader = reader;
        this.fileSize = reader.size();
    }

    static PeFile parse(BinaryReader reader) throws BinaryFormatException {
        return new PeParser(reader).parse();
    }

    private PeFile parse() throws BinaryFormatException {
        long peOffset = peHeaderOffset();
        ByteBuffer nt = reader.read(peOffset, NT_HEADERS_START, ByteOrder.LITTLE_ENDIAN, "PE signature and COFF file header");
        if (nt.getInt(0) != PE_SIGNATURE) {
            throw reader.error(peOffset, String.format("no PE\\0\\0 signature where e_lfanew points (found %02x %02x %02x %02x)",
                    nt.get(0), nt.get(1), nt.get(2), nt.get(3)));
        }
        coff = new CoffFileHeader(u16(nt, 4), u16(nt, 6), u32(nt, 8), u32(nt, 12), u32(nt, 16), u16(nt, 20), u16(nt, 22));
        long optionalOffset = peOffset + NT_HEADERS_START;
        OptionalHeader optional = optionalHeader(optionalOffset, peOffset + 4 + 16);
        long sectionTable = optionalOffset + coff.sizeOfOptionalHeader();
        List<SectionHeader> sections = sections(sectionTable);
        ImageLayout layout = new ImageLayout(sections, fileSize, optional.sizeOfHeaders());
        int fixed = optional.isPe32Plus() ? OptionalHeader.PE32_PLUS_FIXED_SIZE : OptionalHeader.PE32_FIXED_SIZE;
        long importDirectoryField = optionalOffset + fixed + (long) DataDirectory.IMAGE_DIRECTORY_ENTRY_IMPORT * DataDirectory.DATA_DIRECTORY_SIZE;
        List<ImportDescriptor> imports = ImportDirectoryReader.read(reader, layout, optional, importDirectoryField);
        return new PeFile(reader.file(), fileSize, peOffset, coff, optional, sections, imports);
    }

    private long peHeaderOffset() throws BinaryFormatException {
        if (fileSize < 2) {
            throw reader.error(0, "file is " + fileSize + " bytes, too short for an MS-DOS header");
        }
        ByteBuffer dos = reader.read(0, Math.min(DOS_HEADER_SIZE, fileSize), ByteOrder.LITTLE_ENDIAN, "MS-DOS header");
        if (dos.get(0) != 'M' || dos.get(1) != 'Z') {
            int machine = u16(dos, 0);
            boolean coffObject = !CoffFileHeader.machineName(machine).startsWith("MACHINE(") && machine != 0;
            throw reader.error(0, coffObject
                    ? "no MZ header: a COFF object file for " + CoffFileHeader.machineName(machine) + ", not a PE image"
                    : String.format("no MZ signature (file starts with %02x %02x): not a PE file", dos.get(0), dos.get(1)));
        }
        if (fileSize < DOS_HEADER_SIZE) {
            throw reader.error(0, "file is " + fileSize + " bytes, too short for the " + DOS_HEADER_SIZE + "-byte MS-DOS header");
        }
        long peOffset = u32(dos, E_LFANEW);
        if (peOffset > fileSize || fileSize - peOffset < NT_HEADERS_START) {
            throw reader.error(E_LFANEW, String.format("e_lfanew 0x%x points past the end of the %d-byte file", peOffset, fileSize));
        }
        return peOffset;
    }

    private OptionalHeader optionalHeader(long at, long sizeField) throws BinaryFormatException {
        int size = coff.sizeOfOptionalHeader();
        if (size < 2) {
            throw reader.error(sizeField, "SizeOfOptionalHeader is " + size + ": no optional header, so not a PE image (a COFF object?)");
        }
        ByteBuffer o = reader.read(at, size, ByteOrder.LITTLE_ENDIAN, "optional header");
        int magic = u16(o, 0);
        if (magic != OptionalHeader.IMAGE_NT_OPTIONAL_HDR32_MAGIC && magic != OptionalHeader.IMAGE_NT_OPTIONAL_HDR64_MAGIC) {
            throw reader.error(at, String.format("optional header magic 0x%x is neither PE32 (0x10b) nor PE32+ (0x20b)", magic));
        }
        boolean plus = magic == OptionalHeader.IMAGE_NT_OPTIONAL_HDR64_MAGIC;
        int fixed = plus ? OptionalHeader.PE32_PLUS_FIXED_SIZE : OptionalHeader.PE32_FIXED_SIZE;
        if (size < fixed) {
            throw reader.error(sizeField, "SizeOfOptionalHeader " + size + " is less than the " + fixed + " bytes of a "
                    + (plus ? "PE32+" : "PE32") + " optional header");
        }
        int countField = fixed - 4;
        long count = u32(o, countField);
        if (count > (size - fixed) / DataDirectory.DATA_DIRECTORY_SIZE) {
            throw reader.error(at + countField, "NumberOfRvaAndSizes " + count + " data directories do not fit in the "
                    + (size - fixed) + " bytes that SizeOfOptionalHeader leaves for them");
        }
        List<DataDirectory> directories = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            int d = fixed + i * DataDirectory.DATA_DIRECTORY_SIZE;
            directories.add(new DataDirectory(u32(o, d), u32(o, d + 4)));
        }
        long imageBase = plus ? o.getLong(24) : u32(o, 28);
        return new OptionalHeader(magic, u8(o, 2), u8(o, 3), u32(o, 4), u32(o, 16), u32(o, 20), imageBase,
                u32(o, 32), u32(o, 36), u16(o, 40), u16(o, 42), u16(o, 44), u16(o, 46), u16(o, 48), u16(o, 50),
                u32(o, 56), u32(o, 60), u32(o, 64), u16(o, 68), u16(o, 70), count, directories);
    }

    private static int u8(ByteBuffer b, int index) {
        return BinaryReader.u8(b, index);
    }

    private List<SectionHeader> sections(long at) throws BinaryFormatException {
        int count = coff.numberOfSections();
        long length = (long) count * SectionHeader.SECTION_HEADER_SIZE;
        reader.requireRange(at, length, "section table of " + count + " sections");
        ByteBuffer table = reader.read(at, length, ByteOrder.LITTLE_ENDIAN, "section table");
        List<SectionHeader> sections = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            int s = i * SectionHeader.SECTION_HEADER_SIZE;
            byte[] raw = new byte[8];
            table.get(s, raw);
            String name = sectionName(cString(raw, raw.length), at + s);
            sections.add(new SectionHeader(name, u32(table, s + 8), u32(table, s + 12), u32(table, s + 16), u32(table, s + 20),
                    u32(table, s + 24), u32(table, s + 28), u16(table, s + 32), u16(table, s + 34), table.getInt(s + 36)));
        }
        return List.copyOf(sections);
    }

    /** Resolves {@code /123} (decimal) and {@code //ABCDEF} (base-64, for large offsets) through the string table. */
    private String sectionName(String shortName, long at) throws BinaryFormatException {
        if (!shortName.startsWith("/")) {
            return shortName;
        }
        long offset = shortName.startsWith("//") ? base64(shortName.substring(2)) : decimal(shortName.substring(1));
        if (offset < 0) {
            throw reader.error(at, "section name \"" + shortName + "\" is neither a name nor a /<offset> into the COFF string table");
        }
        requireStringTable(at, shortName);
        if (offset < 4 || offset >= stringTableSize) {
            throw reader.error(at, "section name " + shortName + " points outside the " + stringTableSize + "-byte COFF string table");
        }
        int length = (int) Math.min(MAX_SECTION_NAME, stringTableSize - offset);
        byte[] bytes = new byte[length];
        reader.read(stringTable + offset, length, ByteOrder.LITTLE_ENDIAN, "section name in the COFF string table").get(0, bytes);
        boolean terminated = false;
        for (byte b : bytes) {
            terminated |= b == 0;
        }
        if (!terminated && length == MAX_SECTION_NAME) {
            throw reader.error(stringTable + offset, "section name " + shortName + " is longer than " + MAX_SECTION_NAME + " bytes");
        }
        return cString(bytes, length);
    }

    /** The COFF string table follows the symbol table; its first 4 bytes give its size, themselves included. */
    private void requireStringTable(long at, String shortName) throws BinaryFormatException {
        if (stringTable >= 0) {
            return;
        }
        if (coff.pointerToSymbolTable() == 0) {
            throw reader.error(at, "section name " + shortName + " refers to the COFF string table, but PointerToSymbolTable is 0");
        }
        long start = coff.pointerToSymbolTable() + coff.numberOfSymbols() * CoffFileHeader.COFF_SYMBOL_SIZE;
        if (start > fileSize || fileSize - start < 4) {
            throw reader.error(at, String.format("section name %s refers to the COFF string table at 0x%x, past the end of the %d-byte file",
                    shortName, start, fileSize));
        }
        long size = u32(reader.read(start, 4, ByteOrder.LITTLE_ENDIAN, "COFF string table size"), 0);
        if (size > fileSize - start) {
            throw reader.error(start, "COFF string table size " + size + " runs past the end of the " + fileSize + "-byte file");
        }
        stringTable = start;
        stringTableSize = size;
    }

    private static long decimal(String digits) {
        if (digits.isEmpty() || digits.length() > 9 || !digits.chars().allMatch(c -> c >= '0' && c <= '9')) {
            return -1;
        }
        return Long.parseLong(digits);
    }

    private static long base64(String digits) {
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
        if (digits.isEmpty() || digits.length() > 6) {
            return -1;
        }
        long value = 0;
        for (char c : digits.toCharArray()) {
            int v = alphabet.indexOf(c);
            if (v < 0) {
                return -1;
            }
            value = value * 64 + v;
        }
        return value;
    }

    private static String cString(byte[] bytes, int limit) {
        int end = 0;
        while (end < limit && bytes[end] != 0) {
            end++;
        }
        return new String(bytes, 0, end, StandardCharsets.UTF_8);
    }
}
