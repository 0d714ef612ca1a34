package io.gohygiene.rules;

import io.gohygiene.binary.BinaryReport;
import io.gohygiene.binary.elf.Elf;
import io.gohygiene.binary.elf.ElfFile;
import io.gohygiene.binary.elf.ProgramHeader;
import io.gohygiene.binary.macho.LoadCommand;
import io.gohygiene.binary.macho.MachoFile;
import io.gohygiene.binary.pe.PeFile;
import io.gohygiene.finding.Finding;
import io.gohygiene.finding.Severity;
import io.gohygiene.finding.Verdict;
import io.gohygiene.platform.Target;
import io.gohygiene.testing.GoBinaries;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static io.gohygiene.rules.RulesBTestSupport.assertContainsAll;
import static io.gohygiene.rules.RulesBTestSupport.assertWellFormed;
import static io.gohygiene.rules.RulesBTestSupport.inspect;
import static io.gohygiene.rules.RulesBTestSupport.patchedCopy;
import static io.gohygiene.rules.RulesBTestSupport.row;
import static io.gohygiene.rules.RulesBTestSupport.table;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The loadable rule on real Go binaries of every format, and on copies damaged the way the hostile-file run did. */
class LoadableRuleTest {

    private static final int E_ENTRY_64 = 0x18;
    private static final int E_PHNUM_64 = 0x38;
    private static final int ELF64_PHDR_SIZE = 56;

    private final LoadableRule rule = new LoadableRule();

    @Test
    void isAnErrorRuleCalledLoadableThatRunsByDefault() {
        assertEquals("loadable", rule.id());
        assertEquals(Severity.ERROR, rule.defaultSeverity());
        assertTrue(RuleCatalog.all().stream().anyMatch(r -> r instanceof LoadableRule));
    }

    @Test
    void cleanBinariesOfEveryFormatPass() {
        Map<String, Path> binaries = Map.of(
                "linux/amd64", GoBinaries.build("linux", "amd64"),
                "linux/arm64", GoBinaries.build("linux", "arm64"),
                "darwin/arm64", GoBinaries.build("darwin", "arm64"),
                "darwin/amd64", GoBinaries.build("darwin", "amd64"),
                "windows/amd64", GoBinaries.build("windows", "amd64"));
        binaries.forEach((target, file) -> {
            List<Finding> findings = evaluate(inspect(file), target);
            assertWellFormed(rule, findings);
            assertEquals(Verdict.PASS, row(findings, "loadable").verdict(), () -> target + ":\n" + table(findings));
        });
    }

    @Test
    void dynamicPieAndSharedObjectsPass() {
        Path cgo = GoBinaries.build("cgo", "linux", "amd64", Map.of("CGO_ENABLED", "1"));
        assertTrue(elf(inspect(cgo)).interpreter().isPresent(), "a dynamic cgo executable");
        assertEquals(Verdict.PASS, row(evaluate(inspect(cgo), "linux/amd64"), "loadable").verdict());

        Path pie = GoBinaries.build("tiny", "linux", "amd64", Map.of(), "-buildmode=pie");
        assertEquals(Elf.ET_DYN, elf(inspect(pie)).header().type());
        assertEquals(Verdict.PASS, row(evaluate(inspect(pie), "linux/amd64"), "loadable").verdict());

        Path shared = GoBinaries.build("tiny", "linux", "amd64", Map.of("CGO_ENABLED", "1"), "-buildmode=c-shared");
        ElfFile so = elf(inspect(shared));
        assertEquals(0, so.header().entry(), "Go's c-shared library has no entry point");
        assertTrue(so.interpreter().isEmpty() && !so.needed().isEmpty());
        assertEquals(Verdict.PASS, row(evaluate(inspect(shared), "linux/amd64"), "loadable").verdict(), "a shared object needs no entry or PT_INTERP");
    }

    @Test
    void anElfWithoutProgramHeadersFails(@TempDir Path dir) {
        Path damaged = patchedCopy(GoBinaries.build("linux", "amd64"), dir, "no-phdrs", ByteOrder.LITTLE_ENDIAN,
                b -> b.putShort(E_PHNUM_64, (short) 0));
        Finding row = row(evaluate(inspect(damaged), "linux/amd64"), "loadable");
        assertEquals(Verdict.FAIL, row.verdict());
        assertContainsAll(row.seen(), "no PT_LOAD", "e_phnum 0");
        assertContainsAll(row.message(), "no loadable segment", "cannot start");
        assertContainsAll(row.hint(), "readelf");
    }

    @Test
    void anElfEntryPointOutsideEveryLoadSegmentFails(@TempDir Path dir) {
        Path damaged = patchedCopy(GoBinaries.build("linux", "arm64"), dir, "moved-entry", ByteOrder.LITTLE_ENDIAN,
                b -> b.putLong(E_ENTRY_64, 0x10));
        Finding row = row(evaluate(inspect(damaged), "linux/arm64"), "loadable");
        assertEquals(Verdict.FAIL, row.verdict());
        assertEquals("entry 0x10", row.seen());
        assertContainsAll(row.message(), "entry point 0x10 lies in no loadable segment");
    }

