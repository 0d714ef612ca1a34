package io.gohygiene.binary.elf;

import io.gohygiene.binary.BinaryFormatException;
import io.gohygiene.binary.BinaryReader;
import io.gohygiene.testing.GoBinaries;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.NavigableSet;
import java.util.Optional;
import java.util.TreeSet;

import static io.gohygiene.binary.elf.Elf.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every prefix of real binaries (each byte of the first 4 KiB, every 61st byte up to 256 KiB, and each end of
 * every table the parser reads) gives an ElfFile or a BinaryFormatException, never another exception. And the
 * parser reads exactly the tables it should: a prefix parses if and only if it holds all of them.
 */
class ElfTruncationTest {

    private static final int DENSE = 4096;
    private static final int STRIDE = 61;
    private static final int SPARSE_LIMIT = 256 * 1024;

    /** A byte range of the file the parser must read. */
    record Range(String what, long start, long end) {
    }

    @Test
    @Timeout(300)
    void staticGoBinary(@TempDir Path dir) throws Exception {
        sweep(GoBinaries.build("linux", "amd64"), dir);
    }

    @Test
    @Timeout(300)
    void cgoBinary(@TempDir Path dir) throws Exception {
        sweep(ElfCorpus.cgoAmd64(), dir);
    }

    @Test
    @Timeout(300)
    void systemLs(@TempDir Path dir) throws Exception {
        sweep(Path.of("/bin/ls"), dir);
    }

    private static void sweep(Path source, Path dir) throws Exception {
        long size = Files.size(source);
        List<Range> touched = touched(ElfCorpus.read(source));
        long needed = touched.stream().mapToLong(Range::end).max().orElseThrow();
        NavigableSet<Long> lengths = new TreeSet<>();
        for (long n = 0; n <= Math.min(DENSE, size); n++) {
            lengths.add(n);
        }
        for (long n = DENSE; n <= Math.min(SPARSE_LIMIT, size); n += STRIDE) {
            lengths.add(n);
        }
        for (Range r : touched) {
            for (long n : new long[] {r.start() - 1, r.start(), r.start() + 1, r.end() - 1, r.end(), r.end() + 1}) {
                if (n >= 0 && n <= size) {
                    lengths.add(n);
                }
            }
        }
        lengths.add(size);

        Path copy = Files.copy(source, dir.resolve("prefix"));
        int parsed = 0;
        int rejected = 0;
        try (FileChannel channel = FileChannel.open(copy, StandardOpenOption.WRITE)) {
            for (long length : lengths.descendingSet()) {
                channel.truncate(length);
                Optional<BinaryFormatException> error = readPrefix(copy, length);
                if (error.isPresent()) {
                    rejected++;
                    assertTrue(length < needed, "a " + length + "-byte prefix holds every table (they end at " + needed
                            + ") but was rejected: " + error.get().getMessage());
                    assertEquals(copy, error.get().file());
                } else {
                    parsed++;
                    assertTrue(length >= needed, "a " + length + "-byte prefix parsed, though the table " + last(touched)
                            + " ends at " + needed + ": the parser did not read it");
                }
            }
        }
        assertTrue(parsed > 0 && rejected > DENSE, source + ": " + parsed + " parsed, " + rejected + " rejected");
    }

    private static Optional<BinaryFormatException> readPrefix(Path copy, long length) {
        try (BinaryReader reader = BinaryReader.open(copy)) {
            ElfFile.read(reader);
            return Optional.empty();
        } catch (BinaryFormatException e) {
            return Optional.of(e);
        } catch (RuntimeException | Error e) {
            throw new AssertionError("a " + length + "-byte prefix threw " + e + " instead of BinaryFormatException", e);
        }
    }

    private static Range last(List<Range> touched) {
        return touched.stream().max((a, b) -> Long.compare(a.end(), b.end())).orElseThrow();
    }

    /** The tables ElfFile.read must read, by the rules it documents. */
    static List<Range> touched(ElfFile elf) {
        ElfHeader h = elf.header();
        List<Range> ranges = new ArrayList<>();
        ranges.add(new Range("file header", 0, h.is64() ? 64 : 52));
        if (h.phoff() != 0 && !elf.programHeaders().isEmpty()) {
            ranges.add(new Range("program headers", h.phoff(), h.phoff() + (long) elf.programHeaders().size() * h.phentsize()));
        }
        List<SectionHeader> sections = elf.sections();
        if (h.shoff() != 0) {
            ranges.add(new Range("section headers", h.shoff(), h.shoff() + (long) Math.max(1, sections.size()) * h.shentsize()));
        }
        long nameIndex = h.shstrndx() == SHN_XINDEX ? sections.get(0).link() : h.shstrndx();
        if (nameIndex != 0) {
            add(ranges, sections.get((int) nameIndex));
        }
        for (SectionHeader s : sections) {
            if (s.type() == SHT_NOTE) {
                add(ranges, s);
            }
        }
        first(sections, SHT_DYNAMIC).ifPresent(d -> {
            add(ranges, d);
            if (!elf.needed().isEmpty() || !elf.rpath().isEmpty() || !elf.runpath().isEmpty() || elf.soname().isPresent()) {
                add(ranges, sections.get((int) d.link()));
            }
        });
        first(sections, SHT_GNU_VERNEED).ifPresent(v -> {
            add(ranges, v);
            add(ranges, sections.get((int) v.link()));
        });
        Optional<SectionHeader> versym = first(sections, SHT_GNU_VERSYM);
        if (versym.isPresent() && !elf.versionNeeds().isEmpty()) {
            SectionHeader dynsym = sections.get((int) versym.get().link());
            add(ranges, versym.get());
            add(ranges, dynsym);
            add(ranges, sections.get((int) dynsym.link()));
        }
        for (ProgramHeader p : elf.programHeaders()) {
            if (p.type() == PT_INTERP) {
                ranges.add(new Range("PT_INTERP", p.offset(), p.offset() + p.filesz()));
            }
        }
        assertTrue(!sections.isEmpty(), "the sweep is for files with section headers");
        return ranges;
    }

    private static Optional<SectionHeader> first(List<SectionHeader> sections, int type) {
        return sections.stream().filter(s -> s.type() == type).findFirst();
    }

    private static void add(List<Range> ranges, SectionHeader s) {
        if (s.hasFileData()) {
            ranges.add(new Range(s.name(), s.offset(), s.offset() + s.size()));
        }
    }
}
