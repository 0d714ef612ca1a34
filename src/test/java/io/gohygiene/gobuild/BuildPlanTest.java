package io.gohygiene.gobuild;

import io.gohygiene.platform.Target;
import io.gohygiene.platform.UnknownTargetException;
import io.gohygiene.process.ProcessRunner;
import io.gohygiene.testing.GoOnPath;
import io.gohygiene.toolchain.GoToolchain;
import io.gohygiene.toolchain.LiveSystemProbe;
import io.gohygiene.toolchain.LocatedGo;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The targets a build makes, with the real go of this machine. */
class BuildPlanTest {

    private static GoToolchain go;

    @BeforeAll
    static void probe() throws Exception {
        go = GoToolchain.probe(new LocatedGo(GoOnPath.executable(), "PATH", List.of()), System.getenv(), Duration.ofMinutes(2), new ProcessRunner());
    }

    @Test
    void noConfiguredTargetBuildsTheHostAndSaysSo() throws Exception {
        BuildPlan plan = BuildPlan.resolve(List.of(), go, new LiveSystemProbe());

        assertEquals(List.of(Target.of(go.hostPlatform())), plan.targets());
        assertEquals(List.of("no <targets> configured: building for " + go.hostPlatform() + ", the platform go runs on"), plan.notes());
    }

    @Test
    void aCgoCrossTargetWithoutCompilerGetsTheDebianCrossCompilerOnPath() throws Exception {
        Target arm = new Target(io.gohygiene.platform.Platform.parse("linux/arm64"), null, true, null);

        BuildPlan plan = BuildPlan.resolve(List.of(arm, Target.parse("windows/amd64")), go, new LiveSystemProbe());

        assertEquals("aarch64-linux-gnu-gcc", plan.targets().get(0).cc());
        assertEquals(Target.parse("windows/amd64"), plan.targets().get(1));
        assertEquals(List.of("linux/arm64 wants cgo and names no <cc>: using aarch64-linux-gnu-gcc found on PATH"), plan.notes());
    }

    @Test
    void staticLinkageTurnsCgoOffWhereTheTargetLeavesItOpen() throws Exception {
        // issue 16.1: go turns cgo on for a native build with gcc on PATH, and links dynamically; static must mean static.
        Target open = Target.of(go.hostPlatform());
        Target cross = Target.parse("windows/arm64");
        Target withCgo = new Target(io.gohygiene.platform.Platform.parse("linux/arm64"), null, true, "aarch64-linux-gnu-gcc");

        BuildPlan plan = BuildPlan.resolve(List.of(open, withCgo, cross), t -> true, go, new LiveSystemProbe());

        assertEquals(Boolean.FALSE, plan.targets().get(0).cgo());
        assertEquals(withCgo, plan.targets().get(1));
        assertEquals(cross, plan.targets().get(2), "a cross build is already pure Go unless told otherwise");
        assertEquals(List.of(go.hostPlatform() + ": cgo off (CGO_ENABLED=0), since <linkage> is static and the target sets no <cgo>;"
                + " set <cgo>true</cgo> on the target to build it with cgo"), plan.notes());
        assertEquals(null, BuildPlan.resolve(List.of(open), t -> false, go, new LiveSystemProbe()).targets().get(0).cgo());
    }

    @Test
    void anUnknownTargetListsTheValidOnes() {
        UnknownTargetException e = assertThrows(UnknownTargetException.class,
                () -> BuildPlan.resolve(List.of(Target.parse("linux/amd65")), go, new LiveSystemProbe()));
        assertTrue(e.getMessage().contains("linux/amd64"), e.getMessage());
    }

    @Test
    void packagingGoNeedsExactlyOneBinary() throws Exception {
        BuildPlan two = BuildPlan.resolve(List.of(Target.parse("linux/amd64"), Target.parse("darwin/arm64")), go, new LiveSystemProbe());
        BuildPlan one = BuildPlan.resolve(List.of(Target.parse("linux/amd64")), go, new LiveSystemProbe());

        Exception e = assertThrows(IllegalArgumentException.class, () -> two.requireOneBinary(List.of("./cmd/app")));
        assertTrue(e.getMessage().startsWith("<packaging>go</packaging> publishes one binary as the project's artifact, but this build makes 2"
                + " (2 target(s): linux/amd64, darwin/arm64)"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> one.requireOneBinary(List.of("./cmd/a", "./cmd/b")));
        one.requireOneBinary(List.of("./cmd/app"));
        one.requireOneBinary(List.of());
    }
}
