package io.gohygiene.binary.elf;

import io.gohygiene.binary.BinaryFormatException;
import io.gohygiene.binary.BinaryReader;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.List;
import java.util.OptionalInt;

/**
 * The section header table with the reads later steps need: a section's bytes, and the section its sh_link
 * names, checked to exist and to be of the type the spec requires. Errors point at the header field at fault.
 */
final class SectionTable {

    private final BinaryReader reader;
    private final ByteOrder order;
    private final List<SectionHeader> sections;
    private final long shoff;
    private final int shentsize;
    private final boolean is64;

    SectionTable(BinaryReader reader, ByteOrder order, List<SectionHeader> sections, long shoff, int shentsize, boolean is64) {
        this.reader = reader;
        this.order = order;
        this.sections = List.copyOf(sections);
        this.shoff = shoff;
        this.shentsize = shentsize;
        this.is64 = is64;
    }

    List<SectionHeader> list() {
        return sections;
    }

    SectionHeader get(int index) {
        return sections.get(index);
    }

    OptionalInt firstOfType(int type) {
        for (int i = 0; i < sections.size(); i++) {
            if (sections.get(i).type() == type) {
                return OptionalInt.of(i);
            }
        }
        return OptionalInt.empty();
    }

    /** The section's bytes; none for SHT_NOBITS. Offset and size are checked against the file by the reader. */
    ByteBuffer data(int index) throws BinaryFormatException {
        SectionHeader s = sections.get(index);
        if (!s.hasFileData()) {
            return ByteBuffer.allocate(0).order(order);
        }
        if (s.offset() < 0 || s.size() < 0 || s.offset() > reader.size() || s.size() > reader.size() - s.offset()) {
            throw reader.error(headerOffset(index), describe(index) + " (sh_offset " + Long.toUnsignedString(s.offset())
                    + ", sh_size " + Long.toUnsignedString(s.size()) + ") lies outside the " + reader.size() + "-byte file");
        }
        return reader.read(s.offset(), s.size(), order, describe(index));
    }

    StringTable strings(int index) throws BinaryFormatException {
        return new StringTable(reader, data(index), contentOffset(index), describe(index));
    }

    /**
     * Where errors about the section's contents point: its bytes, or its header when the file holds none
     * (SHT_NOBITS), whose sh_offset may be anything, even 2^63 or more.
     */
    long contentOffset(int index) {
        return sections.get(index).hasFileData() ? sections.get(index).offset() : headerOffset(index);
    }

    /** The index sh_link of section {@code index} names; it must exist and have type {@code requiredType}. */
    int link(int index, int requiredType) throws BinaryFormatException {
        long link = sections.get(index).link();
        long field = headerOffset(index) + (is64 ? 40 : 24);
        if (link <= 0 || link >= sections.size()) {
            throw reader.error(field, "sh_link " + link + " of " + describe(index) + " names no section: the file has "
                    + sections.size() + " sections");
        }
        int target = (int) link;
        if (sections.get(target).type() != requiredType) {
            throw reader.error(field, "sh_link of " + describe(index) + " names " + describe(target) + " of type "
                    + sections.get(target).typeName() + ", not " + ElfNames.sectionType(requiredType));
        }
        return target;
    }

    long headerOffset(int index) {
        return shoff + (long) index * shentsize;
    }

    /** "section [7] .dynstr", for messages. */
    String describe(int index) {
        String name = sections.get(index).name();
        return "section [" + index + "]" + (name.isEmpty() ? "" : " " + name);
    }
}
