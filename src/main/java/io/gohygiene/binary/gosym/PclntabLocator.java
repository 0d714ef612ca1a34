package io.gohygiene.binary.gosym;

import io.gohygiene.binary.BinaryFormatException;
import io.gohygiene.binary.BinaryReader;
import io.gohygiene.binary.ExecutableImage;
import io.gohygiene.binary.elf.Elf;
import io.gohygiene.binary.elf.ElfFile;
import io.gohygiene.binary.elf.ProgramHeader;
import io.gohygiene.binary.macho.MachoFile;
import io.gohygiene.binary.macho.Section;
import io.gohygiene.binary.pe.PeFile;
import io.gohygiene.binary.pe.SectionHeader;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Finds the pclntab the way govulncheck does (x/vuln internal/buildinfo): the section the linker names for it
 * ({@code .gopclntab} in ELF, {@code __gopclntab} in Mach-O), which survives {@code -s -w}, or in PE the
 * {@code runtime.pclntab} symbols, which {@code -s} removes; else a search of the image's read-only data (ELF
 * without section headers: its read-only PT_LOAD segments) for a pclntab header whose pointer size is the image's
 * and whose first and last function names read.
 */
final class PclntabLocator {

    /** A range of the file: where a pclntab lies, or where to search for one. */
    record Range(long fileOffset, long size) {
    }

    private static final int SEARCH_CHUNK = 1 << 20;
    private static final long SHF_ALLOC = 0x2;
    private static final long SHF_EXECINSTR = 0x4;

    private PclntabLocator() {
    }

    static Pclntab locate(ExecutableImage image, BinaryReader reader) throws BinaryFormatException {
        Optional<Range> section = namedSection(image, reader);
        if (section.isPresent()) {
            return Pclntab.open(reader, section.get().fileOffset(), section.get().size());
        }
        for (Range region : searchRegions(image, reader)) {
            Optional<Pclntab> found = search(reader, region, image.pointerSize());
            if (found.isPresent()) {
                return found.get();
            }
        }
        String named = image instanceof MachoFile ? "__gopclntab section" : image instanceof PeFile ? "runtime.pclntab symbol" : ".gopclntab section";
        throw reader.error(0, "no Go pclntab: no " + named + " and no pclntab header in the read-only data"
                + " (not a Go binary, or one built by Go before 1.2)");
    }

    private static Optional<Range> namedSection(ExecutableImage image, BinaryReader reader) {
        if (image instanceof PeFile pe) {
            try {
                return PeSymbols.pclntab(pe, reader).map(r -> clip(reader, r.fileOffset(), r.size()));
            } catch (BinaryFormatException e) {
                return Optional.empty(); // a garbled symbol table: the search below may still find the table
            }
        }
        if (image instanceof ElfFile elf) {
            return elf.section(".gopclntab").filter(s -> s.hasFileData())
                    .map(s -> clip(reader, s.offset(), s.size()));
        }
        if (image instanceof MachoFile macho) {
            return macho.sections().stream().filter(s -> s.sectname().equals("__gopclntab") && !s.isZeroFill()).findFirst()
                    .map(s -> clip(reader, macho.offset() + s.offset(), Math.min(s.size(), macho.size() - s.offset())));
        }
        return Optional.empty();
    }

    /** Where a pclntab may be when no section names it: data that is loaded, held in the file and not code. */
    private static List<Range> searchRegions(ExecutableImage image, BinaryReader reader) {
        List<Range> regions = new ArrayList<>();
        if (image instanceof ElfFile elf) {
            for (io.gohygiene.binary.elf.SectionHeader s : elf.sections()) {
                if (s.hasFileData() && (s.flags() & SHF_ALLOC) != 0 && (s.flags() & SHF_EXECINSTR) == 0) {
                    regions.add(clip(reader, s.offset(), s.size()));
                }
            }
            if (elf.sections().isEmpty()) {
                // Section headers removed (sstrip, or a hostile e_shoff 0): the read-only segments the loader maps.
                for (ProgramHeader p : elf.programHeaders()) {
                    if (p.type() == Elf.PT_LOAD && (p.flags() & Elf.PF_X) == 0 && (p.flags() & Elf.PF_W) == 0) {
                        regions.add(clip(reader, p.offset(), p.filesz()));
                    }
                }
            }
        } else if (image instanceof MachoFile macho) {
            for (Section s : macho.sections()) {
                if (!s.isZeroFill() && !s.sectname().equals("__text") && s.offset() < macho.size()) {
                    regions.add(clip(reader, macho.offset() + s.offset(), Math.min(s.size(), macho.size() - s.offset())));
                }
            }
        } else if (image instanceof PeFile pe) {
            for (SectionHeader s : pe.sections()) {
                if ((s.characteristics() & SectionHeader.IMAGE_SCN_CNT_INITIALIZED_DATA) != 0
                        && (s.characteristics() & SectionHeader.IMAGE_SCN_MEM_EXECUTE) == 0) {
                    regions.add(clip(reader, s.pointerToRawData(), s.fileBackedSize()));
                }
            }
        }
        return regions;
    }

    private static Range clip(BinaryReader reader, long offset, long size) {
        if (offset < 0 || offset >= reader.size() || size < 0) {
            return new Range(Math.max(0, Math.min(offset, reader.size())), 0);
        }
        return new Range(offset, Math.min(size, reader.size() - offset));
    }

    /**
     * The first header in {@code region} (any byte offset; chunks overlap by a header's length) that opens and whose
     * first and last function names read; a header that does not is a chance match and the search goes on.
     */
    private static Optional<Pclntab> search(BinaryReader reader, Range region, int pointerSize) throws BinaryFormatException {
        long end = region.fileOffset() + region.size();
        for (long at = region.fileOffset(); at < end - Pclntab.MIN_HEADER; at += SEARCH_CHUNK) {
            ByteBuffer chunk = reader.read(at, Math.min(SEARCH_CHUNK + 7L, end - at), ByteOrder.LITTLE_ENDIAN, "pclntab search chunk");
            for (int i = 0; i + 8 <= chunk.limit(); i++) {
                if (chunk.get(i + 7) == pointerSize && Pclntab.versionOf(chunk, i) != 0) {
                    Optional<Pclntab> table = validated(reader, at + i, end - (at + i));
                    if (table.isPresent()) {
                        return table;
                    }
                }
            }
        }
        return Optional.empty();
    }

    private static Optional<Pclntab> validated(BinaryReader reader, long start, long size) {
        try {
            Pclntab table = Pclntab.open(reader, start, size);
            if (table.header().functionCount() == 0 || !table.namesRead(0) || !table.namesRead(table.header().functionCount() - 1)) {
                return Optional.empty();
            }
            return Optional.of(table);
        } catch (BinaryFormatException e) {
            return Optional.empty();
        }
    }
}
