package io.gohygiene.binary.macho;

import io.gohygiene.binary.BinaryFormatException;
import io.gohygiene.binary.BinaryReader;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The header of a universal ("fat") Mach-O file (mach-o/fat.h): a big-endian {@code fat_header} followed by
 * {@code nfat_arch} {@code fat_arch} (FAT_MAGIC) or {@code fat_arch_64} (FAT_MAGIC_64) entries, each naming a
 * slice that is an ordinary Mach-O image.
 */
public final class FatFile {

    public static final int FAT_MAGIC = 0xcafebabe;
    public static final int FAT_CIGAM = 0xbebafeca;
    public static final int FAT_MAGIC_64 = 0xcafebabf;
    public static final int FAT_CIGAM_64 = 0xbfbafeca;

    public static final int FAT_HEADER_SIZE = 8;
    public static final int FAT_ARCH_SIZE = 20;
    public static final int FAT_ARCH_64_SIZE = 32;

    /**
     * No real universal file holds more slices. 0xcafebabe is also the Java class-file magic, followed by the
     * minor and major version: read as nfat_arch that is at least 45 (JDK 1.1), so it is rejected here.
     */
    public static final int MAX_FAT_ARCHES = 32;
    private static final int FIRST_CLASS_FILE_MAJOR = 45;
    private static final int LAST_PLAUSIBLE_CLASS_FILE_MAJOR = 255;

    private FatFile() {
    }

    /** Whether the file starts with FAT_MAGIC or FAT_MAGIC_64 (which a Java class file also does). */
    public static boolean isUniversal(BinaryReader reader) throws BinaryFormatException {
        if (reader.size() < 4) {
            return false;
        }
        int magic = reader.read(0, 4, ByteOrder.BIG_ENDIAN, "magic").getInt(0);
        return magic == FAT_MAGIC || magic == FAT_MAGIC_64;
    }

    /**
     * The slices of a universal file, in header order. Fails on a count no universal file has, on slices outside
     * the file or over the header, on overlapping slices and on two slices for the same architecture.
     */
    public static List<FatArch> read(BinaryReader reader) throws BinaryFormatException {
        if (reader.size() < FAT_HEADER_SIZE) {
            throw reader.error(0, "file is " + reader.size() + " bytes, too short for a fat_header");
        }
        ByteBuffer header = reader.read(0, FAT_HEADER_SIZE, ByteOrder.BIG_ENDIAN, "fat_header");
        int magic = header.getInt(0);
        if (magic != FAT_MAGIC && magic != FAT_MAGIC_64) {
            throw reader.error(0, String.format("magic 0x%08x is neither FAT_MAGIC (0xcafebabe) nor FAT_MAGIC_64 (0xcafebabf):"
                    + " not a universal Mach-O file", magic));
        }
        long count = BinaryReader.u32(header, 4);
        if (count == 0) {
            throw reader.error(4, "fat_header nfat_arch is 0: a universal file with no slices");
        }
        if (count > MAX_FAT_ARCHES) {
            long major = count & 0xffff; // a class file has u2 minor_version, u2 major_version here
            String javaHint = magic == FAT_MAGIC && major >= FIRST_CLASS_FILE_MAJOR && major <= LAST_PLAUSIBLE_CLASS_FILE_MAJOR
                    ? "; a Java class file (major version " + major + ") starts like this" : "";
            throw reader.error(4, "fat_header nfat_arch is " + count + ", more than the " + MAX_FAT_ARCHES
                    + " slices a universal Mach-O file holds: not a universal Mach-O file" + javaHint);
        }
        boolean is64 = magic == FAT_MAGIC_64;
        int entrySize = is64 ? FAT_ARCH_64_SIZE : FAT_ARCH_SIZE;
        long tableEnd = FAT_HEADER_SIZE + count * entrySize;
        ByteBuffer table = reader.read(FAT_HEADER_SIZE, count * entrySize, ByteOrder.BIG_ENDIAN, "fat_arch table");
        List<FatArch> arches = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            int e = i * entrySize;
            long at = FAT_HEADER_SIZE + e;
            long offset = is64 ? table.getLong(e + 8) : BinaryReader.u32(table, e + 8);
            long size = is64 ? table.getLong(e + 16) : BinaryReader.u32(table, e + 12);
            long align = BinaryReader.u32(table, e + (is64 ? 24 : 16));
            FatArch arch = new FatArch(table.getInt(e), table.getInt(e + 4), offset, size, align);
            String slice = "slice " + i + " (" + arch.cpuName() + ")";
            if (size == 0) {
                throw reader.error(at, slice + " is empty");
            }
            if (Long.compareUnsigned(offset, tableEnd) < 0) {
                throw reader.error(at, slice + " at offset " + Long.toUnsignedString(offset) + " overlaps the "
                        + tableEnd + "-byte fat header");
            }
            if (Long.compareUnsigned(offset, reader.size()) > 0 || Long.compareUnsigned(size, reader.size() - offset) > 0) {
                throw reader.error(at, slice + " (" + Long.toUnsignedString(size) + " bytes at offset "
                        + Long.toUnsignedString(offset) + ") lies outside the " + reader.size() + "-byte file");
            }
            for (FatArch seen : arches) {
                if (seen.cputype() == arch.cputype() && seen.cpusubtype() == arch.cpusubtype()) {
                    throw reader.error(at, slice + " repeats the architecture of an earlier slice");
                }
            }
            arches.add(arch);
        }
        requireDisjoint(reader, arches);
        return List.copyOf(arches);
    }

    private static void requireDisjoint(BinaryReader reader, List<FatArch> arches) throws BinaryFormatException {
        List<FatArch> byOffset = new ArrayList<>(arches);
        byOffset.sort(Comparator.comparingLong(FatArch::offset));
        for (int i = 1; i < byOffset.size(); i++) {
            FatArch previous = byOffset.get(i - 1);
            FatArch next = byOffset.get(i);
            if (previous.offset() + previous.size() > next.offset()) {
                throw reader.error(next.offset(), "slice " + next.cpuName() + " at offset " + next.offset()
                        + " overlaps slice " + previous.cpuName() + " (" + previous.size() + " bytes at offset "
                        + previous.offset() + ")");
            }
        }
    }
}
