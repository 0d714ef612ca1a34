package io.gohygiene.binary.elf;

import io.gohygiene.binary.BinaryFormatException;
import io.gohygiene.binary.BinaryReader;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;

import static io.gohygiene.binary.elf.Elf.*;

/**
 * GNU symbol versioning, the part a consumer needs: {@code .gnu.version_r} (Elf_Verneed records, each with a chain
 * of Elf_Vernaux), and for each undefined symbol of {@code .dynsym} the version {@code .gnu.version} binds it to.
 * The vn_next/vna_next chains are walked for as many records as sh_info/vn_cnt say (readelf's reading), and every
 * record read spends one of the section's size / 16 record slots, so no chain can loop or overlap itself.
 */
final class SymbolVersioning {

    private static final int RECORD = 16; // sizeof(Elf32_Verneed) == sizeof(Elf64_Verneed) == sizeof(Elf_Vernaux)

    private final BinaryReader reader;
    private final SectionTable sections;
    private final boolean is64;

    SymbolVersioning(BinaryReader reader, SectionTable sections, boolean is64) {
        this.reader = reader;
        this.sections = sections;
        this.is64 = is64;
    }

    List<VersionNeed> versionNeeds() throws BinaryFormatException {
        OptionalInt found = sections.firstOfType(SHT_GNU_VERNEED);
        if (found.isEmpty() || !sections.get(found.getAsInt()).hasFileData()) {
            return List.of(); // none, or emptied to SHT_NOBITS as in a separate debug-info file
        }
        int index = found.getAsInt();
        String what = sections.describe(index);
        ByteBuffer data = sections.data(index);
        StringTable strings = sections.strings(sections.link(index, SHT_STRTAB));
        long base = sections.contentOffset(index);
        long slots = data.limit() / RECORD;
        long declared = sections.get(index).info();
        if (declared > slots) {
            throw reader.error(sections.headerOffset(index), "sh_info of " + what + " says " + declared
                    + " version needs, but its " + data.limit() + " bytes hold at most " + slots);
        }
        List<VersionNeed> needs = new ArrayList<>();
        long at = 0;
        for (int n = 0; ; n++) {
            requireRecord(data, at, base, what, "Elf_Verneed " + n);
            slots = spend(slots, base + at, what);
            int pos = (int) at;
            int version = BinaryReader.u16(data, pos);
            if (version != VER_NEED_CURRENT) {
                throw reader.error(base + pos, what + ": vn_version " + version + " of Elf_Verneed " + n + " is not VER_NEED_CURRENT (1)");
            }
            String file = strings.get(BinaryReader.u32(data, pos + 4), "vn_file of Elf_Verneed " + n);
            int count = BinaryReader.u16(data, pos + 2);
            List<VersionNeedAux> versions = new ArrayList<>();
            long auxAt = at + BinaryReader.u32(data, pos + 8);
            for (int k = 0; k < count; k++) {
                requireRecord(data, auxAt, base, what, "Elf_Vernaux " + k + " of " + file);
                slots = spend(slots, base + auxAt, what);
                int aux = (int) auxAt;
                versions.add(new VersionNeedAux(strings.get(BinaryReader.u32(data, aux + 8), "vna_name of " + file),
                        BinaryReader.u32(data, aux), BinaryReader.u16(data, aux + 4), BinaryReader.u16(data, aux + 6)));
                if (k + 1 < count) {
                    auxAt = next(data, aux, 12, base, what, "vna_next of Elf_Vernaux " + k + " of " + file);
                }
            }
            needs.add(new VersionNeed(file, versions));
            long vnNext = BinaryReader.u32(data, pos + 12);
            if (declared != 0 ? n + 1 >= declared : vnNext == 0) {
                return needs;
            }
            at = next(data, pos, 12, base, what, "vn_next of Elf_Verneed " + n + " (" + file + ")");
        }
    }

    /** For each undefined .dynsym symbol bound to a version in {@code needs}: symbol, version, library, in table order. */
    List<SymbolVersion> importedSymbolVersions(List<VersionNeed> needs) throws BinaryFormatException {
        OptionalInt versym = sections.firstOfType(SHT_GNU_VERSYM);
        if (versym.isEmpty() || !sections.get(versym.getAsInt()).hasFileData() || needs.isEmpty()) {
            return List.of();
        }
        Map<Integer, SymbolVersion> byIndex = new HashMap<>();
        for (VersionNeed need : needs) {
            for (VersionNeedAux aux : need.versions()) {
                byIndex.putIfAbsent(aux.other(), new SymbolVersion("", aux.name(), need.file()));
            }
        }
        int dynsym = sections.link(versym.getAsInt(), SHT_DYNSYM);
        int symbolSize = is64 ? 24 : 16;
        ByteBuffer symbols = sections.data(dynsym);
        if (symbols.limit() % symbolSize != 0) {
            throw reader.error(sections.headerOffset(dynsym), sections.describe(dynsym) + " is " + symbols.limit()
                    + " bytes, not a whole number of " + symbolSize + "-byte symbols");
        }
        int count = symbols.limit() / symbolSize;
        ByteBuffer versions = sections.data(versym.getAsInt());
        if (versions.limit() / 2 < count) {
            throw reader.error(sections.headerOffset(versym.getAsInt()), sections.describe(versym.getAsInt()) + " has "
                    + versions.limit() / 2 + " entries for the " + count + " symbols of " + sections.describe(dynsym));
        }
        StringTable names = sections.strings(sections.link(dynsym, SHT_STRTAB));
        List<SymbolVersion> result = new ArrayList<>();
        for (int i = 1; i < count; i++) {
            int at = i * symbolSize;
            int shndx = BinaryReader.u16(symbols, at + (is64 ? 6 : 14));
            SymbolVersion bound = byIndex.get(BinaryReader.u16(versions, 2 * i) & VERSYM_VERSION);
            if (shndx != SHN_UNDEF || bound == null) {
                continue; // defined here, unversioned (VER_NDX_LOCAL/GLOBAL), or an index no Elf_Vernaux has (readelf prints none)
            }
            String name = names.get(BinaryReader.u32(symbols, at), "st_name of dynamic symbol " + i);
            if (!name.isEmpty()) {
                result.add(new SymbolVersion(name, bound.version(), bound.library()));
            }
        }
        return result;
    }

    private long spend(long slots, long offset, String what) throws BinaryFormatException {
        if (slots <= 0) {
            throw reader.error(offset, what + " holds more version records than fit in it: its vn_next/vna_next chain overlaps itself");
        }
        return slots - 1;
    }

    private void requireRecord(ByteBuffer data, long at, long base, String what, String record) throws BinaryFormatException {
        if (at < 0 || at > data.limit() - RECORD) {
            throw reader.error(base + at, what + ": " + record + " at section offset " + at + " runs past the "
                    + data.limit() + "-byte section");
        }
    }

    /** Follows a next-offset field; a step under one record would revisit or overlap a record, so it is refused. */
    private long next(ByteBuffer data, int record, int field, long base, String what, String name) throws BinaryFormatException {
        long step = BinaryReader.u32(data, record + field);
        if (step < RECORD) {
            throw reader.error(base + record + field, what + ": " + name + " is " + step
                    + ", which does not move past the record, though more records are declared: the chain would loop");
        }
        return record + step;
    }
}
