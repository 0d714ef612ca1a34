package io.gohygiene.rules;

import io.gohygiene.binary.BinaryReport;
import io.gohygiene.binary.elf.Elf;
import io.gohygiene.binary.elf.ElfFile;
import io.gohygiene.binary.elf.ElfHeader;
import io.gohygiene.binary.macho.MachHeader;
import io.gohygiene.binary.pe.OptionalHeader;
import io.gohygiene.binary.pe.PeFile;
import io.gohygiene.finding.Finding;
import io.gohygiene.finding.Severity;
import io.gohygiene.finding.Verdict;
import io.gohygiene.platform.Target;
import io.gohygiene.testing.GoBinaries;
import io.gohygiene.testing.GoBuild;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.ByteOrder;
import java.nio.file.Path;
import java.util.List;

import static io.gohygiene.rules.RulesBTestSupport.assertContainsAll;
import static io.gohygiene.rules.RulesBTestSupport.assertNoProblems;
import static io.gohygiene.rules.RulesBTestSupport.assertVerdict;
import static io.gohygiene.rules.RulesBTestSupport.assertWellFormed;
import static io.gohygiene.rules.RulesBTestSupport.inspect;
import static io.gohygiene.rules.RulesBTestSupport.patchedCopy;
import static io.gohygiene.rules.RulesBTestSupport.problems;
import static io.gohygiene.rules.RulesBTestSupport.row;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The hardening rule on what Go's linkers really emit: static and PIE pure-Go ELF files, cgo files linked lazily,
 * with -z now, internally, and with rpaths; Windows PIE and exe builds; Mach-O PIE and non-PIE builds.
 */
class HardeningRuleTest {

    private static final Target LINUX = Target.parse("linux/amd64");
    private static final RuleSettings PIE_REQUIRED = RuleSettings.builder().pie("required").build();

    private final HardeningRule rule = new HardeningRule();

    @Test
    void isOptInAndCalledHardening() {
        assertEquals("hardening", rule.id());
        assertEquals(HardeningRule.ID, rule.id());
        assertEquals(Severity.OFF, rule.defaultSeverity());
    }

    @Test
    void staticGoBinaryIsNotPieAndFailsOnlyWhenPieIsRequired() {
        BinaryReport report = inspect(GoBinaries.build("linux", "amd64"));
        ElfFile elf = elf(report);
        assertFalse(elf.pie());
        assertFalse(elf.hasRelro(), "Go's internal linker writes no PT_GNU_RELRO for a static executable");
        assertEquals(Boolean.FALSE, elf.executableStack().orElseThrow());

        List<Finding> unset = rule.evaluate(report, LINUX, RuleSettings.none());
        assertWellFormed(rule, unset);
        assertVerdict(Verdict.INFO, unset, "PIE");
        assertVerdict(Verdict.PASS, unset, "NX stack");
        assertVerdict(Verdict.SKIP, unset, "RELRO");
        assertVerdict(Verdict.SKIP, unset, "BIND_NOW");
        assertVerdict(Verdict.PASS, unset, "RPATH/RUNPATH");
        assertNoProblems(unset);

        List<Finding> required = rule.evaluate(report, LINUX, PIE_REQUIRED);
        Finding pie = row(required, "PIE");
        assertEquals(Verdict.FAIL, pie.verdict());
        assertContainsAll(pie.seen(), "not PIE", "ET_EXEC", "static");
        assertContainsAll(pie.hint(), "-buildmode=pie");
        assertEquals(List.of(pie), problems(required));

        assertNoProblems(rule.evaluate(report, LINUX, RuleSettings.builder().pie("forbidden").build()));
        assertNoProblems(rule.evaluate(report, LINUX, RuleSettings.builder().pie("any").build()));
    }

    @Test
    void buildmodePieHasRelroAndNothingBoundLazily() {
        BinaryReport report = inspect(GoBuild.of("tiny", "linux", "amd64").flags("-buildmode=pie").build());
        ElfFile elf = elf(report);
        assertTrue(elf.pie());
        assertTrue(elf.hasRelro());
        assertFalse(elf.bindNow(), "the internal linker writes no BIND_NOW, and has no PLT that needs it");
        List<Finding> findings = rule.evaluate(report, LINUX, PIE_REQUIRED);
        assertWellFormed(rule, findings);
        assertVerdict(Verdict.PASS, findings, "PIE");
        assertVerdict(Verdict.PASS, findings, "RELRO");
        assertVerdict(Verdict.PASS, findings, "BIND_NOW");
        assertContainsAll(row(findings, "BIND_NOW").seen(), "nothing is bound lazily");
        assertNoProblems(findings);

        List<Finding> forbidden = rule.evaluate(report, LINUX, RuleSettings.builder().pie("forbidden").build());
        assertVerdict(Verdict.FAIL, forbidden, "PIE");
        assertContainsAll(row(forbidden, "PIE").hint(), "-buildmode=exe");
    }

