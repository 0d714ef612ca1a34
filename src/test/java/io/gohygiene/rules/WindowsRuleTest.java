package io.gohygiene.rules;

import io.gohygiene.binary.BinaryReport;
import io.gohygiene.binary.pe.PeFile;
import io.gohygiene.finding.Finding;
import io.gohygiene.finding.Severity;
import io.gohygiene.finding.Verdict;
import io.gohygiene.platform.Target;
import io.gohygiene.testing.GoBinaries;
import io.gohygiene.testing.GoBuild;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.gohygiene.rules.RulesBTestSupport.assertContainsAll;
import static io.gohygiene.rules.RulesBTestSupport.assertNoProblems;
import static io.gohygiene.rules.RulesBTestSupport.assertVerdict;
import static io.gohygiene.rules.RulesBTestSupport.assertWellFormed;
import static io.gohygiene.rules.RulesBTestSupport.inspect;
import static io.gohygiene.rules.RulesBTestSupport.problems;
import static io.gohygiene.rules.RulesBTestSupport.row;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The windows rule on real PE files: console and GUI builds of the installed Go, and a go1.20 build. */
class WindowsRuleTest {

    private static final Target WINDOWS = Target.parse("windows/amd64");

    private final WindowsRule rule = new WindowsRule();

    @Test
    void isAnErrorRuleCalledWindows() {
        assertEquals("windows", rule.id());
        assertEquals(WindowsRule.ID, rule.id());
        assertEquals(Severity.ERROR, rule.defaultSeverity());
    }

    @Test
    void consoleBuildPassesConsoleAndFailsGui() {
        BinaryReport console = inspect(GoBinaries.build("windows", "amd64"));
        assertEquals("WINDOWS_CUI", pe(console).subsystemName());
        List<Finding> asConsole = rule.evaluate(console, WINDOWS, RuleSettings.builder().windowsSubsystem("console").build());
        assertWellFormed(rule, asConsole);
        assertVerdict(Verdict.PASS, asConsole, "subsystem");
        assertNoProblems(asConsole);

        List<Finding> asGui = rule.evaluate(console, WINDOWS, RuleSettings.builder().windowsSubsystem("gui").build());
        Finding subsystem = row(asGui, "subsystem");
        assertEquals(Verdict.FAIL, subsystem.verdict());
        assertContainsAll(subsystem.seen(), "WINDOWS_CUI");
        assertContainsAll(subsystem.expected(), "WINDOWS_GUI");
        assertContainsAll(subsystem.hint(), "-ldflags=-H=windowsgui");
    }

    @Test
    void guiBuildPassesGuiAndFailsConsole() {
        BinaryReport gui = inspect(GoBinaries.build("windows", "amd64", "-H=windowsgui"));
        assertEquals("WINDOWS_GUI", pe(gui).subsystemName());
        List<Finding> asGui = rule.evaluate(gui, WINDOWS, RuleSettings.builder().windowsSubsystem("GUI").build());
        assertWellFormed(rule, asGui);
        assertVerdict(Verdict.PASS, asGui, "subsystem");

        List<Finding> asConsole = rule.evaluate(gui, WINDOWS, RuleSettings.builder().windowsSubsystem("console").build());
        Finding subsystem = row(asConsole, "subsystem");
        assertEquals(Verdict.FAIL, subsystem.verdict());
        assertContainsAll(subsystem.message(), "console program was promised", "WINDOWS_GUI");
        assertContainsAll(subsystem.hint(), "-H=windowsgui");
    }

    @Test
    void minWindowsVersionBelowTheSubsystemVersionFails() {
        BinaryReport report = inspect(GoBinaries.build("windows", "amd64"));
        assertEquals("6.1", pe(report).majorSubsystemVersion() + "." + pe(report).minorSubsystemVersion());
        List<Finding> findings = rule.evaluate(report, WINDOWS, RuleSettings.builder().minWindowsVersion("6.0").build());
        assertWellFormed(rule, findings);
        Finding version = row(findings, "subsystem version");
        assertEquals(Verdict.FAIL, version.verdict());
        assertEquals("6.1 (Windows 7)", version.seen());
        assertEquals("≤ 6.0", version.expected());
        assertContainsAll(version.message(), "6.1 (Windows 7)", "6.0 (Windows Vista)", "refuses");
        assertVerdict(Verdict.WARN, findings, "OS version");
    }

