package io.gohygiene.gobuild;

import io.gohygiene.platform.Platform;
import io.gohygiene.platform.Target;
import io.gohygiene.toolchain.LiveSystemProbe;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code <cc>zig</cc>} finds zig on the PATH of the build's environment, not on the JVM's. */
class ZigLookupTest {

    private static final Target ZIG_ARM64 = new Target(Platform.parse("linux/arm64"), null, true, "zig");

    @TempDir
    Path dir;

    /** A zig that only answers {@code zig version}, in its own bin directory. */
    private Path fakeZig() throws Exception {
        Path zig = dir.resolve("zig-bin/zig");
        Files.createDirectories(zig.getParent());
        Files.writeString(zig, "#!/bin/sh\n[ \"$1\" = version ] && echo 0.0.0-fake\n");
        assertTrue(zig.toFile().setExecutable(true));
        return zig;
    }

    @Test
    void theZigOnTheBuildEnvironmentsPathIsTheOneTheWrapperRuns() throws Exception {
        Path zig = fakeZig();
        Map<String, String> env = new TreeMap<>(System.getenv());
        env.put("PATH", zig.getParent() + ":" + env.getOrDefault("PATH", ""));
        BuildRequest request = BuildTestSupport.request(dir, dir, env, null);

        BuildEnvironment environment = BuildEnvironment.compute(request, ZIG_ARM64, new Platform("linux", "amd64"),
                CToolchain.DEFAULT);

        String wrapper = Files.readString(Path.of(environment.variables().get("CC")));
        assertTrue(wrapper.contains("exec '" + zig + "' 'cc' -target 'aarch64-linux-gnu'"), wrapper);
    }

    @Test
    void noZigOnThePathIsOneMessageWithThePathAndWhatToInstall() throws Exception {
        Path empty = Files.createDirectories(dir.resolve("empty-bin"));
        BuildException e = assertThrows(BuildException.class, () -> ZigCc.prepare(ZIG_ARM64, Optional.empty(),
                Optional.empty(), Optional.empty(), dir, new LiveSystemProbe(Map.of("PATH", empty.toString()))));
        assertEquals(Optional.of(ZIG_ARM64), e.target());
        assertTrue(e.getMessage().contains("PATH=" + empty) && e.getMessage().contains(ZigCc.INSTALL_HINT), e.getMessage());
    }
}
