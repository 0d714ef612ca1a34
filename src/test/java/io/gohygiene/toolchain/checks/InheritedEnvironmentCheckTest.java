package io.gohygiene.toolchain.checks;

import io.gohygiene.finding.Finding;
import io.gohygiene.finding.Verdict;
import io.gohygiene.platform.Target;
import io.gohygiene.toolchain.ToolchainPolicy;
import io.gohygiene.toolchain.Toolchains;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class InheritedEnvironmentCheckTest {

    @TempDir
    Path dir;

    private List<Finding> check(Map<String, String> env, Target... targets) throws Exception {
        return Toolchains.of(Toolchains.run(Toolchains.cleanEnvironment(dir, env), dir, List.of(targets), ToolchainPolicy.defaults()),
                InheritedEnvironmentCheck.ID);
    }

    @Test
    void nothingInheritedPasses() throws Exception {
        List<Finding> rows = check(Map.of(), Target.parse("linux/amd64"));
        assertEquals(1, rows.size());
        assertEquals(Verdict.PASS, rows.get(0).verdict());
    }

    @Test
    void aForeignGoarchFromTheEnvironmentFailsNamingGoarch() throws Exception {
        Finding f = Toolchains.only(check(Map.of("GOARCH", "arm64"), Target.parse("linux/amd64"), Target.parse("linux/arm64")), "GOARCH");
        assertEquals(Verdict.FAIL, f.verdict());
        assertEquals("GOARCH=arm64 (environment)", f.seen());
        assertTrue(f.message().contains("the targets need linux/amd64"), f.message());
        assertTrue(f.hint().contains("unset GOARCH"), f.hint());
    }

    @Test
    void aGoosPinnedInTheGoEnvFileSaysHowToUnpinIt() throws Exception {
        Map<String, String> env = Toolchains.cleanEnvironment(dir, Map.of());
        Files.writeString(Path.of(env.get("GOENV")), "GOOS=windows\n");
        List<Finding> rows = Toolchains.of(Toolchains.run(env, dir, List.of(Target.parse("linux/amd64")), ToolchainPolicy.defaults()),
                InheritedEnvironmentCheck.ID);
        Finding f = Toolchains.only(rows, "GOOS");
        assertEquals(Verdict.FAIL, f.verdict());
        assertTrue(f.seen().contains("go env file"), f.seen());
        assertTrue(f.hint().contains("go env -u GOOS"), f.hint());
    }

    /** Issue 15.10: go env -json fails for such a pair; the probe runs without it and the gate reports the pair. */
    @Test
    void aGoosGoarchPairThatGoRejectsIsReportedNotAProbeFailure() throws Exception {
        Finding f = Toolchains.only(check(Map.of("GOOS", "plan9", "GOARCH", "s390x"), Target.parse("linux/amd64")), "GOOS/GOARCH");
        assertEquals(Verdict.FAIL, f.verdict());
        assertEquals("GOOS=plan9 (environment), GOARCH=s390x (environment)", f.seen());
        assertTrue(f.message().startsWith("go rejects plan9/s390x (unsupported GOOS/GOARCH pair)"), f.message());
        assertTrue(f.hint().contains("unset GOOS") && f.hint().contains("unset GOARCH"), f.hint());
    }

    @Test
    void aRejectedPairPinnedInTheGoEnvFileIsReportedToo() throws Exception {
        Map<String, String> env = Toolchains.cleanEnvironment(dir, Map.of());
        Files.writeString(Path.of(env.get("GOENV")), "GOOS=plan9\nGOARCH=s390x\n");
        Finding f = Toolchains.only(Toolchains.of(Toolchains.run(env, dir, List.of(Target.parse("linux/amd64")), ToolchainPolicy.defaults()),
                InheritedEnvironmentCheck.ID), "GOOS/GOARCH");
        assertEquals(Verdict.FAIL, f.verdict());
        assertTrue(f.hint().contains("go env -u GOOS"), f.hint());
    }

    @Test
    void aGoarchThatEveryTargetSharesPasses() throws Exception {
        assertEquals(Verdict.PASS, Toolchains.only(check(Map.of("GOARCH", "amd64"), Target.parse("linux/amd64"), Target.parse("windows/amd64")),
                "GOARCH").verdict());
    }

    @Test
    void cgoDisabledFailsACgoTarget() throws Exception {
        Target cgo = new Target(Target.parse("linux/amd64").platform(), null, true, "gcc");
        Finding f = Toolchains.only(check(Map.of("CGO_ENABLED", "0"), cgo), "CGO_ENABLED");
        assertEquals(Verdict.FAIL, f.verdict());
        assertTrue(f.message().contains("linux/amd64 need cgo"), f.message());
    }

    @Test
    void aVariantDifferentFromTheTargetsWarns() throws Exception {
        assertEquals(Verdict.WARN, Toolchains.only(check(Map.of("GOAMD64", "v3"), Target.parse("linux/amd64")), "GOAMD64").verdict());
        assertEquals(Verdict.PASS, Toolchains.only(check(Map.of("GOAMD64", "v3"), Target.parse("linux/amd64/v3")), "GOAMD64").verdict());
    }

    @Test
    void goflagsThatChangeTheBinaryWarnAndHarmlessOnesPass() throws Exception {
        Finding tags = Toolchains.only(check(Map.of("GOFLAGS", "-buildvcs=false -tags=netgo -ldflags=-s"), Target.parse("linux/amd64")), "GOFLAGS");
        assertEquals(Verdict.WARN, tags.verdict());
        assertTrue(tags.message().contains("-tags=netgo -ldflags=-s"), tags.message());
        assertEquals(Verdict.PASS, Toolchains.only(check(Map.of("GOFLAGS", "-buildvcs=false -modcacherw"), Target.parse("linux/amd64")),
                "GOFLAGS").verdict());
    }

    /** Issue 16.4: the row says what the build goal will do with each flag, in the build's own words. */
    @Test
    void goEnvFileGoflagsSayWhatTheBuildKeepsAndDrops() throws Exception {
        Map<String, String> env = Toolchains.cleanEnvironment(dir, Map.of());
        Files.writeString(Path.of(env.get("GOENV")), "GOFLAGS=-buildvcs=false\n");
        Finding kept = Toolchains.only(Toolchains.of(Toolchains.run(env, dir, List.of(Target.parse("linux/amd64")), ToolchainPolicy.defaults()),
                InheritedEnvironmentCheck.ID), "GOFLAGS");
        assertEquals(Verdict.PASS, kept.verdict());
        assertEquals("the build keeps -buildvcs=false (VCS stamping in the build info only)", kept.expected());

        Finding mixed = Toolchains.only(check(Map.of("GOFLAGS", "-buildvcs=false -tags=netgo"), Target.parse("linux/amd64")), "GOFLAGS");
        assertEquals("the build keeps -buildvcs=false (VCS stamping in the build info only); the build drops -tags=netgo"
                + " (changes the binary: <tags> decides)", mixed.expected());
        assertTrue(mixed.message().contains("the build drops it"), mixed.message());
    }

    @Test
    void anInheritedCcWarnsWhenItPicksTheCompilerOfANativeTarget() throws Exception {
        Finding cc = Toolchains.only(check(Map.of("CC", "clang")), "CC");
        assertEquals(Verdict.WARN, cc.verdict());
        assertTrue(cc.hint().contains("<cc>"), cc.hint());
        Target withCc = new Target(Target.parse("linux/amd64").platform(), null, true, "gcc");
        assertEquals(Verdict.INFO, Toolchains.only(check(Map.of("CC", "clang"), withCc), "CC").verdict());
    }

    @Test
    void cgoFlagsFromTheShellWarn() throws Exception {
        assertEquals(Verdict.WARN, Toolchains.only(check(Map.of("CGO_LDFLAGS", "-L/opt/homebrew/lib")), "CGO_LDFLAGS").verdict());
    }
}
