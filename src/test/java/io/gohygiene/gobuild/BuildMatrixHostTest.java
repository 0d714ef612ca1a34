package io.gohygiene.gobuild;

import io.gohygiene.platform.Platform;
import io.gohygiene.platform.Target;
import io.gohygiene.process.ProcessRunner;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The matrix takes the host platform from its caller (who probed go already) instead of asking go again. */
class BuildMatrixHostTest {

    @TempDir
    Path dir;

    @Test
    void aCallerThatKnowsTheHostCostsNoExtraGoProcessAndDecidesWhatIsCross() throws Exception {
        Path log = dir.resolve("go-calls.log");
        Path go = dir.resolve("bin/go");
        Files.createDirectories(go.getParent());
        // A go that writes down each call, then is the real go.
        Files.writeString(go, "#!/bin/sh\necho \"$1 $2\" >> '" + log + "'\nexec '" + BuildTestSupport.go() + "' \"$@\"\n");
        assertTrue(go.toFile().setExecutable(true));
        Path module = BuildTestSupport.copyProgram("tiny", dir);
        BuildRequest request = BuildTestSupport.request(module, dir, System.getenv(), null);
        List<Target> targets = List.of(Target.parse("linux/amd64"), Target.parse("linux/arm64"));
        // A pretended arm64 host: then linux/arm64 is the native target and linux/amd64 the cross one.
        Platform host = new Platform("linux", "arm64");

        List<BuildResult> results = BuildMatrix.buildAll(go, host, request, targets, Map.of(), new ProcessRunner(), null);

        assertEquals(List.of("build -trimpath", "build -trimpath"), Files.readAllLines(log).stream().sorted().toList(),
                "only the two go builds ran: no 'go env GOHOSTOS GOHOSTARCH'");
        assertEquals("0", results.get(0).environment().get("CGO_ENABLED"), "linux/amd64 is a cross build from the given host");
        assertNull(results.get(1).environment().get("CGO_ENABLED"), "linux/arm64 is native to the given host");
        assertFalse(Files.readString(dir.resolve("target/go-hygiene/build-linux_arm64.env")).contains("CGO_ENABLED"));
    }

    @Test
    void theOldSignatureStillFindsTheHostItself() throws Exception {
        Path module = BuildTestSupport.copyProgram("tiny", dir);
        BuildRequest request = BuildTestSupport.request(module, dir, BuildTestSupport.poisonedEnvironment(), null);
        Platform host = GoBuild.hostOf(BuildTestSupport.go(), request, new ProcessRunner(), null);
        assertEquals(io.gohygiene.testing.GoOnPath.hostPlatform(), host, "GOHOSTOS/GOHOSTARCH of the go on PATH, whatever GOOS/GOARCH say");
    }
}
