package io.gohygiene.rules;

import io.gohygiene.binary.BinaryReport;
import io.gohygiene.binary.macho.MachoFile;
import io.gohygiene.finding.Finding;
import io.gohygiene.finding.Severity;
import io.gohygiene.finding.Verdict;
import io.gohygiene.platform.Target;
import io.gohygiene.testing.GoBinaries;
import io.gohygiene.testing.GoBuild;
import io.gohygiene.testing.Lipo;
import io.gohygiene.testing.Zig;
import io.gohygiene.version.GoReleaseMinimums;
import io.gohygiene.version.GoVersion;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static io.gohygiene.rules.RulesBTestSupport.assertContainsAll;
import static io.gohygiene.rules.RulesBTestSupport.assertNoProblems;
import static io.gohygiene.rules.RulesBTestSupport.assertVerdict;
import static io.gohygiene.rules.RulesBTestSupport.assertWellFormed;
import static io.gohygiene.rules.RulesBTestSupport.inspect;
import static io.gohygiene.rules.RulesBTestSupport.problems;
import static io.gohygiene.rules.RulesBTestSupport.row;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** The macos rule on real darwin binaries of the installed Go and of older releases fetched as toolchain modules. */
class MacosRuleTest {

    private final MacosRule rule = new MacosRule();

    @Test
    void isAnErrorRuleCalledMacos() {
        assertEquals("macos", rule.id());
        assertEquals(MacosRule.ID, rule.id());
        assertEquals(Severity.ERROR, rule.defaultSeverity());
    }

    @Test
    void passesWhenMaxMacosEqualsTheMinos() {
        for (String goarch : List.of("arm64", "amd64")) {
            BinaryReport report = inspect(GoBinaries.build("darwin", goarch));
            String minos = macho(report, 0).minimumOsVersion().orElseThrow();
            List<Finding> findings = evaluate(report, "darwin/" + goarch, RuleSettings.builder().maxMacos(minos).build());
            assertWellFormed(rule, findings);
            assertVerdict(Verdict.PASS, findings, "minos");
            assertEquals("≤ " + minos, row(findings, "minos").expected());
            assertVerdict(Verdict.PASS, findings, "Go release support");
            assertNoProblems(findings);
        }
    }

    @Test
    void failsWhenMaxMacosIsJustBelowTheMinosNamingBothAndTheGoRelease() {
        BinaryReport report = inspect(GoBinaries.build("darwin", "arm64"));
        String minos = macho(report, 0).minimumOsVersion().orElseThrow();
        String below = justBelow(minos);
        String go = report.images().get(0).buildInfo().orElseThrow().goVersion();
        List<Finding> findings = evaluate(report, "darwin/arm64", RuleSettings.builder().maxMacos(below).build());
        assertWellFormed(rule, findings);
        Finding minosRow = row(findings, "minos");
        assertEquals(Verdict.FAIL, minosRow.verdict());
        String major = minos.split("\\.")[0];
        assertContainsAll(minosRow.message(), "macOS " + minos, "maxMacos is " + below, go,
                "requires macOS " + major + " or later (Go 1.");
        assertContainsAll(minosRow.hint(), "<maxMacos>");
    }

    @Test
    void go120DarwinAmd64NeedsOnlyMacos1013() {
        BinaryReport old = inspect(GoBuild.of("tiny", "darwin", "amd64").toolchain("go1.20.14").goflags("").build());
        MachoFile image = macho(old, 0);
        assertTrue(image.buildVersion().isPresent());
        assertEquals("10.13", image.minimumOsVersion().orElseThrow());
        RuleSettings settings = RuleSettings.builder().maxMacos("10.13").build();
        List<Finding> findings = evaluate(old, "darwin/amd64", settings);
        assertWellFormed(rule, findings);
        assertVerdict(Verdict.PASS, findings, "minos");
        assertVerdict(Verdict.PASS, findings, "Go release support");
        assertContainsAll(row(findings, "Go release support").seen(), "go1.20.14", "10.13");

        BinaryReport current = inspect(GoBinaries.build("darwin", "amd64"));
        String currentMinos = macho(current, 0).minimumOsVersion().orElseThrow();
        assertTrue(MacosRule.compareVersions(currentMinos, "10.13") > 0, currentMinos);
        List<Finding> now = evaluate(current, "darwin/amd64", settings);
        assertVerdict(Verdict.FAIL, now, "minos");
        assertContainsAll(row(now, "minos").hint(), "Go 1.20 or older");
    }

