package io.gohygiene.rules;

import io.gohygiene.binary.BinaryReport;
import io.gohygiene.finding.Finding;
import io.gohygiene.finding.Verdict;
import io.gohygiene.platform.Target;
import io.gohygiene.testing.GoBinaries;
import io.gohygiene.testing.GoBuild;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static io.gohygiene.rules.RulesATestSupport.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** CGO_ENABLED from real builds: the silent pure-Go cross build, cgo with gcc, an unused CGO_ENABLED=1, static cgo with zig. */
class CgoRuleTest {

    private final CgoRule rule = new CgoRule();

    private List<Finding> evaluate(Path file, Target target, RuleSettings settings) {
        return rule.evaluate(inspect(file), target, settings);
    }

    /**
     * The errata's trap: a cross build for linux/arm64 with CC set and CGO_ENABLED unset. go turns cgo off for a
     * cross build unless CGO_ENABLED=1 is explicit, so the tiny program comes out pure Go.
     */
    @Test
    void aCrossBuildWithOnlyCcSetFailsACgoTarget() {
        Path file = GoBuild.of("tiny", "linux", "arm64").env("CGO_ENABLED", null).env("CC", "aarch64-linux-gnu-gcc").build();
        BinaryReport report = inspect(file);
        assertEquals(Optional.of("0"), report.images().get(0).buildInfo().flatMap(b -> b.setting("CGO_ENABLED")),
                "go built it pure Go, as the errata says");

        List<Finding> findings = rule.evaluate(report, cgoTarget("linux/arm64", true, "aarch64-linux-gnu-gcc"), RuleSettings.none());
        Finding f = one(findings, "CGO_ENABLED");
        assertVerdict(Verdict.FAIL, f, findings);
        assertEquals("CGO_ENABLED=0", f.seen());
        assertEquals("CGO_ENABLED=1 (<cgo>true</cgo>)", f.expected());
        assertTrue(f.message().contains("a CC alone is ignored"), f.message());
        assertTrue(f.hint().contains("set <cgo>true</cgo> on the target") && f.hint().contains("CC=aarch64-linux-gnu-gcc"), f.hint());
    }

    @Test
    void cgoWithGccPassesACgoTargetAndLoadsTheCLibrary() {
        List<Finding> findings = evaluate(cgoGccLinuxAmd64(), cgoTarget("linux/amd64", true, "gcc"), RuleSettings.none());
        assertVerdict(Verdict.PASS, one(findings, "CGO_ENABLED"), findings);
        Finding linkage = one(findings, "cgo vs linkage");
        assertVerdict(Verdict.PASS, linkage, findings);
        assertTrue(linkage.seen().contains("needs libc.so.6"), linkage.seen());
    }

    @Test
    void cgoFailsATargetThatSaysNoCgo() {
        List<Finding> findings = evaluate(cgoGccLinuxAmd64(), cgoTarget("linux/amd64", false, null), RuleSettings.none());
        Finding f = one(findings, "CGO_ENABLED");
        assertVerdict(Verdict.FAIL, f, findings);
        assertTrue(f.hint().contains("CGO_ENABLED=0"), f.hint());
    }

    @Test
    void aTargetWithoutCgoSettingIsInformational() {
        List<Finding> findings = evaluate(pureGoLinuxAmd64(), target("linux/amd64"), RuleSettings.none());
        assertVerdict(Verdict.INFO, one(findings, "CGO_ENABLED"), findings);
        assertVerdict(Verdict.PASS, one(findings, "cgo vs linkage"), findings);
    }

    /** No package imports "C": Go links internally and the binary loads nothing, so CGO_ENABLED=1 bought nothing. */
    @Test
    void cgoEnabledWithoutAnyCgoPackageWarns() {
        Path file = GoBinaries.build("tiny", "linux", "amd64", Map.of("CGO_ENABLED", "1", "CC", "gcc"));
        List<Finding> findings = evaluate(file, target("linux/amd64"), RuleSettings.none());
        Finding f = one(findings, "cgo vs linkage");
        assertVerdict(Verdict.WARN, f, findings);
        assertTrue(f.message().contains("Go's internal linker linked it") && f.message().contains("no package in the build uses cgo"),
                f.message());
    }

    @Test
    void staticCgoWithZigIsSuspectUnlessLinkageStaticAsksForIt() throws Exception {
        assumeTrue(zigUnavailable().isEmpty(), () -> zigUnavailable().orElse(""));
        BinaryReport report = inspect(cgoZigMuslLinuxAmd64());

        List<Finding> unasked = rule.evaluate(report, cgoTarget("linux/amd64", true, null), RuleSettings.none());
        Finding warn = one(unasked, "cgo vs linkage");
        assertVerdict(Verdict.WARN, warn, unasked);
        assertTrue(warn.message().contains("an external C linker") && warn.message().contains("linked statically"), warn.message());
        assertTrue(warn.hint().contains("<linkage>static</linkage>"), warn.hint());

        List<Finding> asked = rule.evaluate(report, cgoTarget("linux/amd64", true, null),
                RuleSettings.builder().linkage(Linkage.STATIC).build());
        Finding pass = one(asked, "cgo vs linkage");
        assertVerdict(Verdict.PASS, pass, asked);
        assertEquals("cgo linked statically, as <linkage>static</linkage> asks", pass.expected());
        assertVerdict(Verdict.PASS, one(asked, "CGO_ENABLED"), asked);
    }

    /**
     * Go refuses -linkmode=external without cgo, so a CGO_ENABLED=0 binary that needs libc.so.6 is made by editing
     * the cgo build's build info in place (CGO_ENABLED=1 to CGO_ENABLED=0, same length): build info that is not the file's own.
     */
    @Test
    void cgoDisabledYetNeedingLibrariesWarns(@TempDir Path tmp) throws Exception {
        byte[] bytes = Files.readAllBytes(cgoGccLinuxAmd64());
        String text = new String(bytes, StandardCharsets.ISO_8859_1);
        String setting = "\tCGO_ENABLED=1\n";
        assertTrue(text.contains(setting), "the build info holds CGO_ENABLED=1");
        // Every copy: the .go.buildinfo blob the reader reads, and runtime's modinfo string in the data.
        for (int at = text.indexOf(setting); at >= 0; at = text.indexOf(setting, at + 1)) {
            bytes[at + setting.length() - 2] = '0';
        }
        Path patched = Files.write(tmp.resolve("cgo-says-0"), bytes);

        List<Finding> findings = evaluate(patched, target("linux/amd64"), RuleSettings.none());
        assertEquals("CGO_ENABLED=0", one(findings, "CGO_ENABLED").seen());
        Finding f = one(findings, "cgo vs linkage");
        assertVerdict(Verdict.WARN, f, findings);
        assertTrue(f.message().contains("built with CGO_ENABLED=0 yet needs libc.so.6"), f.message());
    }

    @Test
    void darwinLinkageIsNotJudgedByCgo() {
        List<Finding> findings = evaluate(GoBinaries.build("darwin", "arm64"), target("darwin/arm64"), RuleSettings.none());
        assertVerdict(Verdict.SKIP, one(findings, "cgo vs linkage"), findings);
    }
}
