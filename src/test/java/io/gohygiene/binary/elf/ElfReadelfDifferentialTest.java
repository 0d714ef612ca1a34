package io.gohygiene.binary.elf;

import io.gohygiene.binary.elf.ElfCorpus.Sample;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import java.io.IOException;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Every field the parser reports, compared with GNU readelf and {@code go tool buildid} on real files: the
 * toolchain's executables, the tiny program for each ELF architecture, cgo and PIE builds, system C binaries.
 */
class ElfReadelfDifferentialTest {

    @TestFactory
    Stream<DynamicTest> gorootExecutablesAgreeWithReadelf() throws IOException {
        List<Sample> samples = ElfCorpus.gorootExecutables();
        assertTrue(samples.size() >= 8, "expected the go command and the pkg/tool executables, found " + samples);
        return samples.stream().map(s -> DynamicTest.dynamicTest(s.label(), () -> compare(s)));
    }

    @TestFactory
    Stream<DynamicTest> goBuildsAgreeWithReadelf() {
        return ElfCorpus.builds().stream().map(s -> DynamicTest.dynamicTest(s.label(), () -> compare(s)));
    }

    @TestFactory
    Stream<DynamicTest> systemBinariesAgreeWithReadelf() {
        List<Sample> samples = ElfCorpus.system();
        assertTrue(samples.stream().anyMatch(s -> s.label().equals("/bin/ls")), "no /bin/ls on this host: " + samples);
        return samples.stream().map(s -> DynamicTest.dynamicTest(s.label(), () -> compare(s)));
    }

    /** The comparisons above are only as strong as the files: each compared feature occurs in at least one of them. */
    @Test
    void corpusExercisesEveryComparedFeature() throws Exception {
        List<ElfFile> files = new ArrayList<>();
        for (Sample s : Stream.concat(ElfCorpus.builds().stream(), ElfCorpus.system().stream()).toList()) {
            files.add(ElfCorpus.read(s.path()));
        }
        Map<String, Predicate<ElfFile>> features = new LinkedHashMap<>();
        features.put("interpreter", f -> f.interpreter().isPresent());
        features.put("DT_NEEDED", f -> f.needed().size() >= 2);
        features.put("DT_RPATH", f -> !f.rpath().isEmpty());
        features.put("DT_RUNPATH", f -> f.runpath().size() >= 2);
        features.put("DT_SONAME", f -> f.soname().isPresent());
        features.put("DT_FLAGS", f -> f.dtFlags().isPresent());
        features.put("DT_FLAGS_1", f -> f.dtFlags1().isPresent());
        features.put("BIND_NOW", ElfFile::bindNow);
        features.put("PT_GNU_RELRO", ElfFile::hasRelro);
        features.put("PT_GNU_STACK", f -> f.executableStack().isPresent());
        features.put("two version needs", f -> f.versionNeeds().size() >= 2);
        features.put("imported symbol versions", f -> !f.importedSymbolVersions().isEmpty());
        features.put("Go build ID", f -> f.goBuildId().isPresent());
        features.put("GNU build ID", f -> f.gnuBuildId().isPresent());
        features.put("32-bit big-endian", f -> !f.header().is64() && f.byteOrder() == ByteOrder.BIG_ENDIAN);
        features.put("64-bit big-endian", f -> f.header().is64() && f.byteOrder() == ByteOrder.BIG_ENDIAN);
        features.put("OS/ABI FreeBSD", f -> f.header().osAbi() == Elf.ELFOSABI_FREEBSD);
        List<String> missing = features.entrySet().stream().filter(e -> files.stream().noneMatch(e.getValue()))
                .map(Map.Entry::getKey).toList();
        assertEquals(List.of(), missing, "features no file of the corpus has");
    }

    static void compare(Sample sample) throws Exception {
        ElfFile elf = ElfCorpus.read(sample.path());
        Readelf ref = Readelf.of(sample.path());
        Diff diff = new Diff();
        diff.check("readelf printed a header, program headers and sections", true,
                ref.header().containsKey("Class") && !ref.segments().isEmpty() && !ref.sections().isEmpty());
        compareHeader(elf, ref, diff);
        compareSegments(elf, ref, diff);
        compareSections(elf, ref, diff);
        compareDynamic(elf, ref, diff);
        compareVersions(elf, ref, diff);
        compareNotes(elf, ref, sample, diff);
        diff.assertNone(sample.label());
    }

