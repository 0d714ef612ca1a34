package io.gohygiene.rules;

import io.gohygiene.binary.BinaryReport;
import io.gohygiene.finding.Finding;
import io.gohygiene.finding.Verdict;
import io.gohygiene.testing.GoBinaries;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import static io.gohygiene.rules.RulesATestSupport.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** Real binaries: pure Go (static), cgo with gcc (glibc, dynamic), cgo with zig for musl (static), darwin and windows. */
class LinkageRuleTest {

    private final LinkageRule rule = new LinkageRule();

    private List<Finding> evaluate(Path file, String target, RuleSettings settings) {
        return rule.evaluate(inspect(file), target(target), settings);
    }

    private static RuleSettings linkage(Linkage linkage) {
        return RuleSettings.builder().linkage(linkage).build();
    }

    @Test
    void pureGoPassesStatic() {
        List<Finding> findings = evaluate(pureGoLinuxAmd64(), "linux/amd64", linkage(Linkage.STATIC));
        Finding f = one(findings, "linkage");
        assertVerdict(Verdict.PASS, f, findings);
        assertEquals("static (no PT_INTERP, no DT_NEEDED)", f.seen());
    }

    @Test
    void pureGoFailsDynamic() {
        List<Finding> findings = evaluate(pureGoLinuxAmd64(), "linux/amd64", linkage(Linkage.DYNAMIC));
        Finding f = one(findings, "linkage");
        assertVerdict(Verdict.FAIL, f, findings);
        assertTrue(f.message().contains("statically linked") && f.message().contains("<linkage> is dynamic"), f.message());
        assertTrue(f.hint().contains("CGO_ENABLED=1"), f.hint());
    }

    @Test
    void cgoWithGccFailsStaticNamingTheInterpreterAndTheLibraries() {
        List<Finding> findings = evaluate(cgoGccLinuxAmd64(), "linux/amd64", linkage(Linkage.STATIC));
        Finding f = one(findings, "linkage");
        assertVerdict(Verdict.FAIL, f, findings);
        assertTrue(f.message().contains("interpreter /lib64/ld-linux-x86-64.so.2") && f.message().contains("needs libc.so.6"), f.message());
        assertTrue(f.hint().contains("CGO_ENABLED=0") && f.hint().contains("zig cc -target x86_64-linux-musl"), f.hint());
    }

    @Test
    void cgoWithGccPassesDynamic() {
        List<Finding> findings = evaluate(cgoGccLinuxAmd64(), "linux/amd64", linkage(Linkage.DYNAMIC));
        assertVerdict(Verdict.PASS, one(findings, "linkage"), findings);
    }

    @Test
    void linkageNotSetSaysWhatItIs() {
        List<Finding> findings = evaluate(cgoGccLinuxAmd64(), "linux/amd64", RuleSettings.none());
        Finding f = one(findings, "linkage");
        assertVerdict(Verdict.INFO, f, findings);
        assertTrue(f.seen().startsWith("dynamic: interpreter /lib64/ld-linux-x86-64.so.2"), f.seen());
        assertTrue(findings.stream().noneMatch(x -> x.subject().equals("libc")), "no libc row when <libc> is not set");
    }

    @Test
    void cgoWithGccPassesGlibcAndFailsMusl() {
        List<Finding> glibc = evaluate(cgoGccLinuxAmd64(), "linux/amd64", RuleSettings.builder().libc("glibc").build());
        assertVerdict(Verdict.PASS, one(glibc, "libc"), glibc);

        List<Finding> musl = evaluate(cgoGccLinuxAmd64(), "linux/amd64", RuleSettings.builder().libc("musl").build());
        Finding f = one(musl, "libc");
        assertVerdict(Verdict.FAIL, f, musl);
        assertTrue(f.message().contains("/lib64/ld-linux-x86-64.so.2 (glibc)") && f.message().contains("<libc> is musl"), f.message());
        assertTrue(f.hint().contains("x86_64-linux-musl"), f.hint());
    }

    @Test
    void aStaticBinaryHasNoLoaderToCheckForLibc() {
        List<Finding> findings = evaluate(pureGoLinuxAmd64(), "linux/amd64", RuleSettings.builder().libc("musl").build());
        assertVerdict(Verdict.SKIP, one(findings, "libc"), findings);
    }

    @Test
    void anUnknownLibcFailsWithTheValidValues() {
        List<Finding> findings = evaluate(cgoGccLinuxAmd64(), "linux/amd64", RuleSettings.builder().libc("uclibc").build());
        Finding f = one(findings, "libc");
        assertVerdict(Verdict.FAIL, f, findings);
        assertTrue(f.hint().contains("glibc or musl"), f.hint());
    }

    @Test
    void cgoLinkedByZigForMuslPassesStatic() throws Exception {
        assumeTrue(zigUnavailable().isEmpty(), () -> zigUnavailable().orElse(""));
        Path musl = cgoZigMuslLinuxAmd64();
        BinaryReport report = inspect(musl);
        assertEquals(Optional.of("1"), report.images().get(0).buildInfo().flatMap(b -> b.setting("CGO_ENABLED")),
                "the zig build is a cgo build");
        List<Finding> findings = rule.evaluate(report, target("linux/amd64"), linkage(Linkage.STATIC));
        assertVerdict(Verdict.PASS, one(findings, "linkage"), findings);
        List<Finding> dynamic = rule.evaluate(report, target("linux/amd64"), linkage(Linkage.DYNAMIC));
        assertVerdict(Verdict.FAIL, one(dynamic, "linkage"), dynamic);
    }

    @Test
    void darwinStaticIsExplainedNotFailed() {
        List<Finding> findings = evaluate(GoBinaries.build("darwin", "arm64"), "darwin/arm64", linkage(Linkage.STATIC));
        Finding f = one(findings, "linkage");
        assertVerdict(Verdict.INFO, f, findings);
        assertTrue(f.message().contains("macOS has no static executables"), f.message());
        assertTrue(f.seen().contains("/usr/lib/dyld") && f.seen().contains("libSystem.B.dylib"), f.seen());
    }

    @Test
    void windowsStaticIsExplainedNotFailed() {
        List<Finding> findings = evaluate(GoBinaries.build("windows", "amd64"), "windows/amd64",
                RuleSettings.builder().linkage(Linkage.STATIC).libc("glibc").build());
        Finding f = one(findings, "linkage");
        assertVerdict(Verdict.INFO, f, findings);
        assertTrue(f.seen().toLowerCase().contains("kernel32.dll"), f.seen());
        assertTrue(f.message().contains("Windows executables always import system DLLs"), f.message());
        assertVerdict(Verdict.SKIP, one(findings, "libc"), findings);
    }
}
