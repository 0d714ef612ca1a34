package io.gohygiene.binary;

import io.gohygiene.binary.buildinfo.BuildInfo;
import io.gohygiene.binary.buildinfo.BuildInfoReader;
import io.gohygiene.binary.elf.ElfFile;
import io.gohygiene.binary.macho.MachoFile;
import io.gohygiene.binary.macho.MachoFiles;
import io.gohygiene.binary.pe.PeFile;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The one entry point of binary inspection: recognises the format by its magic, runs that format's parser and
 * the Go build-info reader on every image, and returns an immutable report. Reads only headers and the tables
 * the report needs, so the cost does not grow with the file.
 */
public final class BinaryInspector {

    private static final int ELF_MAGIC = 0x7f454c46;
    private static final int MH_MAGIC = 0xfeedface;
    private static final int MH_MAGIC_64 = 0xfeedfacf;
    private static final int FAT_MAGIC = 0xcafebabe;
    private static final int FAT_MAGIC_64 = 0xcafebabf;

    private BinaryInspector() {
    }

    public static BinaryReport inspect(Path file) throws BinaryFormatException {
        try (BinaryReader reader = BinaryReader.open(file)) {
            if (reader.size() < 4) {
                throw reader.error(0, "the file is " + reader.size() + " bytes, too short for any executable header");
            }
            ByteBuffer magic = reader.read(0, 4, ByteOrder.BIG_ENDIAN, "magic number");
            int big = magic.getInt(0);
            int little = Integer.reverseBytes(big);
            List<InspectedImage> images = new ArrayList<>();
            ExecutableFormat format;
            if (big == ELF_MAGIC) {
                format = ExecutableFormat.ELF;
                images.add(inspected(reader, ElfFile.read(reader)));
            } else if (big == FAT_MAGIC || big == FAT_MAGIC_64) {
                format = ExecutableFormat.MACHO_UNIVERSAL;
                for (MachoFile slice : MachoFiles.readAll(reader)) {
                    images.add(inspected(reader, slice));
                }
            } else if (big == MH_MAGIC || big == MH_MAGIC_64 || little == MH_MAGIC || little == MH_MAGIC_64) {
                format = ExecutableFormat.MACHO;
                for (MachoFile image : MachoFiles.readAll(reader)) {
                    images.add(inspected(reader, image));
                }
            } else if ((big >>> 16) == 0x4d5a) { // "MZ"
                format = ExecutableFormat.PE;
                images.add(inspected(reader, PeFile.read(reader)));
            } else {
                throw reader.error(0, String.format("unknown magic 0x%08x: not an ELF, Mach-O or PE executable", big));
            }
            return new BinaryReport(file, reader.size(), format, images);
        }
    }

    private static InspectedImage inspected(BinaryReader reader, ExecutableFile executable) throws BinaryFormatException {
        Optional<BuildInfo> buildInfo = BuildInfoReader.read(reader, executable);
        return new InspectedImage(executable, buildInfo);
    }
}
