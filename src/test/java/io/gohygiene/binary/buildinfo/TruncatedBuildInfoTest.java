package io.gohygiene.binary.buildinfo;

import io.gohygiene.binary.BinaryFormatException;
import io.gohygiene.binary.BinaryReader;
import io.gohygiene.binary.elf.ElfFile;
import io.gohygiene.binary.elf.ProgramHeader;
import io.gohygiene.binary.elf.SectionHeader;
import io.gohygiene.testing.GoBuild;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static io.gohygiene.binary.elf.Elf.PT_LOAD;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Real binaries cut short at every byte of their build-info blob: each prefix of the file reads as empty (the magic
 * is gone) or fails with a BinaryFormatException (the magic is there, the rest is not), never anything else; once
 * the whole blob is in the file the result is the full one. The {@link ElfFile} given to {@link BuildInfoReader#read}
 * is read once from the uncut file and still describes it, so the image path also meets segments that run past the
 * end of the file (reading the cut copy's own ElfFile would mostly stop at its lost section header table instead).
 */
@Timeout(300)
class TruncatedBuildInfoTest {

    enum Outcome { EMPTY, REJECTED, READ }

    @TempDir
    Path dir;

    @Test
    void everyCutInsideAnInlineBlob() throws Exception {
        Path exe = GoBuild.of("withdeps", "linux", "amd64").build();
        ElfFile image = readElf(exe);
        SectionHeader section = image.section(".go.buildinfo").orElseThrow();
        BuildInfo full = Differential.readInlineAgrees(exe);
        List<Long> cuts = new ArrayList<>();
        for (long c = section.offset() + section.size(); c >= section.offset() - 16; c--) {
            cuts.add(c);
        }
        List<Outcome> inline = new ArrayList<>();
        List<Outcome> throughImage = new ArrayList<>();
        sweep("inline", exe, cuts, reader -> BuildInfoReader.readInline(reader, section.offset(), section.size()), full, inline);
        sweep("image", exe, cuts, reader -> BuildInfoReader.read(reader, image), full, throughImage);
        assertEquals(inline, throughImage, "both entry points see the same prefixes the same way");
        assertPhases(cuts, inline, section.offset());
    }

    @Test
    void everyCutInsideAPointerBlobAndThroughTheDataItPointsAt() throws Exception {
        Path exe = GoBuild.of("withdeps", "linux", "s390x").toolchain("go1.17.13").goflags("").build();
        ElfFile image = readElf(exe);
        SectionHeader section = image.section(".go.buildinfo").orElseThrow();
        BuildInfo full = Differential.readThroughImageAgrees(exe);
        ProgramHeader data = image.programHeaders().stream().filter(p -> p.type() == PT_LOAD && p.writable())
                .findFirst().orElseThrow();
        List<Long> cuts = new ArrayList<>();
        // Every 8 bytes through the writable segment (the string headers live there), every byte through the blob.
        for (long c = data.offset() + data.filesz(); c > section.offset() + 48; c -= 8) {
            cuts.add(c);
        }
        for (long c = section.offset() + 48; c >= section.offset() - 16; c--) {
            cuts.add(c);
        }
        List<Outcome> outcomes = new ArrayList<>();
        sweep("pointer", exe, cuts, reader -> BuildInfoReader.read(reader, image), full, outcomes);
        assertPhases(cuts, outcomes, section.offset());
    }

    /** The uncut file's ELF headers, as the production path reads them. */
    private static ElfFile readElf(Path exe) throws Exception {
        try (BinaryReader reader = BinaryReader.open(exe)) {
            return ElfFile.read(reader);
        }
    }

    interface Read {
        Optional<BuildInfo> apply(BinaryReader reader) throws BinaryFormatException;
    }

    /** Cuts a copy of {@code exe} at each of {@code cuts} (descending) and records how {@code read} saw it. */
    private void sweep(String name, Path exe, List<Long> cuts, Read read, BuildInfo full, List<Outcome> outcomes) throws Exception {
        Path copy = dir.resolve(name);
        Files.copy(exe, copy);
        try (RandomAccessFile file = new RandomAccessFile(copy.toFile(), "rw")) {
            for (long cut : cuts) {
                file.setLength(cut);
                try (BinaryReader reader = BinaryReader.open(copy)) {
                    Optional<BuildInfo> info = read.apply(reader);
                    if (info.isPresent()) {
                        assertEquals(full, info.get(), "cut at " + cut);
                        outcomes.add(Outcome.READ);
                    } else {
                        outcomes.add(Outcome.EMPTY);
                    }
                } catch (BinaryFormatException e) {
                    assertEquals(copy, e.file());
                    assertTrue(e.offset() >= 0 && !e.reason().isBlank(), e.getMessage());
                    outcomes.add(Outcome.REJECTED);
                } catch (RuntimeException | Error e) {
                    fail("cut at " + cut + ": " + e, e);
                }
            }
        }
    }

    /** Descending cuts: READ while the blob is whole, then REJECTED while the magic remains, then EMPTY. */
    private static void assertPhases(List<Long> cuts, List<Outcome> outcomes, long blobOffset) {
        int phase = 0;
        for (int i = 0; i < cuts.size(); i++) {
            Outcome o = outcomes.get(i);
            long cut = cuts.get(i);
            Outcome expected = cut < blobOffset + BuildInfoHeader.MAGIC.length() ? Outcome.EMPTY : null;
            if (expected != null) {
                assertEquals(expected, o, "cut at " + cut + " removes the magic");
            }
            int rank = switch (o) {
                case READ -> 0;
                case REJECTED -> 1;
                case EMPTY -> 2;
            };
            assertTrue(rank >= phase, "cut at " + cut + " gave " + o + " after a shorter-phase outcome: " + outcomes);
            phase = rank;
        }
        assertEquals(Outcome.READ, outcomes.get(0), "the uncut blob reads");
        assertTrue(outcomes.contains(Outcome.REJECTED), "some cuts leave the magic and lose the rest");
    }
}
