package io.gohygiene.rules;

import io.gohygiene.binary.BinaryReport;
import io.gohygiene.finding.Finding;
import io.gohygiene.finding.Severity;
import io.gohygiene.finding.Verdict;
import io.gohygiene.platform.Target;
import io.gohygiene.testing.GoBinaries;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The verifier's own mechanics (severities, waivers, per-target settings) on a real binary, with two small rules. */
class BinaryVerifierTest {

    /** Fails every binary whose GOARCH differs from the target's, warns about nothing else. */
    private static final Rule ARCH = new Rule() {
        public String id() {
            return "arch";
        }

        public Severity defaultSeverity() {
            return Severity.ERROR;
        }

        public List<Finding> evaluate(BinaryReport report, Target target, RuleSettings settings) {
            String seen = report.goarches().get(0);
            return List.of(seen.equals(target.goarch()) ? Finding.pass(id(), "GOARCH", seen, target.goarch())
                    : Finding.problem(id(), "GOARCH", seen, target.goarch(), Verdict.FAIL, "built for " + seen, "rebuild"));
        }
    };

    /** Reports the configured glibc ceiling, to show which settings a target got. */
    private static final Rule CEILING = new Rule() {
        public String id() {
            return "ceiling";
        }

        public Severity defaultSeverity() {
            return Severity.OFF;
        }

        public List<Finding> evaluate(BinaryReport report, Target target, RuleSettings settings) {
            return List.of(Finding.info(id(), "maxGlibc", settings.maxGlibc().orElse("none"), "configured ceiling"));
        }
    };

    private static final Path BINARY = GoBinaries.build("linux", "amd64");
    private static final Path SHOWN = Path.of("target/go/linux_amd64/tiny");

    private static List<Finding> verify(VerifyPolicy policy, String target) throws Exception {
        return new BinaryVerifier(List.of(ARCH, CEILING), policy).verify(BINARY, SHOWN, Target.parse(target)).findings();
    }

    @Test
    void aRuleAtItsDefaultSeverityFailsAndAnOffRuleDoesNotRun() throws Exception {
        List<Finding> findings = verify(VerifyPolicy.of(RuleSettings.none()), "linux/arm64");
        assertEquals(List.of(Verdict.FAIL), findings.stream().map(Finding::verdict).toList());
    }

    @Test
    void severitiesTurnFailuresIntoWarningsAndSwitchRulesOn() throws Exception {
        VerifyPolicy policy = new VerifyPolicy(RuleSettings.none(), Map.of(), Map.of("arch", Severity.WARN, "ceiling", Severity.ERROR), List.of());
        List<Finding> findings = verify(policy, "linux/arm64");
        assertEquals(List.of(Verdict.WARN, Verdict.INFO), findings.stream().map(Finding::verdict).toList());
    }

    @Test
    void aMatchingWaiverReportsTheViolationAsWaivedWithItsReason() throws Exception {
        VerifyPolicy policy = new VerifyPolicy(RuleSettings.none(), Map.of(), Map.of(),
                List.of(new Waiver("arch", "target/go/**", "", "arm64 hosts run it under qemu (OPS-7)")));
        Finding f = verify(policy, "linux/arm64").get(0);
        assertEquals(Verdict.WAIVED, f.verdict());
        assertTrue(f.message().endsWith("(waived: arm64 hosts run it under qemu (OPS-7))"), f.message());
    }

    @Test
    void aWaiverForAnotherBinaryOrSubjectDoesNotApply() throws Exception {
        VerifyPolicy otherGlob = new VerifyPolicy(RuleSettings.none(), Map.of(), Map.of(),
                List.of(new Waiver("arch", "dist/**", "", "not this one")));
        assertEquals(Verdict.FAIL, verify(otherGlob, "linux/arm64").get(0).verdict());
        VerifyPolicy otherSubject = new VerifyPolicy(RuleSettings.none(), Map.of(), Map.of(),
                List.of(new Waiver("arch", "**", "GOOS", "not this subject")));
        assertEquals(Verdict.FAIL, verify(otherSubject, "linux/arm64").get(0).verdict());
    }

    @Test
    void aWaiverWithoutAReasonIsRejected() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new Waiver("glibc", "**", "", " "));
        assertTrue(e.getMessage().contains("has no <reason>"), e.getMessage());
    }

    @Test
    void perTargetSettingsOverrideTheProjects() throws Exception {
        VerifyPolicy policy = new VerifyPolicy(RuleSettings.builder().maxGlibc("2.28").build(),
                Map.of("linux/arm64", RuleSettings.builder().maxGlibc("2.17").build()), Map.of("ceiling", Severity.ERROR), List.of());
        assertEquals("2.28", verify(policy, "linux/amd64").get(1).seen());
        assertEquals("2.17", verify(policy, "linux/arm64").get(1).seen());
    }

    @Test
    void unknownRuleIdsInSeveritiesOrWaiversListTheRealOnes() {
        VerifyPolicy policy = new VerifyPolicy(RuleSettings.none(), Map.of(), Map.of("glibcc", Severity.WARN), List.of());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new BinaryVerifier(List.of(ARCH, CEILING), policy));
        assertTrue(e.getMessage().contains("unknown rule glibcc; the rules are arch, ceiling"), e.getMessage());
    }
}
