package io.gohygiene.binary.elf;

import io.gohygiene.binary.BinaryFormatException;
import io.gohygiene.binary.BinaryReader;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static io.gohygiene.binary.elf.Elf.*;

/**
 * Reads the tables every ELF question starts from: the file header, the program headers, the section headers
 * with their names, and PT_INTERP. Extended numbering (gABI: PN_XNUM, e_shnum 0, SHN_XINDEX) is resolved from
 * section header 0. Every count is checked against the file before it sizes a read.
 */
final class ElfParser {

    private static final int MAX_INTERP = 4096; // PATH_MAX: the kernel refuses longer interpreters

    private final BinaryReader reader;
    private ElfHeader header;
    private ByteOrder order;
    private boolean is64;
    private SectionHeader sectionZero;

    ElfParser(BinaryReader reader) {
        this.reader = reader;
    }

    ElfHeader readHeader() throws BinaryFormatException {
        ByteBuffer ident = reader.read(0, Math.min(EI_NIDENT, reader.size()), ByteOrder.BIG_ENDIAN, "ELF identification");
        if (ident.limit() < 4 || ident.getInt(0) != 0x7f454c46) {
            throw reader.error(0, "no ELF magic (\\x7fELF): not an ELF file");
        }
        if (ident.limit() < EI_NIDENT) {
            throw reader.error(0, "file is " + ident.limit() + " bytes, shorter than the 16-byte ELF identification");
        }
        int elfClass = ident.get(EI_CLASS);
        if (elfClass != ELFCLASS32 && elfClass != ELFCLASS64) {
            throw reader.error(EI_CLASS, "EI_CLASS " + elfClass + " is neither ELFCLASS32 (1) nor ELFCLASS64 (2)");
        }
        int data = ident.get(EI_DATA);
        if (data != ELFDATA2LSB && data != ELFDATA2MSB) {
            throw reader.error(EI_DATA, "EI_DATA " + data + " is neither ELFDATA2LSB (1) nor ELFDATA2MSB (2)");
        }
        if (ident.get(EI_VERSION) != EV_CURRENT) {
            throw reader.error(EI_VERSION, "EI_VERSION " + ident.get(EI_VERSION) + " is not EV_CURRENT (1)");
        }
        is64 = elfClass == ELFCLASS64;
        order = data == ELFDATA2LSB ? ByteOrder.LITTLE_ENDIAN : ByteOrder.BIG_ENDIAN;
        ByteBuffer h = reader.read(0, is64 ? 64 : 52, order, "ELF file header");
        int osAbi = BinaryReader.u8(h, EI_OSABI);
        int abiVersion = BinaryReader.u8(h, EI_ABIVERSION);
        int type = BinaryReader.u16(h, 16);
        int machine = BinaryReader.u16(h, 18);
        long version = BinaryReader.u32(h, 20);
        if (is64) {
            header = new ElfHeader(64, order, osAbi, abiVersion, type, machine, version, h.getLong(24), h.getLong(32),
                    h.getLong(40), BinaryReader.u32(h, 48), BinaryReader.u16(h, 52), BinaryReader.u16(h, 54),
                    BinaryReader.u16(h, 56), BinaryReader.u16(h, 58), BinaryReader.u16(h, 60), BinaryReader.u16(h, 62));
        } else {
            header = new ElfHeader(32, order, osAbi, abiVersion, type, machine, version, BinaryReader.u32(h, 24),
                    BinaryReader.u32(h, 28), BinaryReader.u32(h, 32), BinaryReader.u32(h, 36), BinaryReader.u16(h, 40),
                    BinaryReader.u16(h, 42), BinaryReader.u16(h, 44), BinaryReader.u16(h, 46), BinaryReader.u16(h, 48),
                    BinaryReader.u16(h, 50));
        }
        if (header.shoff() != 0) {
            requireEntrySize(header.shentsize(), is64 ? 64 : 40, is64 ? 58 : 46, "e_shentsize", "section header");
            requireTable(header.shoff(), 1, header.shentsize(), is64 ? 40 : 32, "e_shoff", "section header");
            sectionZero = sectionHeader(reader.read(header.shoff(), is64 ? 64 : 40, order, "section header 0"), 0);
        }
        return header;
    }