    @Test
    void minWindowsVersion61CannotBeKeptByACurrentGoThoughItsHeaderSays61() {
        BinaryReport report = inspect(GoBinaries.build("windows", "amd64"));
        List<Finding> findings = rule.evaluate(report, WINDOWS, RuleSettings.builder().minWindowsVersion("6.1").build());
        assertWellFormed(rule, findings);
        assertVerdict(Verdict.PASS, findings, "subsystem version");
        assertVerdict(Verdict.PASS, findings, "OS version");
        Finding support = row(findings, "Go release support");
        assertEquals(Verdict.FAIL, support.verdict());
        assertContainsAll(support.message(), report.images().get(0).buildInfo().orElseThrow().goVersion(),
                "requires Windows 10 / Server 2016 or later (Go 1.21 raised it", "minWindowsVersion is 6.1 (Windows 7)",
                "cannot be kept");
        assertContainsAll(support.hint(), "Raise <minWindowsVersion> to 10.0", "Go 1.20 or older");
        assertEquals(List.of(support), problems(findings));

        assertNoProblems(rule.evaluate(report, WINDOWS, RuleSettings.builder().minWindowsVersion("10.0").build()));
    }

    @Test
    void go120BuildSupportsWindows7() {
        BinaryReport report = inspect(GoBuild.of("tiny", "windows", "amd64").toolchain("go1.20.14").goflags("").build());
        assertEquals(6, pe(report).majorSubsystemVersion());
        List<Finding> findings = rule.evaluate(report, WINDOWS,
                RuleSettings.builder().minWindowsVersion("6.1").windowsSubsystem("console").build());
        assertWellFormed(rule, findings);
        assertVerdict(Verdict.PASS, findings, "Go release support");
        assertContainsAll(row(findings, "Go release support").seen(), "go1.20.14", "Windows 7");
        assertNoProblems(findings);
        assertVerdict(Verdict.FAIL, rule.evaluate(report, WINDOWS, RuleSettings.builder().minWindowsVersion("6.0").build()),
                "subsystem version");
    }

    @Test
    void reportsWhatItSeesWhenNothingIsConfigured() {
        List<Finding> findings = rule.evaluate(inspect(GoBinaries.build("windows", "386")), Target.parse("windows/386"),
                RuleSettings.none());
        assertWellFormed(rule, findings);
        assertTrue(findings.stream().allMatch(f -> f.verdict() == Verdict.INFO), findings::toString);
        assertContainsAll(row(findings, "subsystem").seen(), "WINDOWS_CUI", "console");
        assertEquals("6.1 (Windows 7)", row(findings, "subsystem version").seen());
        assertContainsAll(row(findings, "Go release support").seen(), "Windows 10");
        assertContainsAll(row(findings, "Go release support").message(), "(Go 1.21 raised it", "subsystem version 6.1 (Windows 7)",
                "set <minWindowsVersion>");
    }

    @Test
    void skipsBinariesThatAreNotPe() {
        List<Finding> findings = rule.evaluate(inspect(GoBinaries.build("linux", "arm64")), Target.parse("linux/arm64"),
                RuleSettings.builder().windowsSubsystem("console").minWindowsVersion("6.1").build());
        assertEquals(1, findings.size(), findings.toString());
        assertEquals(Verdict.SKIP, findings.get(0).verdict());
        assertContainsAll(findings.get(0).seen(), "linux/arm64", "not a Windows");
    }

    @Test
    void rejectsSettingsItCannotRead() {
        BinaryReport report = inspect(GoBinaries.build("windows", "amd64"));
        assertContainsAll(assertThrows(IllegalArgumentException.class, () -> rule.evaluate(report, WINDOWS,
                RuleSettings.builder().windowsSubsystem("service").build())).getMessage(), "<windowsSubsystem>", "console or gui");
        assertContainsAll(assertThrows(IllegalArgumentException.class, () -> rule.evaluate(report, WINDOWS,
                RuleSettings.builder().minWindowsVersion("win7").build())).getMessage(), "<minWindowsVersion>", "6.1");
    }

    private static PeFile pe(BinaryReport report) {
        return (PeFile) report.images().get(0).executable();
    }
}