    private static void compareHeader(ElfFile elf, Readelf ref, Diff diff) {
        ElfHeader h = elf.header();
        diff.check("class", ref.header().get("Class"), "ELF" + h.elfClass());
        diff.check("data", ref.header().get("Data").contains("little endian"), h.byteOrder() == ByteOrder.LITTLE_ENDIAN);
        diff.check("OS/ABI", ReadelfNames.osAbi(ref.header().get("OS/ABI")), h.osAbi());
        diff.check("type", "ET_" + ref.header().get("Type").split(" ")[0], h.typeName());
        diff.check("machine", ReadelfNames.machine(ref.header().get("Machine")), h.machine());
        diff.check("flags", ref.flags(), h.flags());
        diff.check("entry", Long.decode(ref.header().get("Entry point address")), h.entry());
        diff.check("interpreter", ref.interpreter(), elf.interpreter());
    }

    private static void compareSegments(ElfFile elf, Readelf ref, Diff diff) {
        List<String> expected = new ArrayList<>();
        for (Readelf.Segment s : ref.segments()) {
            expected.add(String.format("%s %s off=%x va=%x filesz=%x memsz=%x align=%x", ReadelfNames.segmentType(s.type()),
                    s.flags(), s.offset(), s.vaddr(), s.filesz(), s.memsz(), s.align()));
        }
        List<String> actual = new ArrayList<>();
        for (ProgramHeader p : elf.programHeaders()) {
            String flags = (p.readable() ? "R" : "") + (p.writable() ? "W" : "") + (p.executable() ? "E" : "");
            actual.add(String.format("%s %s off=%x va=%x filesz=%x memsz=%x align=%x", p.type(), flags, p.offset(),
                    p.vaddr(), p.filesz(), p.memsz(), p.align()));
        }
        diff.check("program headers", expected, actual);
        Optional<Readelf.Segment> stack = ref.segments().stream().filter(s -> s.type().equals("GNU_STACK")).findFirst();
        diff.check("executable stack", stack.map(s -> s.flags().contains("E")), elf.executableStack());
        diff.check("RELRO", ref.segments().stream().anyMatch(s -> s.type().equals("GNU_RELRO")), elf.hasRelro());
    }

    private static void compareSections(ElfFile elf, Readelf ref, Diff diff) {
        List<String> expected = ref.sections().stream().map(s -> String.format("[%d] %s %d addr=%x off=%x size=%x link=%d info=%d",
                s.index(), s.name(), ReadelfNames.sectionType(s.type()), s.addr(), s.offset(), s.size(), s.link(), s.info())).toList();
        List<String> actual = new ArrayList<>();
        for (int i = 0; i < elf.sections().size(); i++) {
            SectionHeader s = elf.sections().get(i);
            actual.add(String.format("[%d] %s %d addr=%x off=%x size=%x link=%d info=%d", i, s.name(), s.type(), s.addr(),
                    s.offset(), s.size(), s.link(), s.info()));
        }
        diff.check("section headers", expected, actual);
    }

    private static void compareDynamic(ElfFile elf, Readelf ref, Diff diff) {
        diff.check("dynamic tags", ref.dynamic().stream().map(Readelf.Dyn::tag).toList(),
                elf.dynamicEntries().stream().map(DynamicEntry::tag).toList());
        diff.check("DT_NEEDED", values(ref, "NEEDED"), elf.needed());
        diff.check("DT_SONAME", values(ref, "SONAME").stream().findFirst(), elf.soname());
        diff.check("DT_RPATH", values(ref, "RPATH"), elf.rpath().isEmpty() ? List.of() : List.of(String.join(":", elf.rpath())));
        diff.check("DT_RUNPATH", values(ref, "RUNPATH"), elf.runpath().isEmpty() ? List.of() : List.of(String.join(":", elf.runpath())));
        Optional<String> flags = ref.dynamic().stream().filter(d -> d.name().equals("FLAGS")).map(Readelf.Dyn::value).findFirst();
        Optional<String> flags1 = ref.dynamic().stream().filter(d -> d.name().equals("FLAGS_1")).map(Readelf.Dyn::value).findFirst();
        diff.check("DT_FLAGS", flags.map(ReadelfNames::dtFlags), boxed(elf.dtFlags()));
        diff.check("DT_FLAGS_1", flags1.map(ReadelfNames::dtFlags1), boxed(elf.dtFlags1()));
        boolean bindNow = flags.orElse("").contains("BIND_NOW") || flags1.map(f -> List.of(f.split(" ")).contains("NOW")).orElse(false)
                || ref.dynamic().stream().anyMatch(d -> d.name().equals("BIND_NOW"));
        diff.check("bind now", bindNow, elf.bindNow());
    }

