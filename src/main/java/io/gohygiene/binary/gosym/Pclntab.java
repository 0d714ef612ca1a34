package io.gohygiene.binary.gosym;

import io.gohygiene.binary.BinaryFormatException;
import io.gohygiene.binary.BinaryReader;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;

/**
 * A pclntab found in the file: its header decoded as Go's debug/gosym parsePclnTab does, and the function names
 * read as go12Funcs does (function table entry i gives the offset of a {@code _func} record, whose name field is an
 * offset into the function-name table). Only what the names need is read.
 */
final class Pclntab {

    static final int GO12_MAGIC = 0xfffffffb;
    static final int GO116_MAGIC = 0xfffffffa;
    static final int GO118_MAGIC = 0xfffffff0;
    static final int GO120_MAGIC = 0xfffffff1;

    /** Magic, two zero bytes, quantum, pointer size, then at least one word: debug/gosym wants 16 bytes. */
    static final int MIN_HEADER = 16;

    /** Three windows on the same bytes: the function table, the _func records and the names lie apart. */
    private final PclntabWindow table;
    private final PclntabWindow records;
    private final PclntabWindow names;
    private final PclnHeader header;
    /** Where the function table starts, where the _func records' offsets count from, where names' offsets count from. */
    private final long functab;
    private final long funcdata;
    private final long funcnametab;
    /** Where the function-name table ends (the compilation-unit table follows it); 0 before Go 1.16, which had none. */
    private final long funcnametabEnd;

    private Pclntab(PclntabWindow table, PclnHeader header, long functab, long funcdata, long funcnametab, long funcnametabEnd) {
        this.table = table;
        this.records = table.copy();
        this.names = table.copy();
        this.header = header;
        this.functab = functab;
        this.funcdata = funcdata;
        this.funcnametab = funcnametab;
        this.funcnametabEnd = funcnametabEnd;
    }

    /** The layout version the 8 bytes at {@code head[at]} name, in either byte order; 0 if they are no pclntab header. */
    static int versionOf(ByteBuffer head, int at) {
        if (head.limit() - at < 8 || head.get(at + 4) != 0 || head.get(at + 5) != 0) {
            return 0;
        }
        int quantum = head.get(at + 6);
        int ptrSize = head.get(at + 7);
        if ((quantum != 1 && quantum != 2 && quantum != 4) || (ptrSize != 4 && ptrSize != 8)) {
            return 0;
        }
        int le = head.order(ByteOrder.LITTLE_ENDIAN).getInt(at);
        int version = version(le);
        return version != 0 ? version : version(Integer.reverseBytes(le));
    }

    private static int version(int magic) {
        return switch (magic) {
            case GO12_MAGIC -> 12;
            case GO116_MAGIC -> 116;
            case GO118_MAGIC -> 118;
            case GO120_MAGIC -> 120;
            default -> 0;
        };
    }

