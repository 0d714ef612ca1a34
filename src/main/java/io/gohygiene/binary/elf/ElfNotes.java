package io.gohygiene.binary.elf;

import io.gohygiene.binary.BinaryFormatException;
import io.gohygiene.binary.BinaryReader;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

import static io.gohygiene.binary.elf.Elf.*;

/**
 * What the notes say (gABI "Note Section"): Go's build ID (name "Go", type 4), the GNU build ID (name "GNU",
 * NT_GNU_BUILD_ID) and an OS brand note (FreeBSD, NetBSD, OpenBSD ident notes). Read from the SHT_NOTE sections,
 * or from the PT_NOTE segments when the file has no section headers. Entries are padded to the section's
 * alignment (4, or 8 for the 8-aligned GNU property notes), as binutils reads them.
 *
 * @param os the GOOS an OS brand note names
 */
record ElfNotes(Optional<String> goBuildId, Optional<String> gnuBuildId, Optional<String> os) {

    static ElfNotes read(BinaryReader reader, ElfHeader header, List<ProgramHeader> programs, SectionTable sections)
            throws BinaryFormatException {
        Scan scan = new Scan(reader);
        if (!sections.list().isEmpty()) {
            for (int i = 0; i < sections.list().size(); i++) {
                SectionHeader s = sections.get(i);
                if (s.type() == SHT_NOTE) {
                    scan.notes(sections.data(i), sections.contentOffset(i), s.addralign(), sections.describe(i));
                }
            }
        } else {
            for (ProgramHeader p : programs) {
                if (p.type() == PT_NOTE) {
                    scan.notes(ElfParser.segmentData(reader, header, p, "PT_NOTE segment"), p.offset(), p.align(), "PT_NOTE segment");
                }
            }
        }
        return new ElfNotes(Optional.ofNullable(scan.goBuildId), Optional.ofNullable(scan.gnuBuildId), Optional.ofNullable(scan.os));
    }

    private static final class Scan {
        private final BinaryReader reader;
        private String goBuildId;
        private String gnuBuildId;
        private String os;

        Scan(BinaryReader reader) {
            this.reader = reader;
        }

        void notes(ByteBuffer data, long base, long alignment, String what) throws BinaryFormatException {
            long align = alignment == 8 ? 8 : 4;
            long at = 0;
            while (data.limit() - at >= 12) {
                int pos = (int) at;
                long nameSize = BinaryReader.u32(data, pos);
                long descSize = BinaryReader.u32(data, pos + 4);
                long type = BinaryReader.u32(data, pos + 8);
                long descAt = alignUp(at + 12 + nameSize, align);
                long end = alignUp(descAt + descSize, align);
                if (at + 12 + nameSize > data.limit() || (descSize > 0 && descAt + descSize > data.limit())) {
                    throw reader.error(base + at, what + ": note with namesz " + nameSize + " and descsz " + descSize
                            + " runs past the " + data.limit() + "-byte section");
                }
                take(name(data, pos + 12, (int) nameSize), type, data, (int) descAt, (int) descSize);
                at = end;
            }
        }

        private void take(String name, long type, ByteBuffer data, int descAt, int descSize) {
            if (name.equals("Go") && type == NT_GO_BUILD_ID && goBuildId == null) {
                goBuildId = new String(bytes(data, descAt, descSize), StandardCharsets.UTF_8);
            } else if (name.equals("GNU") && type == NT_GNU_BUILD_ID && gnuBuildId == null) {
                gnuBuildId = HexFormat.of().formatHex(bytes(data, descAt, descSize));
            } else if (type == NT_FREEBSD_ABI_TAG && os == null) {
                os = switch (name) {
                    case "FreeBSD" -> "freebsd";
                    case "NetBSD" -> "netbsd";
                    case "OpenBSD" -> "openbsd";
                    default -> null;
                };
            }
        }

        private static byte[] bytes(ByteBuffer data, int at, int size) {
            byte[] bytes = new byte[size];
            if (size > 0) {
                data.get(at, bytes);
            }
            return bytes;
        }

        /** The note name without its NUL padding ("Go\0\0" from Go's linker is "Go"). */
        private static String name(ByteBuffer data, int at, int size) {
            int length = 0;
            while (length < size && data.get(at + length) != 0) {
                length++;
            }
            byte[] bytes = new byte[length];
            data.get(at, bytes);
            return new String(bytes, StandardCharsets.UTF_8);
        }

        private static long alignUp(long value, long align) {
            return (value + align - 1) & -align;
        }
    }
}