    private static void compareVersions(ElfFile elf, Readelf ref, Diff diff) {
        diff.check("version needs", ref.needs(), elf.versionNeeds().stream().map(n -> new Readelf.Need(n.file(),
                n.versions().stream().map(a -> a.name() + " flags=" + ReadelfNames.versionFlags(a.flags()) + " other=" + a.other()).toList()))
                .toList());
        for (VersionNeed need : elf.versionNeeds()) {
            for (VersionNeedAux aux : need.versions()) {
                diff.check("vna_hash of " + aux.name(), elfHash(aux.name()), aux.hash());
            }
        }
        diff.check("imported symbol versions", ref.undefinedVersioned(),
                elf.importedSymbolVersions().stream().map(s -> s.symbol() + "@" + s.version()).toList());
        for (SymbolVersion s : elf.importedSymbolVersions()) {
            boolean declared = elf.versionNeeds().stream().anyMatch(n -> n.file().equals(s.library())
                    && n.versions().stream().anyMatch(a -> a.name().equals(s.version())));
            diff.check("library of " + s, true, declared);
        }
    }

    private static void compareNotes(ElfFile elf, Readelf ref, Sample sample, Diff diff) throws Exception {
        diff.check("GNU build ID", ref.gnuBuildId(), elf.gnuBuildId());
        diff.check("Go build ID note", ref.goBuildId(), elf.goBuildId());
        byte[] tool = GoTool.buildId(sample.path());
        if (elf.goBuildId().isPresent()) {
            diff.check("go tool buildid", new String(tool, java.nio.charset.StandardCharsets.UTF_8), elf.goBuildId().get());
        } else if (elf.gnuBuildId().isPresent()) {
            // For a non-Go file, go tool buildid prints the raw bytes of the GNU build ID.
            diff.check("go tool buildid (GNU)", HexFormat.of().formatHex(tool), elf.gnuBuildId().get());
        }
    }

    private static List<String> values(Readelf ref, String name) {
        return ref.dynamic().stream().filter(d -> d.name().equals(name))
                .map(d -> d.value().substring(d.value().indexOf('[') + 1, d.value().lastIndexOf(']'))).toList();
    }

    private static Optional<Long> boxed(java.util.OptionalLong value) {
        return value.isPresent() ? Optional.of(value.getAsLong()) : Optional.empty();
    }

    /** The System V ELF hash (gABI "Hash Table") that vna_hash holds. */
    static long elfHash(String name) {
        long h = 0;
        for (byte b : name.getBytes(java.nio.charset.StandardCharsets.UTF_8)) {
            h = (h << 4) + (b & 0xff);
            long g = h & 0xf0000000L;
            if (g != 0) {
                h ^= g >>> 24;
            }
            h &= ~g;
        }
        return h & 0xffffffffL;
    }

    /** Collects every mismatch of one file, so a failure lists them all. */
    static final class Diff {
        private final List<String> mismatches = new ArrayList<>();

        void check(String what, Object expected, Object actual) {
            if (!expected.equals(actual)) {
                mismatches.add(what + ":\n    readelf: " + expected + "\n    parser:  " + actual);
            }
        }

        void assertNone(String label) {
            if (!mismatches.isEmpty()) {
                fail(label + " disagrees with readelf on " + mismatches.size() + " field(s):\n  " + String.join("\n  ", mismatches));
            }
        }
    }
}