    /** Decodes the header of the {@code size}-byte pclntab at file offset {@code start}. */
    static Pclntab open(BinaryReader reader, long start, long size) throws BinaryFormatException {
        if (size < MIN_HEADER) {
            throw reader.error(start, "pclntab is " + size + " bytes, shorter than the " + MIN_HEADER + "-byte header");
        }
        ByteBuffer head = reader.read(start, 8, ByteOrder.LITTLE_ENDIAN, "pclntab header");
        int version = versionOf(head, 0);
        if (version == 0) {
            throw reader.error(start, String.format("pclntab header %02x%02x%02x%02x %02x%02x %02x %02x is not a Go 1.2+ pclntab"
                    + " (magic 0xfffffffb, 0xfffffffa, 0xfffffff0 or 0xfffffff1, two zero bytes, quantum 1/2/4, pointer size 4/8)",
                    head.get(0), head.get(1), head.get(2), head.get(3), head.get(4), head.get(5), head.get(6), head.get(7)));
        }
        ByteOrder order = version(head.getInt(0)) != 0 ? ByteOrder.LITTLE_ENDIAN : ByteOrder.BIG_ENDIAN;
        int quantum = head.get(6);
        int ptrSize = head.get(7);
        PclntabWindow table = new PclntabWindow(reader, start, size, order);
        long count = table.word(8, ptrSize, "function count");
        long functab;
        long funcdata;
        long funcnametab;
        long funcnametabEnd;
        switch (version) {
            case 12 -> {
                functab = 8 + ptrSize;
                funcdata = 0;
                funcnametab = 0;
                funcnametabEnd = 0;
            }
            case 116 -> {
                funcnametab = offsetWord(table, 2, ptrSize, "funcnametab offset");
                funcnametabEnd = offsetWord(table, 3, ptrSize, "cutab offset");
                functab = offsetWord(table, 6, ptrSize, "functab offset");
                funcdata = functab;
            }
            default -> { // 118, 120: a textStart word comes before the offsets
                funcnametab = offsetWord(table, 3, ptrSize, "funcnametab offset");
                funcnametabEnd = offsetWord(table, 4, ptrSize, "cutab offset");
                functab = offsetWord(table, 7, ptrSize, "functab offset");
                funcdata = functab;
            }
        }
        int field = version >= 118 ? 4 : ptrSize;
        // The table holds 2*count+1 fields (entry, _func offset pairs and the end PC): it must fit in the pclntab.
        long room = (size - Math.min(size, functab)) / field;
        if (count > (room - 1) / 2 || room == 0) {
            throw table.error(8, "function count " + count + " needs a " + field + "-byte field table of "
                    + Long.toUnsignedString(count * 2 + 1) + " entries at pclntab offset " + functab + ", more than the "
                    + size + "-byte pclntab holds");
        }
        return new Pclntab(table, new PclnHeader(version, quantum, ptrSize, count), functab, funcdata, funcnametab,
                funcnametabEnd > funcnametab ? funcnametabEnd : 0);
    }

    private static long offsetWord(PclntabWindow table, int word, int ptrSize, String what) throws BinaryFormatException {
        long at = 8L + (long) word * ptrSize;
        long offset = table.word(at, ptrSize, what);
        if (offset >= table.size()) {
            throw table.error(at, what + " " + offset + " lies outside the " + table.size() + "-byte pclntab");
        }
        return offset;
    }

    PclnHeader header() {
        return header;
    }

    /** Every function's name, in function-table order. */
    List<String> functionNames() throws BinaryFormatException {
        List<String> result = new ArrayList<>((int) Math.min(header.functionCount(), 1 << 16));
        for (long i = 0; i < header.functionCount(); i++) {
            result.add(name(i));
        }
        return result;
    }

    /**
     * Every name in the function-name table (Go 1.16+): the linker writes there the name of each function and of each
     * function inlined into one (cmd/link's walkFuncs), once. So a function the compiler inlined everywhere, which
     * has no entry of its own in the function table, is here: its code is in the binary, inside its callers. Before
     * Go 1.16 there is no such table and this is empty.
     */
    List<String> nameTable() throws BinaryFormatException {
        List<String> result = new ArrayList<>();
        if (funcnametabEnd > funcnametab) {
            names.cStrings(funcnametab, funcnametabEnd, "function name", result::add);
        }
        return result;
    }

    /** Whether function {@code i}'s name reads: how a searched-for header tells a real table from a chance match. */
    boolean namesRead(long i) {
        try {
            return !name(i).isEmpty();
        } catch (BinaryFormatException e) {
            return false;
        }
    }

    private String name(long i) throws BinaryFormatException {
        int field = header.version() >= 118 ? 4 : header.ptrSize();
        // The first field of _func is the entry (a uintptr before 1.18, a uint32 offset since); nameOff follows it.
        int nameField = header.version() >= 118 ? 4 : header.ptrSize();
        long funcOffAt = functab + (2 * i + 1) * field;
        long funcOff = table.word(funcOffAt, field, "_func offset of function " + i);
        long nameOffAt = funcdata + funcOff + nameField;
        if (funcOff >= table.size() || nameOffAt > table.size() - 4) {
            throw table.error(funcOffAt, "_func record of function " + i + " at offset " + funcOff
                    + " lies outside the " + table.size() + "-byte pclntab");
        }
        long nameOff = Integer.toUnsignedLong(records.u32(nameOffAt, "name offset of function " + i));
        long name = funcnametab + nameOff;
        if (name >= table.size()) {
            throw table.error(nameOffAt, "name of function " + i + " at offset " + nameOff
                    + " lies outside the " + table.size() + "-byte pclntab");
        }
        return names.cString(name, "name of function " + i);
    }
}