    @Test
    void cgoLinkedLazilyHasPartialRelroAndWithZNowFullRelro() {
        List<Finding> lazy = rule.evaluate(inspect(cgo()), LINUX, RuleSettings.none());
        assertWellFormed(rule, lazy);
        assertVerdict(Verdict.PASS, lazy, "RELRO");
        Finding bindNow = row(lazy, "BIND_NOW");
        assertEquals(Verdict.FAIL, bindNow.verdict());
        assertContainsAll(bindNow.message(), "partial RELRO");
        assertContainsAll(bindNow.hint(), "-ldflags=-extldflags=-Wl,-z,now");

        BinaryReport now = inspect(cgo("-ldflags=-extldflags=-Wl,-z,now"));
        assertTrue(elf(now).bindNow());
        List<Finding> full = rule.evaluate(now, LINUX, RuleSettings.none());
        assertWellFormed(rule, full);
        assertVerdict(Verdict.PASS, full, "RELRO");
        assertVerdict(Verdict.PASS, full, "BIND_NOW");
        assertNoProblems(full);
    }

    @Test
    void cgoLinkedInternallyHasNoRelro() {
        BinaryReport report = inspect(cgo("-ldflags=-linkmode=internal"));
        assertTrue(elf(report).interpreter().isPresent());
        List<Finding> findings = rule.evaluate(report, LINUX, RuleSettings.none());
        assertWellFormed(rule, findings);
        Finding relro = row(findings, "RELRO");
        assertEquals(Verdict.FAIL, relro.verdict());
        assertEquals("no PT_GNU_RELRO", relro.seen());
        assertContainsAll(relro.hint(), "-linkmode=external");
    }

    @Test
    void relativeRunpathFails() {
        BinaryReport report = inspect(cgo("-ldflags=-extldflags=-Wl,-z,now,-rpath,lib"));
        assertEquals(List.of("lib"), elf(report).runpath(), "current linkers write DT_RUNPATH for -rpath");
        List<Finding> findings = rule.evaluate(report, LINUX, RuleSettings.none());
        assertWellFormed(rule, findings);
        Finding runpath = row(findings, "DT_RUNPATH lib");
        assertEquals(Verdict.FAIL, runpath.verdict());
        assertContainsAll(runpath.message(), "'lib'", "relative", "current directory");
        assertContainsAll(runpath.hint(), "$ORIGIN/lib");
        assertEquals(List.of(runpath), problems(findings));
    }

    @Test
    void originRelativeRunpathPassesAndWorldWritableFails() {
        List<Finding> origin = rule.evaluate(inspect(cgo("-ldflags=-extldflags=-Wl,-z,now,-rpath,$ORIGIN/lib")), LINUX,
                RuleSettings.none());
        assertWellFormed(rule, origin);
        assertVerdict(Verdict.PASS, origin, "DT_RUNPATH $ORIGIN/lib");
        assertNoProblems(origin);

        List<Finding> tmp = rule.evaluate(inspect(cgo("-ldflags=-extldflags=-Wl,-z,now,-rpath,/tmp/plugins")), LINUX,
                RuleSettings.none());
        Finding row = row(tmp, "DT_RUNPATH /tmp/plugins");
        assertEquals(Verdict.FAIL, row.verdict());
        assertContainsAll(row.message(), "world-writable");
    }

    @Test
    void stackWithoutPtGnuStackWarnsAndExecutableStackFails(@TempDir Path dir) {
        Path exe = GoBinaries.build("linux", "amd64");
        ElfFile elf = elf(inspect(exe));
        ElfHeader header = elf.header();
        int index = 0;
        while (elf.programHeaders().get(index).type() != Elf.PT_GNU_STACK) {
            index++;
        }
        int at = Math.toIntExact(header.phoff() + (long) index * header.phentsize());
        Path noStackHeader = patchedCopy(exe, dir, "no-gnu-stack", ByteOrder.LITTLE_ENDIAN, b -> b.putInt(at, Elf.PT_NULL));
        Finding missing = row(rule.evaluate(inspect(noStackHeader), LINUX, RuleSettings.none()), "NX stack");
        assertEquals(Verdict.WARN, missing.verdict());
        assertContainsAll(missing.message(), "no PT_GNU_STACK");

        Path execStack = patchedCopy(exe, dir, "exec-stack", ByteOrder.LITTLE_ENDIAN, b -> b.putInt(at + 4, b.getInt(at + 4) | Elf.PF_X));
        Finding executable = row(rule.evaluate(inspect(execStack), LINUX, RuleSettings.none()), "NX stack");
        assertEquals(Verdict.FAIL, executable.verdict());
        assertContainsAll(executable.message(), "executable");
    }

