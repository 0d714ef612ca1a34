package io.gohygiene.platform;

import io.gohygiene.gobuild.BuildEnvironment;
import io.gohygiene.gobuild.BuildRequest;
import io.gohygiene.gobuild.CToolchain;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CgoPathsTest {

    private static final Platform LINUX_AMD64 = new Platform("linux", "amd64");
    private static final Platform LINUX_ARM64 = new Platform("linux", "arm64");
    private static final Platform DARWIN_ARM64 = new Platform("darwin", "arm64");
    private static final Platform DARWIN_AMD64 = new Platform("darwin", "amd64");

    @TempDir
    Path temp;

    @Test
    void aSysrootGivesCompilerLinkerAndPkgConfigTheTargetsRoot() throws Exception {
        Path sysroot = temp.resolve("sysroot-arm64");
        Files.createDirectories(sysroot.resolve("usr/lib/aarch64-linux-gnu/pkgconfig"));
        CgoPaths paths = CgoPaths.compute(List.of(new CgoPaths.Sysroot(LINUX_ARM64, sysroot)), List.of(LINUX_AMD64), LINUX_AMD64,
                Files::isDirectory);

        Map<String, String> arm = paths.forPlatform(LINUX_ARM64);
        assertEquals("--sysroot=" + sysroot, arm.get("CGO_CFLAGS"));
        assertEquals("--sysroot=" + sysroot, arm.get("CGO_LDFLAGS"));
        assertEquals(sysroot.toString(), arm.get("PKG_CONFIG_SYSROOT_DIR"));
        assertTrue(arm.get("PKG_CONFIG_LIBDIR").startsWith(sysroot.resolve("usr/lib/aarch64-linux-gnu/pkgconfig") + ":"
                + sysroot.resolve("usr/lib/pkgconfig")), arm.get("PKG_CONFIG_LIBDIR"));
        assertTrue(paths.forPlatform(LINUX_AMD64).isEmpty(), "the sysroot is linux/arm64's only");
        assertTrue(paths.explain().get(0).startsWith("linux/arm64  CGO_CFLAGS += --sysroot="), paths.explain().toString());
    }

    @Test
    void homebrewOnlyForANativeMacBuildAndOnlyTheHostArchitecturesPrefix() {
        CgoPaths arm = CgoPaths.compute(List.of(), List.of(DARWIN_ARM64), DARWIN_ARM64, p -> p.equals(Path.of("/opt/homebrew/include")));
        assertEquals("-I/opt/homebrew/include", arm.forPlatform(DARWIN_ARM64).get("CGO_CPPFLAGS"));
        assertEquals("-L/opt/homebrew/lib", arm.forPlatform(DARWIN_ARM64).get("CGO_LDFLAGS"));
        assertEquals("/opt/homebrew/lib/pkgconfig", arm.forPlatform(DARWIN_ARM64).get("PKG_CONFIG_PATH"));

        CgoPaths intel = CgoPaths.compute(List.of(), List.of(DARWIN_AMD64), DARWIN_AMD64, p -> true);
        assertEquals("-I/usr/local/include", intel.forPlatform(DARWIN_AMD64).get("CGO_CPPFLAGS"));

        assertTrue(CgoPaths.compute(List.of(), List.of(), DARWIN_ARM64, p -> true).entries().isEmpty(), "no native cgo target");
        assertTrue(CgoPaths.compute(List.of(), List.of(LINUX_AMD64), LINUX_AMD64, p -> true).entries().isEmpty(), "not macOS");
    }

    @Test
    void writtenAndReadBackUnchanged() throws Exception {
        CgoPaths paths = CgoPaths.compute(List.of(new CgoPaths.Sysroot(LINUX_ARM64, temp)), List.of(), LINUX_AMD64, Files::isDirectory);
        Path file = temp.resolve("t/cgo-paths.json");
        paths.write(file);
        assertEquals(paths, CgoPaths.read(file).orElseThrow());

        CgoPaths.NONE.write(file);
        assertTrue(CgoPaths.read(file).isEmpty(), "no entries, no file: the build computes the same nothing");
    }

    @Test
    void theBuildEnvironmentAddsThemToTheMatchingCgoTargetWithTheirReason() throws Exception {
        Path sysroot = Files.createDirectories(temp.resolve("sr"));
        CgoPaths paths = CgoPaths.compute(List.of(new CgoPaths.Sysroot(LINUX_ARM64, sysroot)), List.of(), LINUX_AMD64, Files::isDirectory);
        BuildRequest request = new BuildRequest(temp, List.of(), temp.resolve("out"), temp.resolve("work"), List.of(), null, List.of(),
                null, true, Map.of("PATH", "/usr/bin"), false, Duration.ofMinutes(1), 1,
                Map.of("CGO_CFLAGS", "-DPROJECT"), paths);

        BuildEnvironment arm = BuildEnvironment.compute(request, new Target(LINUX_ARM64, null, true, "aarch64-linux-gnu-gcc"),
                LINUX_AMD64, CToolchain.DEFAULT);
        assertEquals("-DPROJECT --sysroot=" + sysroot, arm.variables().get("CGO_CFLAGS"));
        assertEquals(sysroot.toString(), arm.variables().get("PKG_CONFIG_SYSROOT_DIR"));
        assertTrue(arm.explanation().stream().anyMatch(l -> l.startsWith("PKG_CONFIG_SYSROOT_DIR=") && l.contains("<sysroot>")),
                arm.explanation().toString());

        BuildEnvironment pure = BuildEnvironment.compute(request, new Target(LINUX_ARM64, null, false, null), LINUX_AMD64, CToolchain.DEFAULT);
        assertFalse(pure.variables().containsKey("PKG_CONFIG_SYSROOT_DIR"), "no cgo, no C paths");
    }
}
