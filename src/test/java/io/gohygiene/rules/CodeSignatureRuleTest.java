package io.gohygiene.rules;

import io.gohygiene.binary.BinaryReport;
import io.gohygiene.binary.macho.LoadCommand;
import io.gohygiene.binary.macho.MachoFile;
import io.gohygiene.finding.Finding;
import io.gohygiene.finding.Severity;
import io.gohygiene.finding.Verdict;
import io.gohygiene.platform.Target;
import io.gohygiene.testing.GoBinaries;
import io.gohygiene.testing.Lipo;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.ByteOrder;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static io.gohygiene.rules.RulesBTestSupport.assertContainsAll;
import static io.gohygiene.rules.RulesBTestSupport.assertNoProblems;
import static io.gohygiene.rules.RulesBTestSupport.assertVerdict;
import static io.gohygiene.rules.RulesBTestSupport.assertWellFormed;
import static io.gohygiene.rules.RulesBTestSupport.inspect;
import static io.gohygiene.rules.RulesBTestSupport.patchedCopy;
import static io.gohygiene.rules.RulesBTestSupport.row;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The codesign rule (split from macos) on real darwin binaries, and the macos settings that still reach it. */
class CodeSignatureRuleTest {

    private final CodeSignatureRule rule = new CodeSignatureRule();

    @Test
    void isAnErrorRuleCalledCodesignSplitFromMacos() {
        assertEquals("codesign", rule.id());
        assertEquals(Severity.ERROR, rule.defaultSeverity());
        assertEquals("macos", rule.splitFrom().orElseThrow());
        assertTrue(RuleCatalog.all().stream().anyMatch(r -> r instanceof CodeSignatureRule));
    }

    @Test
    void arm64CarriesTheLinkersAdHocSignature() {
        List<Finding> findings = evaluate(inspect(GoBinaries.build("darwin", "arm64")), "darwin/arm64", RuleSettings.none());
        assertWellFormed(rule, findings);
        assertVerdict(Verdict.PASS, findings, "code signature");
        assertContainsAll(row(findings, "code signature").seen(), "LC_CODE_SIGNATURE", "adhoc", "linker-signed");
        assertVerdict(Verdict.INFO, findings, "signer");
        assertContainsAll(row(findings, "signer").seen(), "ad-hoc", "linker-signed");
        assertEquals("no", row(findings, "hardened runtime").seen(), "hardened runtime is opt-in, Go's linker does not set it");
        assertEquals("none", row(findings, "entitlements").seen());
        assertNoProblems(findings);
    }

    @Test
    void arm64WithoutCodeSignatureCommandFailsAsKilledAtExec(@TempDir Path dir) {
        BinaryReport report = inspect(unsigned(dir));
        assertTrue(macho(report, 0).codeSignature().isEmpty());
        List<Finding> findings = evaluate(report, "darwin/arm64", RuleSettings.none());
        assertWellFormed(rule, findings);
        Finding row = row(findings, "code signature");
        assertEquals(Verdict.FAIL, row.verdict());
        assertContainsAll(row.message(), "killed at exec");
        assertContainsAll(row.hint(), "codesign -s -");
    }

    @Test
    void amd64NeedsNoSignature() {
        BinaryReport report = inspect(GoBinaries.build("darwin", "amd64"));
        assertTrue(macho(report, 0).codeSignature().isEmpty(), "Go's linker signs only arm64");
        List<Finding> findings = evaluate(report, "darwin/amd64", RuleSettings.none());
        assertWellFormed(rule, findings);
        assertVerdict(Verdict.INFO, findings, "code signature");
        assertNoProblems(findings);
    }

    @Test
    void checksEverySliceOfAUniversalFile(@TempDir Path dir) {
        Path universal = Lipo.create(dir.resolve("universal"),
                List.of(GoBinaries.build("darwin", "amd64"), GoBinaries.build("darwin", "arm64")));
        List<Finding> findings = evaluate(inspect(universal), "darwin/arm64", RuleSettings.none());
        assertWellFormed(rule, findings);
        assertVerdict(Verdict.INFO, findings, "amd64 slice: code signature");
        assertVerdict(Verdict.PASS, findings, "arm64 slice: code signature");
    }

    @Test
    void skipsBinariesForOtherSystems() {
        List<Finding> findings = evaluate(inspect(GoBinaries.build("linux", "arm64")), "linux/arm64", RuleSettings.none());
        assertEquals(1, findings.size(), findings.toString());
        assertEquals(Verdict.SKIP, findings.get(0).verdict());
        assertContainsAll(findings.get(0).seen(), "linux/arm64", "not a macOS binary");
    }

    @Test
    void aMacosSeverityOrWaiverWrittenBeforeTheSplitStillAppliesToTheSignature(@TempDir Path dir) throws Exception {
        Path unsigned = unsigned(dir);
        Path shown = Path.of("target/go/darwin_arm64/tiny");
        List<Rule> rules = RuleCatalog.all();

        VerifyPolicy warn = new VerifyPolicy(RuleSettings.none(), Map.of(), Map.of("macos", Severity.WARN), List.of());
        assertVerdict(Verdict.WARN, new BinaryVerifier(rules, warn).verify(unsigned, shown, Target.parse("darwin/arm64")).findings(),
                "code signature");

        VerifyPolicy off = new VerifyPolicy(RuleSettings.none(), Map.of(), Map.of("macos", Severity.OFF), List.of());
        assertTrue(new BinaryVerifier(rules, off).verify(unsigned, shown, Target.parse("darwin/arm64")).findings().stream()
                .noneMatch(f -> f.check().equals("codesign")), "macos off turns the signature check off too, as before");

        VerifyPolicy ownWins = new VerifyPolicy(RuleSettings.none(), Map.of(), Map.of("macos", Severity.OFF, "codesign", Severity.ERROR), List.of());
        assertVerdict(Verdict.FAIL, new BinaryVerifier(rules, ownWins).verify(unsigned, shown, Target.parse("darwin/arm64")).findings(),
                "code signature");

        VerifyPolicy waived = new VerifyPolicy(RuleSettings.none(), Map.of(), Map.of(),
                List.of(new Waiver("macos", "**", "code signature", "signed by the release job (REL-3)")));
        Finding signature = row(new BinaryVerifier(rules, waived).verify(unsigned, shown, Target.parse("darwin/arm64")).findings(),
                "code signature");
        assertEquals(Verdict.WAIVED, signature.verdict());
        assertEquals("codesign", signature.check());
    }

    /** darwin/arm64 with an unknown load command in place of LC_CODE_SIGNATURE: the loader, like the parser, sees none. */
    private static Path unsigned(Path dir) {
        Path exe = GoBinaries.build("darwin", "arm64");
        LoadCommand signature = macho(inspect(exe), 0).loadCommands().stream()
                .filter(c -> c.cmd() == LoadCommand.LC_CODE_SIGNATURE).findFirst().orElseThrow();
        return patchedCopy(exe, dir, "unsigned", ByteOrder.LITTLE_ENDIAN, b -> b.putInt(Math.toIntExact(signature.offset()), 0x7f));
    }

    private List<Finding> evaluate(BinaryReport report, String target, RuleSettings settings) {
        return rule.evaluate(report, Target.parse(target), settings);
    }

    private static MachoFile macho(BinaryReport report, int image) {
        return (MachoFile) report.images().get(image).executable();
    }
}
