package io.gohygiene.gotest;

import io.gohygiene.gobuild.BuildRequest;
import io.gohygiene.platform.Platform;
import io.gohygiene.platform.Target;
import io.gohygiene.testing.GoOnPath;
import io.gohygiene.testing.TestTrees;
import io.gohygiene.toolchain.LiveSystemProbe;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The host's tests and a linux/arm64 target's under qemu-aarch64 run at the same time, and come back host first.
 * The proof is the Go test itself (src/test/resources/gotest/rendezvous): each run waits for the other's file, so a
 * run after the other fails.
 */
class TestMatrixTest {

    static final Path SOURCE = Path.of("src/test/resources/gotest/rendezvous").toAbsolutePath();

    @TempDir
    Path work;

    @Test
    void theHostRunAndAnEmulatedRunRunAtOnceAndComeBackHostFirst() throws Exception {
        Platform host = EmulatedTestRunTest.linuxAmd64Host();
        List<EmulatedTestPlan> plans = pureGoArm64(host);

        List<TestMatrix.Run> runs = TestMatrix.runAll(GoOnPath.executable(), host, new Target(host, null, false, null), plans, Map.of(),
                request(2, "120s"));
        assertEquals(List.of("", "linux/arm64"), runs.stream().map(TestMatrix.Run::label).toList(), "the host's run first, then the targets'");
        for (TestMatrix.Run run : runs) {
            assertFalse(run.result().failed(), run.label() + ": " + run.result().packages());
            assertEquals(1, run.result().testCount(), run.label() + ": " + run.result().packages());
        }
        assertTrue(Files.isRegularFile(work.resolve("m/target/surefire-reports/TEST-example.com.rendezvous.xml")));
        assertTrue(Files.isRegularFile(work.resolve("m/target/surefire-reports/TEST-example.com.rendezvous-linux-arm64.xml")));
    }

    @Test
    void withParallelismOneTheRunsTakeTurnsAndTheRendezvousFailsWhichProvesTheTestCanFail() throws Exception {
        Platform host = EmulatedTestRunTest.linuxAmd64Host();
        List<EmulatedTestPlan> plans = pureGoArm64(host);

        // Each run waits 3 s for the other: the host's, first, in vain.
        List<TestMatrix.Run> runs = TestMatrix.runAll(GoOnPath.executable(), host, new Target(host, null, false, null), plans, Map.of(),
                request(1, "3s"));
        assertTrue(runs.get(0).result().failed(), "the host run waited for an arm64 run that had not started: " + runs.get(0).result().packages());
        assertEquals(List.of("", "linux/arm64"), runs.stream().map(TestMatrix.Run::label).toList());
    }

    /** A pure-Go linux/arm64 target's plan, with qemu-aarch64 as its emulator; the test is skipped without qemu. */
    private static List<EmulatedTestPlan> pureGoArm64(Platform host) {
        Target arm64 = new Target(Platform.parse("linux/arm64"), null, false, null);
        List<EmulatedTestPlan> plans = EmulatedTestPlan.plan(List.of(arm64), Map.of(), host, new LiveSystemProbe());
        assumeTrue(plans.get(0).emulator().isPresent(), plans.get(0).skipped().orElse("") + " (.ci/run installs qemu-user)");
        return plans;
    }

    private GoTestRequest request(int parallelism, String wait) throws Exception {
        Path module = work.resolve("m");
        TestTrees.copy(SOURCE, module);
        Path rendezvous = Files.createDirectories(work.resolve("rendezvous"));
        BuildRequest one = GoTestRunTest.buildRequest(module, Map.of("RENDEZVOUS", rendezvous.toString(), "RENDEZVOUS_WAIT", wait),
                Duration.ofMinutes(5), List.of());
        BuildRequest build = new BuildRequest(one.moduleDirectory(), one.packages(), one.outputRoot(), one.workDirectory(), one.buildFlags(),
                one.ldflags(), one.tags(), one.buildmode(), one.trimpath(), one.environment(), one.inheritBuildEnvironment(), one.timeout(),
                parallelism, one.cgoFlags(), one.cgoPaths(), one.goEnvFile(), one.names(), null);
        return new GoTestRequest(build, TestSelection.of(null, null), List.of("-count=1"), Optional.empty(), Optional.empty(),
                module.resolve("target/surefire-reports"));
    }
}
