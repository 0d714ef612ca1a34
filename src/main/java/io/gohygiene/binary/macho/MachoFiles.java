package io.gohygiene.binary.macho;

import io.gohygiene.binary.BinaryFormatException;
import io.gohygiene.binary.BinaryReader;

import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;

/** The one entry point for a Mach-O file on disk, thin or universal. */
public final class MachoFiles {

    private MachoFiles() {
    }

    /**
     * Every image in the file: one for a thin Mach-O, one per slice (in fat_arch order) for a universal file.
     * Unlike Go's debug/buildinfo, which reads only the first slice, every slice is read.
     */
    public static List<MachoFile> readAll(BinaryReader reader) throws BinaryFormatException {
        if (reader.size() < 4) {
            throw reader.error(0, "file is " + reader.size() + " bytes, too short for a Mach-O magic number");
        }
        int magic = reader.read(0, 4, ByteOrder.BIG_ENDIAN, "magic").getInt(0);
        if (magic == FatFile.FAT_MAGIC || magic == FatFile.FAT_MAGIC_64) {
            List<MachoFile> slices = new ArrayList<>();
            List<FatArch> arches = FatFile.read(reader);
            for (int i = 0; i < arches.size(); i++) {
                FatArch arch = arches.get(i);
                MachoFile slice = MachoParser.parse(reader, arch.offset(), arch.size(), true);
                if (slice.cputype() != arch.cputype()) {
                    throw reader.error(arch.offset() + 4, "slice " + i + " is listed in the fat header as " + arch.cpuName()
                            + " but its mach_header says " + slice.cpuName());
                }
                slices.add(slice);
            }
            return List.copyOf(slices);
        }
        if (magic == MachHeader.MH_MAGIC || magic == MachHeader.MH_MAGIC_64
                || magic == MachHeader.MH_CIGAM || magic == MachHeader.MH_CIGAM_64) {
            return List.of(MachoFile.read(reader, 0, reader.size()));
        }
        throw reader.error(0, String.format("magic 0x%08x is none of MH_MAGIC, MH_MAGIC_64 (either byte order), FAT_MAGIC"
                + " or FAT_MAGIC_64: not a Mach-O file", magic));
    }
}
