package io.gohygiene.rules;

import io.gohygiene.binary.BinaryReader;
import io.gohygiene.binary.BinaryReport;
import io.gohygiene.binary.buildinfo.BuildInfo;
import io.gohygiene.binary.buildinfo.Module;
import io.gohygiene.binary.elf.ElfFile;
import io.gohygiene.finding.Finding;
import io.gohygiene.finding.Severity;
import io.gohygiene.finding.Verdict;
import io.gohygiene.platform.Target;
import io.gohygiene.testing.BinaryFiles;
import io.gohygiene.testing.GoBuild;
import io.gohygiene.version.VersionRange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import static io.gohygiene.rules.RulesBTestSupport.assertContainsAll;
import static io.gohygiene.rules.RulesBTestSupport.assertNoProblems;
import static io.gohygiene.rules.RulesBTestSupport.assertVerdict;
import static io.gohygiene.rules.RulesBTestSupport.assertWellFormed;
import static io.gohygiene.rules.RulesBTestSupport.git;
import static io.gohygiene.rules.RulesBTestSupport.gitRepository;
import static io.gohygiene.rules.RulesBTestSupport.inspect;
import static io.gohygiene.rules.RulesBTestSupport.patchedCopy;
import static io.gohygiene.rules.RulesBTestSupport.problems;
import static io.gohygiene.rules.RulesBTestSupport.row;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The buildinfo rule on binaries built here: with and without -trimpath, from a dirty git tree, with a local replace. */
class BuildInfoRuleTest {

    private static final Target LINUX = Target.parse("linux/amd64");

    private final BuildInfoRule rule = new BuildInfoRule();

    @Test
    void isAnErrorRuleCalledBuildinfo() {
        assertEquals("buildinfo", rule.id());
        assertEquals(BuildInfoRule.ID, rule.id());
        assertEquals(Severity.ERROR, rule.defaultSeverity());
    }

    @Test
    void trimpathRecordedPassesAndMissingFails() {
        RuleSettings trimpath = RuleSettings.builder().trimpath(true).build();
        List<Finding> with = rule.evaluate(inspect(GoBuild.of("tiny", "linux", "amd64").flags("-trimpath").build()), LINUX, trimpath);
        assertWellFormed(rule, with);
        assertVerdict(Verdict.PASS, with, "-trimpath");
        assertEquals("-trimpath=true", row(with, "-trimpath").seen());

        List<Finding> without = rule.evaluate(inspect(GoBuild.of("tiny", "linux", "amd64").build()), LINUX, trimpath);
        assertWellFormed(rule, without);
        Finding row = row(without, "-trimpath");
        assertEquals(Verdict.FAIL, row.verdict());
        assertEquals("absent", row.seen());
        assertContainsAll(row.hint(), "-trimpath");
        assertEquals(List.of(row), problems(without));
    }

    @Test
    void goVersionOutsideTheRangeFailsNamingTheVersion() {
        BinaryReport report = inspect(GoBuild.of("tiny", "linux", "amd64").flags("-trimpath").build());
        String go = report.images().get(0).buildInfo().orElseThrow().goVersion();
        List<Finding> future = rule.evaluate(report, LINUX, RuleSettings.builder().goVersion(VersionRange.parse("[99,)")).build());
        assertWellFormed(rule, future);
        Finding row = row(future, "Go version");
        assertEquals(Verdict.FAIL, row.verdict());
        assertEquals(go, row.seen());
        assertContainsAll(row.message(), go, "[99,)");

        List<Finding> current = rule.evaluate(report, LINUX, RuleSettings.builder().goVersion(VersionRange.parse("[1.21,)")).build());
        assertVerdict(Verdict.PASS, current, "Go version");
        assertNoProblems(current);
    }

    @Test
    void uncommittedChangeFailsVcsClean(@TempDir Path dir) throws IOException {
        Path repo = gitRepository(dir, "tiny");
        String head = git(repo, "rev-parse", "HEAD").strip();
        Files.writeString(repo.resolve("main.go"), Files.readString(repo.resolve("main.go")) + "\n// not committed\n");
        BinaryReport report = inspect(GoBuild.of("tiny", "linux", "amd64").from(repo).goflags("-buildvcs=true").build());
        assertEquals(Optional.of("true"), report.images().get(0).buildInfo().orElseThrow().setting("vcs.modified"));

        List<Finding> findings = rule.evaluate(report, LINUX, RuleSettings.builder().vcsClean(true).build());
        assertWellFormed(rule, findings);
        Finding row = row(findings, "vcs.modified");
        assertEquals(Verdict.FAIL, row.verdict());
        assertEquals("vcs.modified=true", row.seen());
        assertContainsAll(row.message(), head, "uncommitted changes");
    }

    @Test
    void committedTreePassesVcsClean(@TempDir Path dir) {
        Path repo = gitRepository(dir, "tiny");
        String head = git(repo, "rev-parse", "HEAD").strip();
        List<Finding> findings = rule.evaluate(inspect(GoBuild.of("tiny", "linux", "amd64").from(repo).goflags("-buildvcs=true").build()),
                LINUX, RuleSettings.builder().vcsClean(true).build());
        assertWellFormed(rule, findings);
        assertVerdict(Verdict.PASS, findings, "vcs.modified");
        assertContainsAll(row(findings, "vcs.modified").seen(), "vcs.modified=false", head);
    }