    List<ProgramHeader> readProgramHeaders() throws BinaryFormatException {
        long count = header.phnum();
        if (count == PN_XNUM && sectionZero != null && sectionZero.info() != 0) {
            count = sectionZero.info(); // gABI: 0xffff or more program headers, the count is in sh_info of section 0
        }
        if (header.phoff() == 0 || count == 0) {
            return List.of();
        }
        int entrySize = header.phentsize();
        requireEntrySize(entrySize, is64 ? 56 : 32, is64 ? 54 : 42, "e_phentsize", "program header");
        requireTable(header.phoff(), count, entrySize, is64 ? 32 : 28, "e_phoff", "program header");
        ByteBuffer table = reader.read(header.phoff(), count * entrySize, order, "program header table");
        List<ProgramHeader> result = new ArrayList<>((int) count);
        for (int i = 0; i < count; i++) {
            int at = i * entrySize;
            if (is64) {
                // As Go's debug/elf: a p_offset or p_filesz of 2^63 or more describes nothing in any file, and
                // would otherwise reach error messages and address maps as a negative offset.
                requireFileValue(table.getLong(at + 8), header.phoff() + at + 8, "p_offset", i);
                requireFileValue(table.getLong(at + 32), header.phoff() + at + 32, "p_filesz", i);
            }
            result.add(is64
                    ? new ProgramHeader(table.getInt(at), table.getInt(at + 4), table.getLong(at + 8), table.getLong(at + 16),
                            table.getLong(at + 24), table.getLong(at + 32), table.getLong(at + 40), table.getLong(at + 48))
                    : new ProgramHeader(table.getInt(at), table.getInt(at + 24), BinaryReader.u32(table, at + 4),
                            BinaryReader.u32(table, at + 8), BinaryReader.u32(table, at + 12), BinaryReader.u32(table, at + 16),
                            BinaryReader.u32(table, at + 20), BinaryReader.u32(table, at + 28)));
        }
        return result;
    }

    SectionTable readSections() throws BinaryFormatException {
        if (sectionZero == null) {
            return new SectionTable(reader, order, List.of(), 0, 0, is64); // gABI: e_shoff 0 means no section header table
        }
        long shoff = header.shoff();
        int entrySize = header.shentsize();
        long count = header.shnum() != 0 ? header.shnum() : sectionZero.size(); // gABI: e_shnum 0, count in sh_size
        if (count < 0) {
            throw reader.error(shoff, "section 0's sh_size " + Long.toUnsignedString(count) + " is not a section count");
        }
        requireTable(shoff, count, entrySize, is64 ? 40 : 32, "e_shoff", "section header");
        ByteBuffer table = reader.read(shoff, count * entrySize, order, "section header table");
        List<SectionHeader> raw = new ArrayList<>((int) count);
        for (int i = 0; i < count; i++) {
            raw.add(sectionHeader(table, i * entrySize));
        }
        long nameIndex = header.shstrndx() == SHN_XINDEX ? sectionZero.link() : header.shstrndx();
        if (nameIndex != SHN_UNDEF && nameIndex >= count) {
            throw reader.error(is64 ? 62 : 50, "e_shstrndx " + nameIndex + " names no section: the file has " + count + " sections");
        }
        if (nameIndex == SHN_UNDEF || count == 0) {
            return new SectionTable(reader, order, raw, shoff, entrySize, is64);
        }
        raw.set((int) nameIndex, raw.get((int) nameIndex).withName("(section names, e_shstrndx)"));
        StringTable names = new SectionTable(reader, order, raw, shoff, entrySize, is64).strings((int) nameIndex);
        List<SectionHeader> named = new ArrayList<>(raw.size());
        for (int i = 0; i < raw.size(); i++) {
            named.add(raw.get(i).withName(names.get(table.getInt(i * entrySize) & 0xffffffffL, "sh_name of section [" + i + "]")));
        }
        return new SectionTable(reader, order, named, shoff, entrySize, is64);
    }