    @Test
    void windowsExecutablesHaveDynamicBaseNxCompatAndHighEntropyVa() {
        BinaryReport report = inspect(GoBinaries.build("windows", "amd64"));
        List<Finding> findings = rule.evaluate(report, Target.parse("windows/amd64"), RuleSettings.none());
        assertWellFormed(rule, findings);
        assertVerdict(Verdict.PASS, findings, "DYNAMIC_BASE");
        assertVerdict(Verdict.PASS, findings, "NX_COMPAT");
        assertVerdict(Verdict.PASS, findings, "HIGH_ENTROPY_VA");
        assertNoProblems(findings);

        List<Finding> i386 = rule.evaluate(inspect(GoBinaries.build("windows", "386")), Target.parse("windows/386"), RuleSettings.none());
        assertVerdict(Verdict.PASS, i386, "DYNAMIC_BASE");
        assertVerdict(Verdict.SKIP, i386, "HIGH_ENTROPY_VA");
    }

    @Test
    void windowsBuildmodeExeHasNoDynamicBase() {
        BinaryReport report = inspect(GoBuild.of("tiny", "windows", "amd64").flags("-buildmode=exe").build());
        assertFalse(((PeFile) report.images().get(0).executable()).dllCharacteristicNames().contains("DYNAMIC_BASE"));
        List<Finding> findings = rule.evaluate(report, Target.parse("windows/amd64"), RuleSettings.none());
        assertWellFormed(rule, findings);
        Finding base = row(findings, "DYNAMIC_BASE");
        assertEquals(Verdict.FAIL, base.verdict());
        assertContainsAll(base.hint(), "-buildmode=pie");
        assertVerdict(Verdict.WARN, findings, "HIGH_ENTROPY_VA");
        assertVerdict(Verdict.PASS, findings, "NX_COMPAT");
    }

    @Test
    void windowsWithoutNxCompatFails(@TempDir Path dir) {
        Path exe = GoBinaries.build("windows", "amd64");
        PeFile pe = (PeFile) inspect(exe).images().get(0).executable();
        // DllCharacteristics: 70 bytes into the optional header, which follows the 4-byte signature and 20-byte COFF header.
        int at = Math.toIntExact(pe.peHeaderOffset() + 4 + 20 + 70);
        Path patched = patchedCopy(exe, dir, "no-nx.exe", ByteOrder.LITTLE_ENDIAN,
                b -> b.putShort(at, (short) (b.getShort(at) & ~OptionalHeader.IMAGE_DLLCHARACTERISTICS_NX_COMPAT)));
        List<Finding> findings = rule.evaluate(inspect(patched), Target.parse("windows/amd64"), RuleSettings.none());
        Finding nx = row(findings, "NX_COMPAT");
        assertEquals(Verdict.FAIL, nx.verdict());
        assertContainsAll(nx.message(), "DEP");
        assertVerdict(Verdict.PASS, findings, "DYNAMIC_BASE");
    }

    @Test
    void machoPieAsRequired() {
        List<Finding> arm64 = rule.evaluate(inspect(GoBinaries.build("darwin", "arm64")), Target.parse("darwin/arm64"), PIE_REQUIRED);
        assertWellFormed(rule, arm64);
        assertVerdict(Verdict.PASS, arm64, "MH_PIE");
        assertVerdict(Verdict.PASS, arm64, "stack execution");
        assertNoProblems(arm64);

        for (GoBuild build : List.of(GoBuild.of("tiny", "darwin", "amd64").flags("-buildmode=exe"),
                GoBuild.of("tiny", "darwin", "amd64").toolchain("go1.20.14").goflags(""))) {
            BinaryReport report = inspect(build.build());
            List<Finding> findings = rule.evaluate(report, Target.parse("darwin/amd64"), PIE_REQUIRED);
            Finding pie = row(findings, "MH_PIE");
            assertEquals(Verdict.FAIL, pie.verdict(), build.name());
            assertEquals("no MH_PIE", pie.seen());
        }
    }

    @Test
    void machoAllowingStackExecutionFails(@TempDir Path dir) {
        Path exe = GoBinaries.build("darwin", "arm64");
        Path patched = patchedCopy(exe, dir, "exec-stack", ByteOrder.LITTLE_ENDIAN,
                b -> b.putInt(24, b.getInt(24) | MachHeader.MH_ALLOW_STACK_EXECUTION));
        Finding row = row(rule.evaluate(inspect(patched), Target.parse("darwin/arm64"), RuleSettings.none()), "stack execution");
        assertEquals(Verdict.FAIL, row.verdict());
    }

    @Test
    void rejectsAPieSettingItCannotRead() {
        BinaryReport report = inspect(GoBinaries.build("linux", "amd64"));
        assertContainsAll(assertThrows(IllegalArgumentException.class,
                () -> rule.evaluate(report, LINUX, RuleSettings.builder().pie("sometimes").build())).getMessage(),
                "<pie>", "required, forbidden or any");
    }

    private static Path cgo(String... flags) {
        return GoBuild.of("cgo", "linux", "amd64").cgo(true).flags(flags).build();
    }

    private static ElfFile elf(BinaryReport report) {
        return (ElfFile) report.images().get(0).executable();
    }
}
