package io.gohygiene.toolchain;

import io.gohygiene.platform.Platform;
import io.gohygiene.platform.Target;
import org.junit.jupiter.api.Test;

import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class CrossCompilersTest {

    private static final Platform HOST = new Platform("linux", "amd64");

    private static Target cgo(String platform) {
        return new Target(Platform.parse(platform), null, true, null);
    }

    @Test
    void findsTheDebianCrossCompilerForLinuxArm64OnThisMachine() {
        // .ci/run installs gcc-aarch64-linux-gnu.
        assertEquals("aarch64-linux-gnu-gcc", CrossCompilers.withDiscoveredCompiler(cgo("linux/arm64"), HOST, new LiveSystemProbe()).cc());
    }

    @Test
    void findsMingwForWindowsWhenItIsOnPath() {
        RecordedProbe withMingw = new RecordedProbe("linux").env("PATH", "/usr/bin").executable("/usr/bin/x86_64-w64-mingw32-gcc");
        assertEquals(Optional.of("x86_64-w64-mingw32-gcc"), CrossCompilers.discover(cgo("windows/amd64"), withMingw));
    }

    @Test
    void leavesNativeExplicitAndPureGoTargetsAlone() {
        RecordedProbe probe = new RecordedProbe("linux").env("PATH", "/usr/bin").executable("/usr/bin/aarch64-linux-gnu-gcc");
        assertNull(CrossCompilers.withDiscoveredCompiler(cgo("linux/amd64"), HOST, probe).cc(), "native: Go's CC default applies");
        assertEquals("zig", CrossCompilers.withDiscoveredCompiler(new Target(Platform.parse("linux/arm64"), null, true, "zig"), HOST, probe).cc());
        assertNull(CrossCompilers.withDiscoveredCompiler(Target.parse("linux/arm64"), HOST, probe).cc(), "no cgo, no compiler");
        assertNull(CrossCompilers.withDiscoveredCompiler(cgo("linux/riscv64"), HOST, probe).cc(), "none installed: left to the check");
    }
}