    @Test
    void noVcsInformationCannotTell() {
        List<Finding> findings = rule.evaluate(inspect(GoBuild.of("tiny", "linux", "amd64").build()), LINUX,
                RuleSettings.builder().vcsClean(true).build());
        Finding row = row(findings, "vcs.modified");
        assertEquals(Verdict.WARN, row.verdict());
        assertContainsAll(row.message(), "cannot tell", "no vcs information");
        assertContainsAll(row.hint(), "-buildvcs=true");
    }

    @Test
    void localReplaceFailsUnlessAllowed() {
        BinaryReport report = inspect(GoBuild.of("withdeps", "linux", "amd64").flags("-trimpath").build());
        List<Finding> release = rule.evaluate(report, LINUX, RuleSettings.builder().allowLocalReplace(false).build());
        assertWellFormed(rule, release);
        Finding local = row(release, "replace example.com/local");
        assertEquals(Verdict.FAIL, local.verdict());
        assertEquals("example.com/local => ./local", local.seen());
        assertContainsAll(local.message(), "example.com/local", "./local");
        assertEquals(List.of(local), problems(release), "rsc.io/sampler is replaced by a module version, which is fine");

        List<Finding> allowed = rule.evaluate(report, LINUX, RuleSettings.builder().allowLocalReplace(true).build());
        assertWellFormed(rule, allowed);
        assertVerdict(Verdict.INFO, allowed, "replace example.com/local");
        assertNoProblems(allowed);
    }

    @Test
    void noLocalReplacePasses() {
        List<Finding> findings = rule.evaluate(inspect(GoBuild.of("tiny", "linux", "amd64").flags("-trimpath").build()), LINUX,
                RuleSettings.builder().allowLocalReplace(false).build());
        assertVerdict(Verdict.PASS, findings, "replace");
    }

    @Test
    void strippedBuildInfoFailsOnlyWhenSomethingGoSpecificIsAsked(@TempDir Path dir) throws Exception {
        Path exe = GoBuild.of("tiny", "linux", "amd64").flags("-trimpath").build();
        long magic;
        try (BinaryReader reader = BinaryReader.open(exe)) {
            magic = ElfFile.read(reader).section(".go.buildinfo").orElseThrow().offset();
        }
        assertTrue(BinaryFiles.hasBuildInfoMagicAt(exe, magic));
        Path stripped = patchedCopy(exe, dir, "stripped", ByteOrder.LITTLE_ENDIAN, b -> {
            for (int i = 0; i < BinaryFiles.BUILDINFO_MAGIC.length; i++) {
                b.put(Math.toIntExact(magic) + i, (byte) 0);
            }
        });
        BinaryReport report = inspect(stripped);
        assertTrue(report.images().get(0).buildInfo().isEmpty());

        List<Finding> quiet = rule.evaluate(report, LINUX, RuleSettings.none());
        assertWellFormed(rule, quiet);
        assertEquals(1, quiet.size());
        assertVerdict(Verdict.INFO, quiet, "build info");

        List<Finding> asked = rule.evaluate(report, LINUX, RuleSettings.builder().goVersion(VersionRange.parse("[1.21,)")).build());
        Finding row = row(asked, "build info");
        assertEquals(Verdict.FAIL, row.verdict());
        assertContainsAll(row.message(), "not a Go binary or build info stripped", "goVersion [1.21,)");
    }

    @Test
    void go117RecordsNoBuildSettingsSoTrimpathAndVcsCannotBeTold() {
        BinaryReport report = inspect(GoBuild.of("withdeps", "linux", "amd64").toolchain("go1.17.13").goflags("").flags("-trimpath").build());
        BuildInfo info = report.images().get(0).buildInfo().orElseThrow();
        assertTrue(info.settings().isEmpty(), info.settings().toString());
        List<Finding> findings = rule.evaluate(report, LINUX, RuleSettings.builder().trimpath(true).vcsClean(true)
                .goVersion(VersionRange.parse("[1.18,)")).allowLocalReplace(false).build());
        assertWellFormed(rule, findings);
        assertVerdict(Verdict.WARN, findings, "-trimpath");
        assertContainsAll(row(findings, "-trimpath").message(), "go1.17.13", "records no build settings");
        assertVerdict(Verdict.WARN, findings, "vcs.modified");
        assertVerdict(Verdict.FAIL, findings, "Go version");
        assertVerdict(Verdict.FAIL, findings, "replace example.com/local");
    }

    @Test
    void recognisesLocalDirectoriesAsCmdGoDoes() {
        for (String path : List.of("./local", "../sibling", "/abs/dir", ".\\win", "..\\win", "C:\\src\\mod", "C:/src/mod")) {
            assertTrue(BuildInfoRule.isLocalDirectory(new Module(path, "", "")), path);
            assertTrue(BuildInfoRule.isLocalDirectory(new Module(path, "(devel)", "")), path);
        }
        assertFalse(BuildInfoRule.isLocalDirectory(new Module("rsc.io/sampler", "v1.99.99", "h1:x")));
        assertFalse(BuildInfoRule.isLocalDirectory(new Module("example.com/local", "", "")));
    }
}
