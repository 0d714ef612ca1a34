package io.gohygiene.binary.elf;

import io.gohygiene.binary.BinaryFormatException;
import io.gohygiene.binary.BinaryReader;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

import static io.gohygiene.binary.elf.Elf.*;

/**
 * The dynamic section's entries up to DT_NULL, and the strings its entries name. Found as Go's debug/elf and
 * readelf find it when the file has section headers (the SHT_DYNAMIC section, strings in the section its
 * sh_link names); without one (section headers stripped) as the loader finds it (PT_DYNAMIC, strings at
 * DT_STRTAB for DT_STRSZ bytes).
 */
record DynamicSection(List<DynamicEntry> entries, List<String> needed, Optional<String> soname, List<String> rpath,
                      List<String> runpath) {

    static final DynamicSection NONE = new DynamicSection(List.of(), List.of(), Optional.empty(), List.of(), List.of());

    DynamicSection {
        entries = List.copyOf(entries);
        needed = List.copyOf(needed);
        rpath = List.copyOf(rpath);
        runpath = List.copyOf(runpath);
    }

    static DynamicSection read(BinaryReader reader, ElfHeader header, List<ProgramHeader> programs, SectionTable sections)
            throws BinaryFormatException {
        OptionalInt section = sections.firstOfType(SHT_DYNAMIC);
        Optional<ProgramHeader> segment = programs.stream().filter(p -> p.type() == PT_DYNAMIC).findFirst();
        ByteBuffer table;
        long tableOffset;
        if (section.isPresent()) {
            table = sections.data(section.getAsInt());
            tableOffset = sections.contentOffset(section.getAsInt());
        } else if (segment.isPresent()) {
            tableOffset = segment.get().offset();
            table = ElfParser.segmentData(reader, header, segment.get(), "PT_DYNAMIC segment");
        } else {
            return NONE;
        }
        List<DynamicEntry> entries = entries(table, header.is64());
        if (entries.stream().noneMatch(e -> isString(e.tag()))) {
            return new DynamicSection(entries, List.of(), Optional.empty(), List.of(), List.of());
        }
        StringTable strings = section.isPresent()
                ? sections.strings(sections.link(section.getAsInt(), SHT_STRTAB))
                : loaderStrings(reader, header.byteOrder(), programs, entries, tableOffset);
        List<String> needed = new ArrayList<>();
        List<String> rpath = new ArrayList<>();
        List<String> runpath = new ArrayList<>();
        String soname = null;
        for (DynamicEntry e : entries) {
            if (!isString(e.tag())) {
                continue;
            }
            String value = strings.get(e.value(), e.tagName());
            if (e.tag() == DT_NEEDED) {
                needed.add(value);
            } else if (e.tag() == DT_RPATH) {
                rpath.addAll(Arrays.asList(value.split(":", -1)));
            } else if (e.tag() == DT_RUNPATH) {
                runpath.addAll(Arrays.asList(value.split(":", -1)));
            } else if (soname == null) {
                soname = value;
            }
        }
        return new DynamicSection(entries, needed, Optional.ofNullable(soname), rpath, runpath);
    }

    /** The first entry with this tag. */
    Optional<DynamicEntry> find(long tag) {
        return entries.stream().filter(e -> e.tag() == tag).findFirst();
    }

    private static List<DynamicEntry> entries(ByteBuffer table, boolean is64) {
        int size = is64 ? 16 : 8;
        List<DynamicEntry> entries = new ArrayList<>();
        for (int at = 0; at + size <= table.limit(); at += size) {
            long tag = is64 ? table.getLong(at) : table.getInt(at);
            if (tag == DT_NULL) {
                break;
            }
            entries.add(new DynamicEntry(tag, is64 ? table.getLong(at + 8) : BinaryReader.u32(table, at + 4)));
        }
        return entries;
    }

    private static boolean isString(long tag) {
        return tag == DT_NEEDED || tag == DT_SONAME || tag == DT_RPATH || tag == DT_RUNPATH;
    }

    private static StringTable loaderStrings(BinaryReader reader, ByteOrder order, List<ProgramHeader> programs,
                                             List<DynamicEntry> entries, long tableOffset) throws BinaryFormatException {
        DynamicEntry strtab = entries.stream().filter(e -> e.tag() == DT_STRTAB).findFirst()
                .orElseThrow(() -> reader.error(tableOffset, "the dynamic section names libraries or paths but has no DT_STRTAB"));
        DynamicEntry strsz = entries.stream().filter(e -> e.tag() == DT_STRSZ).findFirst()
                .orElseThrow(() -> reader.error(tableOffset, "the dynamic section names libraries or paths but has no DT_STRSZ"));
        for (ProgramHeader p : programs) {
            if (p.type() == PT_LOAD) {
                var offset = p.fileOffsetOf(strtab.value(), strsz.value());
                if (offset.isPresent()) {
                    ByteBuffer bytes = reader.read(offset.getAsLong(), strsz.value(), order, "dynamic string table (DT_STRTAB)");
                    return new StringTable(reader, bytes, offset.getAsLong(), "DT_STRTAB");
                }
            }
        }
        throw reader.error(tableOffset, "DT_STRTAB 0x" + Long.toHexString(strtab.value()) + " with DT_STRSZ " + Long.toUnsignedString(strsz.value())
                + " lies in no PT_LOAD segment's file image");
    }
}
