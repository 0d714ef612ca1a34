package io.gohygiene.binary.buildinfo;

import io.gohygiene.binary.BinaryFormatException;
import io.gohygiene.binary.BinaryReader;
import io.gohygiene.binary.elf.ElfFile;
import io.gohygiene.binary.elf.SectionHeader;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertTrue;

/** Reads a real binary with each entry point of {@link BuildInfoReader} and compares with {@code go version -m}. */
final class Differential {

    private static final byte[] ELF_MAGIC = {0x7f, 'E', 'L', 'F'};

    private Differential() {
    }

    /**
     * {@link BuildInfoReader#readInline} over the {@code .go.buildinfo} section (as {@link ElfFile} reads the section
     * headers) of an ELF file, or over the whole file for Mach-O and PE (no parsers for those yet: the search runs
     * through the file in 1 MiB chunks).
     */
    static BuildInfo readInlineAgrees(Path file) throws BinaryFormatException, IOException {
        BuildInfo info;
        try (BinaryReader reader = BinaryReader.open(file)) {
            Optional<BuildInfo> read;
            if (isElf(file)) {
                SectionHeader section = ElfFile.read(reader).section(".go.buildinfo")
                        .orElseThrow(() -> new AssertionError("ElfFile finds no .go.buildinfo in " + file));
                read = BuildInfoReader.readInline(reader, section.offset(), section.size());
            } else {
                read = BuildInfoReader.readInline(reader, 0, reader.size());
            }
            assertTrue(read.isPresent(), "no build info found in " + file);
            info = read.get();
        }
        assertTrue(info.inline(), "Go 1.18+ binaries use the inline layout: " + file);
        GoVersionM.of(file).assertAgrees(info, file);
        return info;
    }

    /**
     * {@link BuildInfoReader#read} of an ELF file through its {@link ElfFile}, the production path
     * ({@code BuildInfoReader.read(reader, ElfFile.read(reader))}): both layouts.
     */
    static BuildInfo readThroughImageAgrees(Path file) throws BinaryFormatException {
        BuildInfo info;
        try (BinaryReader reader = BinaryReader.open(file)) {
            info = BuildInfoReader.read(reader, ElfFile.read(reader))
                    .orElseThrow(() -> new AssertionError("no build info found in " + file));
        }
        GoVersionM.of(file).assertAgrees(info, file);
        return info;
    }

    static boolean isElf(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return Arrays.equals(in.readNBytes(4), ELF_MAGIC);
        }
    }
}
