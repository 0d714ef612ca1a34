package io.gohygiene.binary;

import io.gohygiene.binary.buildinfo.BuildInfoReader;
import io.gohygiene.binary.elf.ElfFile;
import io.gohygiene.binary.macho.MachoFile;
import io.gohygiene.binary.macho.MachoFiles;
import io.gohygiene.binary.pe.PeFile;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
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

    /** The report of {@code file}; a malformed build-info blob is an error like any other malformed structure. */
    public static BinaryReport inspect(Path file) throws BinaryFormatException {
        BinaryReport report = inspectKeepingBuildInfoErrors(file);
        for (InspectedImage image : report.images()) {
            if (image.buildInfoError().isPresent()) {
                throw image.buildInfoError().get();
            }
        }
        return report;
    }

    /**
     * As {@link #inspect}, except that a malformed build-info blob is kept in its image
     * ({@link InspectedImage#buildInfoError()}) instead of thrown: verify reports it as a finding of rule buildinfo
     * and still checks everything else the file holds.
     */
    public static BinaryReport inspectKeepingBuildInfoErrors(Path file) throws BinaryFormatException {
        try (BinaryReader reader = BinaryReader.open(file)) {
            if (reader.size() < 4) {
                throw reader.error(0, "the file is " + reader.size() + " bytes, too short for any executable header");
            }
            int big = reader.read(0, 4, ByteOrder.BIG_ENDIAN, "magic number").getInt(0);
            ExecutableFormat format = formatOf(big).orElseThrow(() ->
                    reader.error(0, String.format("unknown magic 0x%08x: not an ELF, Mach-O or PE executable", big)));
            List<InspectedImage> images = new ArrayList<>();
            switch (format) {
                case ELF -> images.add(inspected(reader, ElfFile.read(reader)));
                case PE -> images.add(inspected(reader, PeFile.read(reader)));
                default -> {
                    for (MachoFile image : MachoFiles.readAll(reader)) {
                        images.add(inspected(reader, image));
                    }
                }
            }
            return new BinaryReport(file, reader.size(), format, images);
        }
    }

    /**
     * Fails, naming what {@code file} is instead, unless it is a regular file (symbolic links followed): a named
     * pipe ("is a named pipe (FIFO), not a binary"), a device, a directory, a missing file. The check verify runs
     * before it reads a binary; {@link #inspect} runs it too.
     */
    public static void requireRegularFile(Path file) throws BinaryFormatException {
        Optional<String> problem = FileKind.notRegular(file);
        if (problem.isPresent()) {
            throw new BinaryFormatException(file, problem.get());
        }
    }

    /**
     * The format a file's magic number names, reading its first four bytes and nothing else; empty for anything
     * else (a script, a file shorter than a magic number, one that cannot be read, anything but a regular file).
     */
    public static Optional<ExecutableFormat> formatOf(Path file) {
        if (FileKind.notRegular(file).isPresent()) {
            return Optional.empty(); // a named pipe would block the read below
        }
        byte[] head = new byte[4];
        try (InputStream in = Files.newInputStream(file)) {
            if (in.readNBytes(head, 0, 4) < 4) {
                return Optional.empty();
            }
        } catch (IOException e) {
            return Optional.empty();
        }
        return formatOf(ByteBuffer.wrap(head).order(ByteOrder.BIG_ENDIAN).getInt(0));
    }

    /** The format the first four bytes, read big-endian, name. */
    private static Optional<ExecutableFormat> formatOf(int big) {
        int little = Integer.reverseBytes(big);
        if (big == ELF_MAGIC) {
            return Optional.of(ExecutableFormat.ELF);
        } else if (big == FAT_MAGIC || big == FAT_MAGIC_64) {
            return Optional.of(ExecutableFormat.MACHO_UNIVERSAL);
        } else if (big == MH_MAGIC || big == MH_MAGIC_64 || little == MH_MAGIC || little == MH_MAGIC_64) {
            return Optional.of(ExecutableFormat.MACHO);
        } else if ((big >>> 16) == 0x4d5a) { // "MZ"
            return Optional.of(ExecutableFormat.PE);
        }
        return Optional.empty();
    }

    private static InspectedImage inspected(BinaryReader reader, ExecutableFile executable) {
        try {
            return new InspectedImage(executable, BuildInfoReader.read(reader, executable));
        } catch (BinaryFormatException e) {
            return new InspectedImage(executable, Optional.empty(), Optional.of(e));
        }
    }
}