    @Test
    void go117WritesAnOlderMinosThanItSupportsSoMaxMacos1012CannotBeKept() {
        BinaryReport report = inspect(GoBuild.of("tiny", "darwin", "amd64").toolchain("go1.17.13").goflags("").build());
        assertEquals("10.9", macho(report, 0).minimumOsVersion().orElseThrow());
        List<Finding> findings = evaluate(report, "darwin/amd64", RuleSettings.builder().maxMacos("10.12").build());
        assertWellFormed(rule, findings);
        assertVerdict(Verdict.PASS, findings, "minos");
        Finding support = row(findings, "Go release support");
        assertEquals(Verdict.FAIL, support.verdict());
        assertContainsAll(support.message(), "go1.17.13 requires macOS 10.13 or later (Go 1.17 raised it)", "maxMacos is 10.12",
                "cannot be kept", "minos 10.9");
        assertContainsAll(support.hint(), "<maxMacos>", "Go 1.16 or older");
    }

    @Test
    void go122PureGoWarnsThatItsLinkerWroteAnOlderMinosThanTheReleaseSupports() {
        BinaryReport report = inspect(GoBuild.of("tiny", "darwin", "amd64").toolchain("go1.22.12").goflags("").build());
        assertEquals("10.13", macho(report, 0).minimumOsVersion().orElseThrow());
        List<Finding> findings = evaluate(report, "darwin/amd64", RuleSettings.none());
        assertWellFormed(rule, findings);
        assertVerdict(Verdict.INFO, findings, "minos");
        Finding support = row(findings, "Go release support");
        assertEquals(Verdict.WARN, support.verdict());
        assertContainsAll(support.message(), "go1.22.12 requires macOS 10.15 or later (Go 1.21 raised it)",
                "the binary says minos 10.13");
        assertContainsAll(support.hint(), "own linker", "<waivers>");
        assertEquals(List.of(support), problems(findings));
    }

    @Test
    void zigMacos11WithACurrentGoWarnsThatTheReleaseNeedsMacos12() {
        assumeTrue(Zig.unavailableReason().isEmpty(), () -> Zig.unavailableReason().orElse(""));
        BinaryReport report = inspect(Zig.darwinCgo("arm64", "11.0"));
        GoVersion go = GoVersion.find(report.images().get(0).buildInfo().orElseThrow().goVersion()).orElseThrow();
        assumeTrue(go.compareTo(GoVersion.parse("1.25").orElseThrow()) >= 0, () -> go + " predates Go 1.25's macOS 12 minimum");
        assertEquals("11.0", macho(report, 0).minimumOsVersion().orElseThrow());
        String raised = go.goName() + " requires " + (go.numbers().get(1) > GoReleaseMinimums.CHECKED_UP_TO ? "at least macOS 12"
                : "macOS 12 or later") + " (Go 1.25 raised it";

        List<Finding> unset = evaluate(report, "darwin/arm64", RuleSettings.none());
        assertWellFormed(rule, unset);
        Finding warn = row(unset, "Go release support");
        assertEquals(Verdict.WARN, warn.verdict());
        assertContainsAll(warn.message(), raised, "the binary says minos 11.0");
        assertContainsAll(warn.hint(), "<macos>12</macos>", "darwin target");
        assertEquals(List.of(warn), problems(unset));

        List<Finding> promised = evaluate(report, "darwin/arm64", RuleSettings.builder().maxMacos("11.0").build());
        assertWellFormed(rule, promised);
        assertVerdict(Verdict.PASS, promised, "minos");
        Finding fail = row(promised, "Go release support");
        assertEquals(Verdict.FAIL, fail.verdict());
        assertContainsAll(fail.message(), raised, "maxMacos is 11.0", "cannot be kept", "minos 11.0");
        assertContainsAll(fail.hint(), "Raise <maxMacos> and <macos> on this darwin target to 12", "Go 1.24 or older");

        List<Finding> twelve = evaluate(report, "darwin/arm64", RuleSettings.builder().maxMacos("12.0").build());
        assertVerdict(Verdict.WARN, twelve, "Go release support");
    }

    @Test
    void zigMacos12WithACurrentGoHasNothingToSay() {
        assumeTrue(Zig.unavailableReason().isEmpty(), () -> Zig.unavailableReason().orElse(""));
        BinaryReport report = inspect(Zig.darwinCgo("arm64", "12.0"));
        assertEquals("12.0", macho(report, 0).minimumOsVersion().orElseThrow());
        assertNoProblems(evaluate(report, "darwin/arm64", RuleSettings.none()));
        List<Finding> promised = evaluate(report, "darwin/arm64", RuleSettings.builder().maxMacos("12.0").build());
        assertWellFormed(rule, promised);
        assertVerdict(Verdict.PASS, promised, "Go release support");
        assertNoProblems(promised);
    }

