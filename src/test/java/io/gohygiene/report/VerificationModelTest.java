package io.gohygiene.report;

import io.gohygiene.finding.Finding;
import io.gohygiene.finding.Verdict;
import io.gohygiene.platform.Target;
import io.gohygiene.rules.BinaryVerification;
import io.gohygiene.rules.VerifyResult;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The result model the verify goal fills and the report writers read (io.gohygiene.rules). */
class VerificationModelTest {

    private static final Path PROJECT = Path.of("project");

    @Test
    void theWorstVerdictOfABinaryIsItsWorstRow() {
        VerifyResult result = VerifyResults.realistic(PROJECT);
        assertEquals(List.of(Verdict.FAIL, Verdict.WARN, Verdict.FAIL),
                result.binaries().stream().map(BinaryVerification::worstVerdict).toList());
        assertEquals(Verdict.FAIL, result.worstVerdict());
        assertEquals(Verdict.PASS, new BinaryVerification(Path.of("app"), Target.parse("linux/amd64"), List.of()).worstVerdict());
        assertEquals(Verdict.PASS, VerifyResult.of(List.of(), "1.0").worstVerdict());
    }

    @Test
    void aBinaryWithOnlyPassInfoAndNotApplicableRowsIsPass() {
        BinaryVerification clean = new BinaryVerification(Path.of("app"), Target.parse("linux/amd64"), List.of(
                Finding.pass("target", "GOARCH", "amd64", "amd64"), Finding.info("cgo", "CGO_ENABLED", "0", "cgo is off"),
                Finding.skip("macos", "macOS", "not a macOS binary")));
        assertEquals(Verdict.PASS, clean.worstVerdict());
        assertEquals(Verdict.PASS, BinaryVerification.worst(List.of(Finding.skip("macos", "macOS", "n/a"))));
        assertEquals(Verdict.PASS, BinaryVerification.worst(List.of(Finding.info("cgo", "CGO_ENABLED", "0", "off"))));
        assertEquals(Verdict.PASS, VerifyResult.of(List.of(clean), "1.0").worstVerdict());
        Finding waived = Finding.problem("macos", "minos", "12", "<= 11", Verdict.FAIL, "too new", "raise").waived("accepted");
        assertEquals(Verdict.WAIVED, BinaryVerification.worst(List.of(Finding.skip("glibc", "GLIBC", "n/a"), waived)));
    }

    @Test
    void failuresAndWarningsAreTheRowsWithThatVerdict() {
        VerifyResult result = VerifyResults.realistic(PROJECT);
        BinaryVerification linux = result.binaries().get(0);
        assertEquals(List.of("linkage", "GLIBC_2.34", "GLIBCXX_3.4.29"), linux.failures().stream().map(Finding::subject).toList());
        assertEquals(List.of("RELRO"), linux.warnings().stream().map(Finding::subject).toList());
        assertEquals(4, result.failures().size(), "waived rows are not failures");
        assertEquals(List.of("RELRO", "/usr/local/lib/libz.1.dylib"), result.warnings().stream().map(Finding::subject).toList());
    }

    @Test
    void rowsAreGroupedByRuleInTheOrderTheRulesReported() {
        Map<String, List<Finding>> byRule = VerifyResults.realistic(PROJECT).binaries().get(0).findingsByRule();
        assertEquals(List.of("target", "linkage", "glibc", "hardening", "macos"), List.copyOf(byRule.keySet()));
        assertEquals(List.of("GLIBC_2.2.5", "GLIBC_2.34", "GLIBCXX_3.4.29"), byRule.get("glibc").stream().map(Finding::subject).toList());
        assertThrows(UnsupportedOperationException.class, () -> byRule.put("x", List.of()));
    }

    @Test
    void theResultNamesThisPluginAndRejectsARelativeInformationUri() {
        assertEquals("go-hygiene-maven-plugin", VerifyResult.of(List.of(), "1.0").toolName());
        assertThrows(IllegalArgumentException.class, () -> new VerifyResult(List.of(), "x", "1.0", "docs/index.html"));
    }
}
