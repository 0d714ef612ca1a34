package io.gohygiene.toolchain.checks;

import io.gohygiene.finding.Finding;
import io.gohygiene.finding.Verdict;
import io.gohygiene.toolchain.HostPlatform;
import io.gohygiene.toolchain.RecordedProbe;
import io.gohygiene.toolchain.ToolchainContext;
import io.gohygiene.toolchain.ToolchainPolicy;
import io.gohygiene.toolchain.Toolchains;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Apple Silicon Macs played by a recorded probe: one migrated from Intel (both Homebrews), one clean. */
class HomebrewPrefixCheckTest {

    @TempDir
    static Path dir;
    static ToolchainContext machine;
    private static final HostPlatform APPLE_SILICON = new HostPlatform("darwin", Optional.of("arm64"), Optional.of("arm64"), false,
            List.of(), "sysctl hw.optional.arm64=1");

    @BeforeAll
    static void gather() throws Exception {
        machine = Toolchains.context(Toolchains.cleanEnvironment(dir, Map.of()), dir, List.of(), ToolchainPolicy.defaults());
    }

    private static List<Finding> check(RecordedProbe mac) {
        return new HomebrewPrefixCheck().check(Toolchains.withProbe(machine, mac, APPLE_SILICON));
    }

    @Test
    void theIntelHomebrewFirstOnPathWarns() {
        RecordedProbe migrated = new RecordedProbe("darwin").directory("/usr/local/Homebrew").directory("/opt/homebrew")
                .env("PATH", "/usr/local/bin:/opt/homebrew/bin:/usr/bin:/bin");
        Finding f = Toolchains.only(check(migrated), "PATH");
        assertEquals(Verdict.WARN, f.verdict());
        assertTrue(f.message().contains("x86_64 Homebrew (/usr/local)"), f.message());
        assertTrue(f.hint().contains("/opt/homebrew/bin/brew shellenv"), f.hint());
    }

    @Test
    void pkgConfigIntoTheIntelHomebrewFails() {
        RecordedProbe migrated = new RecordedProbe("darwin").directory("/usr/local/Homebrew")
                .env("PATH", "/opt/homebrew/bin:/usr/local/bin:/usr/bin").env("PKG_CONFIG_PATH", "/usr/local/lib/pkgconfig");
        List<Finding> rows = check(migrated);
        assertEquals(Verdict.PASS, Toolchains.only(rows, "PATH").verdict());
        Finding pc = Toolchains.only(rows, "PKG_CONFIG_PATH");
        assertEquals(Verdict.FAIL, pc.verdict());
        assertTrue(pc.message().contains("cgo would link x86_64 libraries into a arm64 binary"), pc.message());
    }

    @Test
    void usrLocalBinWithoutAnIntelHomebrewIsJustMacOs() {
        RecordedProbe clean = new RecordedProbe("darwin").directory("/opt/homebrew").env("PATH", "/usr/local/bin:/opt/homebrew/bin:/usr/bin");
        assertEquals(List.of(Verdict.PASS), check(clean).stream().map(Finding::verdict).toList());
    }

    @Test
    void notMacOsDoesNotApply() {
        assertEquals(Verdict.SKIP, new HomebrewPrefixCheck().check(machine).get(0).verdict());
    }
}
