package io.gohygiene.toolchain;

import io.gohygiene.version.GoVersion;
import io.gohygiene.version.VersionRange;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Which release is provisioned: <goVersion> naming one, else go.mod's toolchain line, else its go line as GOTOOLCHAIN=auto reads it. */
class ToolchainProvisionerReleaseTest {

    private static Optional<GoModFile> goMod(String text) {
        return Optional.of(GoModFile.parse(Path.of("/p/go.mod"), text));
    }

    private static ToolchainProvisioner.Wanted wanted(String range, String goMod) throws ToolchainException {
        return ToolchainProvisioner.wanted(Optional.ofNullable(range).map(VersionRange::parse), Optional.ofNullable(goMod).flatMap(ToolchainProvisionerReleaseTest::goMod));
    }

    @Test
    void goVersionNamingOneReleaseWins() throws ToolchainException {
        ToolchainProvisioner.Wanted exact = wanted("[1.21.13]", "module m\ngo 1.22\ntoolchain go1.27.4\n");
        assertEquals("go1.21.13", exact.release().goName());
        assertTrue(exact.exact());
        ToolchainProvisioner.Wanted bare = wanted("1.22.12", "module m\ngo 1.22\n");
        assertEquals("go1.22.12", bare.release().goName());
        assertFalse(bare.exact(), "a bare version means that release or newer");
    }

    @Test
    void aRangeLeavesTheChoiceToGoMod() throws ToolchainException {
        assertEquals("go1.27.4", wanted("[1.22,)", "module m\ngo 1.22\ntoolchain go1.27.4\n").release().goName());
        assertEquals("go1.22.0", wanted("[1.22,1.23)", "module m\ngo 1.22\n").release().goName(), "go 1.22 switches to go1.22.0");
        assertEquals("go1.23.4", wanted(null, "module m\ngo 1.23.4\n").release().goName());
        assertEquals("go1.24rc1", wanted(null, "module m\ngo 1.24rc1\n").release().goName());
        assertEquals("toolchain go1.27.4 in /p/go.mod", wanted(null, "module m\ngo 1.22\ntoolchain go1.27.4\n").reason());
    }

    /** proxy.golang.org serves golang.org/toolchain back to go1.2.2: a release the pom names is provisioned, however old. */
    @Test
    void releasesBeforeGo121AreProvisionedWhenNamed() throws ToolchainException {
        assertEquals("go1.20.14", wanted("[1.20.14]", null).release().goName());
        assertEquals("go1.19.13", wanted(null, "module m\ngo 1.19\ntoolchain go1.19.13\n").release().goName());
    }

    @Test
    void aGoLineBeforeGo121NamesNoReleaseAndIsRefusedClearly() {
        assertEquals("go 1.20 in /p/go.mod is a language version before Go 1.21, which names no release to provision (go itself switches only to 1.21 and newer)",
                assertThrows(ToolchainException.class, () -> wanted(null, "module m\ngo 1.20\n")).getMessage());
        assertTrue(assertThrows(ToolchainException.class, () -> wanted("[1.22,)", null)).getMessage()
                .startsWith("<provision> is on, but nothing names the Go release to provision"));
    }

    @Test
    void theModuleVersionIsGosName() {
        assertEquals("v0.0.1-go1.22.12.linux-amd64", ToolchainProvisioner.moduleVersion(GoVersion.parse("1.22.12").orElseThrow(), "linux", "amd64"));
        assertEquals("v0.0.1-go1.24rc1.darwin-arm64", ToolchainProvisioner.moduleVersion(GoVersion.parse("go1.24rc1").orElseThrow(), "darwin", "arm64"));
    }
}