    private void requireFileValue(long value, long fieldOffset, String field, int index) throws BinaryFormatException {
        if (value < 0) {
            throw reader.error(fieldOffset, field + " " + Long.toUnsignedString(value) + " of program header " + index
                    + " is beyond any file");
        }
    }

    /** PT_INTERP's path, NUL-terminated within the segment as the kernel requires. */
    Optional<String> readInterpreter(List<ProgramHeader> programs) throws BinaryFormatException {
        for (ProgramHeader p : programs) {
            if (p.type() != PT_INTERP) {
                continue;
            }
            if (p.filesz() < 0 || p.filesz() > MAX_INTERP) {
                throw reader.error(p.offset(), "PT_INTERP is " + Long.toUnsignedString(p.filesz())
                        + " bytes, longer than any interpreter path (" + MAX_INTERP + ")");
            }
            ByteBuffer bytes = segmentData(reader, header, p, "PT_INTERP segment");
            return Optional.of(new StringTable(reader, bytes, p.offset(), "PT_INTERP").get(0, "interpreter path"));
        }
        return Optional.empty();
    }

    /** A segment's file image; one outside the file is reported at the program header table that describes it. */
    static ByteBuffer segmentData(BinaryReader reader, ElfHeader header, ProgramHeader p, String what) throws BinaryFormatException {
        if (p.offset() < 0 || p.filesz() < 0 || p.offset() > reader.size() || p.filesz() > reader.size() - p.offset()) {
            throw reader.error(header.phoff(), what + " (p_offset " + Long.toUnsignedString(p.offset()) + ", p_filesz "
                    + Long.toUnsignedString(p.filesz()) + ") lies outside the " + reader.size() + "-byte file");
        }
        return reader.read(p.offset(), p.filesz(), header.byteOrder(), what);
    }

    private SectionHeader sectionHeader(ByteBuffer b, int at) {
        if (is64) {
            return new SectionHeader("", b.getInt(at + 4), b.getLong(at + 8), b.getLong(at + 16), b.getLong(at + 24),
                    b.getLong(at + 32), BinaryReader.u32(b, at + 40), BinaryReader.u32(b, at + 44), b.getLong(at + 48), b.getLong(at + 56));
        }
        return new SectionHeader("", b.getInt(at + 4), BinaryReader.u32(b, at + 8), BinaryReader.u32(b, at + 12),
                BinaryReader.u32(b, at + 16), BinaryReader.u32(b, at + 20), BinaryReader.u32(b, at + 24),
                BinaryReader.u32(b, at + 28), BinaryReader.u32(b, at + 32), BinaryReader.u32(b, at + 36));
    }

    /** {@code count} entries of {@code entrySize} bytes at {@code offset} (read from header field {@code field}) fit in the file. */
    private void requireTable(long offset, long count, int entrySize, long fieldOffset, String field, String what)
            throws BinaryFormatException {
        long size = reader.size();
        if (offset < 0 || offset > size || count > (size - offset) / entrySize) {
            throw reader.error(fieldOffset, what + " table of " + count + " entries of " + entrySize + " bytes at " + field + " "
                    + Long.toUnsignedString(offset) + " does not fit in the " + size + "-byte file");
        }
    }

    private void requireEntrySize(int actual, int minimum, long fieldOffset, String field, String what) throws BinaryFormatException {
        if (actual < minimum) {
            throw reader.error(fieldOffset, field + " " + actual + " is smaller than a " + (is64 ? 64 : 32) + "-bit "
                    + what + " (" + minimum + " bytes)");
        }
    }
}