    @Test
    void aDynamicElfWithoutInterpreterFails(@TempDir Path dir) {
        Path cgo = GoBinaries.build("cgo", "linux", "amd64", Map.of("CGO_ENABLED", "1"));
        ElfFile image = elf(inspect(cgo));
        int interp = indexOf(image.programHeaders(), Elf.PT_INTERP);
        long phoff = image.header().phoff();
        // PT_INTERP turned into PT_NULL: the kernel would start the program with nobody to load libc.
        Path damaged = patchedCopy(cgo, dir, "no-interp", ByteOrder.LITTLE_ENDIAN,
                b -> b.putInt(Math.toIntExact(phoff + (long) interp * ELF64_PHDR_SIZE), Elf.PT_NULL));
        Finding row = row(evaluate(inspect(damaged), "linux/amd64"), "loadable");
        assertEquals(Verdict.FAIL, row.verdict());
        assertContainsAll(row.seen(), "PT_DYNAMIC", "libc.so.6", "no PT_INTERP");
        assertContainsAll(row.message(), "names no dynamic loader");
    }

    @Test
    void aMachoExecutableWithoutEntryCommandOrTextSegmentFails(@TempDir Path dir) {
        Path exe = GoBinaries.build("darwin", "arm64");
        MachoFile image = macho(inspect(exe));
        LoadCommand entry = image.loadCommands().stream()
                .filter(c -> c.cmd() == LoadCommand.LC_MAIN || c.cmd() == LoadCommand.LC_UNIXTHREAD).findFirst().orElseThrow();
        Path noEntry = patchedCopy(exe, dir, "no-entry", ByteOrder.LITTLE_ENDIAN, b -> b.putInt(Math.toIntExact(entry.offset()), 0x7f));
        Finding row = row(evaluate(inspect(noEntry), "darwin/arm64"), "loadable");
        assertEquals(Verdict.FAIL, row.verdict());
        assertContainsAll(row.message(), "no entry point command", "refuses to start");

        LoadCommand text = image.loadCommands().stream().filter(c -> c.cmd() == LoadCommand.LC_SEGMENT_64)
                .filter(c -> segmentName(exe, c).equals("__TEXT")).findFirst().orElseThrow();
        Path noText = patchedCopy(exe, dir, "no-text", ByteOrder.LITTLE_ENDIAN, b -> b.put(Math.toIntExact(text.offset() + 8 + 5), (byte) 'X'));
        Finding textRow = row(evaluate(inspect(noText), "darwin/arm64"), "loadable");
        assertEquals(Verdict.FAIL, textRow.verdict(), textRow::toString);
        assertContainsAll(textRow.message(), "no __TEXT segment");
    }

    @Test
    void aPeEntryPointOutsideEverySectionFails(@TempDir Path dir) {
        Path exe = GoBinaries.build("windows", "amd64");
        PeFile image = (PeFile) inspect(exe).images().get(0).executable();
        // AddressOfEntryPoint: 16 bytes into the optional header, after the signature and the 20-byte COFF header.
        int field = Math.toIntExact(image.peHeaderOffset() + 4 + 20 + 16);
        Path damaged = patchedCopy(exe, dir, "moved-entry.exe", ByteOrder.LITTLE_ENDIAN, b -> b.putInt(field, 0x7ff00000));
        Finding row = row(evaluate(inspect(damaged), "windows/amd64"), "loadable");
        assertEquals(Verdict.FAIL, row.verdict());
        assertEquals("AddressOfEntryPoint 0x7ff00000", row.seen());
        assertContainsAll(row.message(), "lies in no section");
    }

    @Test
    void aPeWithoutSectionsFails(@TempDir Path dir) {
        Path exe = GoBinaries.build("windows", "amd64");
        PeFile image = (PeFile) inspect(exe).images().get(0).executable();
        // NumberOfSections: 2 bytes into the COFF header, after the 4-byte signature; and no import directory (the
        // second data directory of the PE32+ optional header), which would have to lie in a section.
        int field = Math.toIntExact(image.peHeaderOffset() + 4 + 2);
        int imports = Math.toIntExact(image.peHeaderOffset() + 4 + 20 + 112 + 8);
        Path damaged = patchedCopy(exe, dir, "no-sections.exe", ByteOrder.LITTLE_ENDIAN,
                b -> b.putShort(field, (short) 0).putLong(imports, 0));
        Finding row = row(evaluate(inspect(damaged), "windows/amd64"), "loadable");
        assertEquals(Verdict.FAIL, row.verdict());
        assertEquals("no sections", row.seen());
        assertContainsAll(row.message(), "no sections", "refuses to start");
    }

    private List<Finding> evaluate(BinaryReport report, String target) {
        return rule.evaluate(report, Target.parse(target), RuleSettings.none());
    }

    private static ElfFile elf(BinaryReport report) {
        return (ElfFile) report.images().get(0).executable();
    }

    private static MachoFile macho(BinaryReport report) {
        return (MachoFile) report.images().get(0).executable();
    }

    private static int indexOf(List<ProgramHeader> headers, int type) {
        for (int i = 0; i < headers.size(); i++) {
            if (headers.get(i).type() == type) {
                return i;
            }
        }
        throw new AssertionError("no program header of type " + type);
    }

    /** segname of an LC_SEGMENT_64: 16 bytes after cmd and cmdsize. */
    private static String segmentName(Path file, LoadCommand command) {
        byte[] name = io.gohygiene.testing.BinaryFiles.bytesAt(file, command.offset() + 8, 16);
        return new String(name, StandardCharsets.US_ASCII).replace("\0", "");
    }
}