    @Test
    void go116WritesVersionMinMacosxOnAmd64AndNothingOnArm64() {
        BinaryReport amd64 = inspect(GoBuild.of("tiny", "darwin", "amd64").toolchain("go1.16.15").goflags("").build());
        assertTrue(macho(amd64, 0).buildVersion().isEmpty());
        List<Finding> findings = evaluate(amd64, "darwin/amd64", RuleSettings.builder().maxMacos("10.9").build());
        assertVerdict(Verdict.PASS, findings, "minos");
        assertEquals("10.9 (LC_VERSION_MIN_MACOSX)", row(findings, "minos").seen());
        assertContainsAll(row(findings, "Go release support").message(), "predates Go 1.17");

        BinaryReport arm64 = inspect(GoBuild.of("tiny", "darwin", "arm64").toolchain("go1.16.15").goflags("").build());
        assertTrue(macho(arm64, 0).minimumOsVersion().isEmpty(), "go1.16 writes no version command for arm64");
        List<Finding> eleven = evaluate(arm64, "darwin/arm64", RuleSettings.builder().maxMacos("11.0").build());
        assertWellFormed(rule, eleven);
        assertVerdict(Verdict.PASS, eleven, "minos");
        assertContainsAll(row(eleven, "minos").seen(), "11.0", "inferred");
        List<Finding> older = evaluate(arm64, "darwin/arm64", RuleSettings.builder().maxMacos("10.15").build());
        assertVerdict(Verdict.FAIL, older, "minos");
        assertContainsAll(row(older, "minos").hint(), "Apple Silicon");
    }

    @Test
    void checksEverySliceOfAUniversalFile(@TempDir Path dir) {
        Path universal = Lipo.create(dir.resolve("universal"),
                List.of(GoBinaries.build("darwin", "amd64"), GoBinaries.build("darwin", "arm64")));
        BinaryReport report = inspect(universal);
        assertEquals(2, report.images().size());
        String minos = macho(report, 1).minimumOsVersion().orElseThrow();
        List<Finding> findings = evaluate(report, "darwin/arm64", RuleSettings.builder().maxMacos(minos).build());
        assertWellFormed(rule, findings);
        assertVerdict(Verdict.PASS, findings, "amd64 slice: minos");
        assertVerdict(Verdict.PASS, findings, "arm64 slice: minos");
        List<Finding> below = evaluate(report, "darwin/arm64", RuleSettings.builder().maxMacos(justBelow(minos)).build());
        assertVerdict(Verdict.FAIL, below, "arm64 slice: minos");
    }

    @Test
    void skipsBinariesForOtherSystems() {
        for (String platform : List.of("linux/amd64", "windows/amd64")) {
            String[] p = platform.split("/");
            List<Finding> findings = evaluate(inspect(GoBinaries.build(p[0], p[1])), platform,
                    RuleSettings.builder().maxMacos("11.0").build());
            assertEquals(1, findings.size(), findings.toString());
            assertEquals(Verdict.SKIP, findings.get(0).verdict());
            assertContainsAll(findings.get(0).seen(), platform, "not a macOS binary");
        }
    }

    @Test
    void withoutMaxMacosTheMinosIsInformation() {
        List<Finding> findings = evaluate(inspect(GoBinaries.build("darwin", "amd64")), "darwin/amd64", RuleSettings.none());
        assertWellFormed(rule, findings);
        assertVerdict(Verdict.INFO, findings, "minos");
        assertNoProblems(findings);
    }

    @Test
    void reportsNoCodeSignatureRowsWhichAreTheCodesignRules() {
        List<Finding> findings = evaluate(inspect(GoBinaries.build("darwin", "arm64")), "darwin/arm64", RuleSettings.none());
        assertTrue(findings.stream().noneMatch(f -> f.subject().contains("signature") || f.subject().equals("signer")), findings::toString);
        assertTrue(findings.stream().allMatch(f -> f.check().equals("macos")), findings::toString);
    }

    @Test
    void rejectsAMaxMacosThatIsNoVersion() {
        BinaryReport report = inspect(GoBinaries.build("darwin", "arm64"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> evaluate(report, "darwin/arm64", RuleSettings.builder().maxMacos("Sonoma").build()));
        assertContainsAll(e.getMessage(), "<maxMacos>", "Sonoma");
    }

    @Test
    void comparesVersionsNumerically() {
        assertEquals(0, MacosRule.compareVersions("12", "12.0"));
        assertTrue(MacosRule.compareVersions("10.9", "10.13") < 0);
        assertTrue(MacosRule.compareVersions("11.0", "10.15.7") > 0);
        assertFalse(MacosRule.compareVersions("12.0.1", "12.0") <= 0);
    }

    private List<Finding> evaluate(BinaryReport report, String target, RuleSettings settings) {
        return rule.evaluate(report, Target.parse(target), settings);
    }

    private static MachoFile macho(BinaryReport report, int image) {
        return (MachoFile) report.images().get(image).executable();
    }

    /** The highest version below {@code version} as people write it: 12.0 → 11.99, 10.13 → 10.12. */
    private static String justBelow(String version) {
        String[] parts = version.split("\\.");
        int major = Integer.parseInt(parts[0]);
        int minor = parts.length > 1 ? Integer.parseInt(parts[1]) : 0;
        return minor > 0 ? major + "." + (minor - 1) : (major - 1) + ".99";
    }
}
