package io.gohygiene.version;

import io.gohygiene.version.GoReleaseMinimums.Minimum;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static io.gohygiene.version.GoReleaseMinimums.OperatingSystem.LINUX_KERNEL;
import static io.gohygiene.version.GoReleaseMinimums.OperatingSystem.MACOS;
import static io.gohygiene.version.GoReleaseMinimums.OperatingSystem.WINDOWS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The table of minimum OS versions by Go release against DESIGN.md's errata and the Go release notes. */
class GoReleaseMinimumsTest {

    private static GoVersion go(String text) {
        return GoVersion.parse(text).orElseThrow();
    }

    private static String minimum(GoReleaseMinimums.OperatingSystem system, String release) {
        return GoReleaseMinimums.of(system, go(release)).map(Minimum::version).orElse("none");
    }

    @Test
    void macosMinimumsAreTheErrataTable() {
        // DESIGN.md errata: 1.17–1.20 → 10.13; 1.21–1.22 → 10.15; 1.23–1.24 → 11; 1.25–1.26 → 12.
        Map<String, String> errata = new LinkedHashMap<>();
        errata.put("go1.16.15", "none");
        errata.put("go1.17.13", "10.13");
        errata.put("go1.20.14", "10.13");
        errata.put("go1.21.0", "10.15");
        errata.put("go1.22.12", "10.15");
        errata.put("go1.23.4", "11");
        errata.put("go1.24.11", "11");
        errata.put("go1.25.0", "12");
        errata.put("go1.26.8", "12");
        errata.put("go1.26rc1", "12");
        errata.forEach((release, macos) -> assertEquals(macos, minimum(MACOS, release), release));
    }

    @Test
    void windowsMinimumsAreTheReleaseNotes() {
        // Go 1.11–1.20: Windows 7 / Server 2008 R2; Go 1.21 on: Windows 10 / Server 2016 (go.dev/doc/go1.21#windows).
        assertEquals("none", minimum(WINDOWS, "go1.10.8"));
        assertEquals("6.1", minimum(WINDOWS, "go1.11"));
        assertEquals("6.1", minimum(WINDOWS, "go1.20.14"));
        assertEquals("10.0", minimum(WINDOWS, "go1.21.0"));
        assertEquals("10.0", minimum(WINDOWS, "go1.26.8"));
    }

    @Test
    void linuxKernelMinimumsAreTheGoWiki() {
        // Go wiki "Go on Linux": 2.6.23 last supported by Go 1.18, 2.6.32 by Go 1.23; Go 1.24 requires 3.2 (go.dev/doc/go1.24#linux).
        assertEquals("none", minimum(LINUX_KERNEL, "go1.18.10"));
        assertEquals("2.6.32", minimum(LINUX_KERNEL, "go1.23.12"));
        assertEquals("3.2", minimum(LINUX_KERNEL, "go1.24.0"));
    }

    @Test
    void sentenceNamesTheMinimumAndTheReleaseThatRaisedIt() {
        assertEquals("go1.26.8 requires macOS 12 or later (Go 1.25 raised it)", GoReleaseMinimums.sentence(MACOS, go("go1.26.8")));
        assertEquals("go1.22.12 requires macOS 10.15 or later (Go 1.21 raised it)",
                GoReleaseMinimums.sentence(MACOS, go("go1.22.12")));
        assertEquals("go1.26.8 requires Windows 10 / Server 2016 or later (Go 1.21 raised it)",
                GoReleaseMinimums.sentence(WINDOWS, go("go1.26.8")));
        assertEquals("go1.16.15 predates Go 1.17, the first release in this plugin's table of macOS minimums",
                GoReleaseMinimums.sentence(MACOS, go("go1.16.15")));
    }

    @Test
    void aReleaseAfterTheTableGetsItsLastRowAsALowerBound() {
        String next = "go1." + (GoReleaseMinimums.CHECKED_UP_TO + 1) + ".0";
        assertEquals("12", minimum(MACOS, next));
        assertEquals("10.0", minimum(WINDOWS, next));
        assertTrue(GoReleaseMinimums.sentence(MACOS, go(next)).contains("requires at least macOS 12 (Go 1.25 raised it;"
                + " this plugin's table ends at Go 1." + GoReleaseMinimums.CHECKED_UP_TO + ")"));
    }

    @Test
    void newestReleasesForAnOlderSystemNameTheRange() {
        assertEquals("Go 1.24 or older (Go 1.23–1.24 support macOS 11)", GoReleaseMinimums.newestReleasesFor(MACOS, "11.0"));
        assertEquals("Go 1.22 or older (Go 1.21–1.22 support macOS 10.15)", GoReleaseMinimums.newestReleasesFor(MACOS, "10.15.7"));
        assertEquals("Go 1.16 or older (Go 1.17 raised the minimum to macOS 10.13)", GoReleaseMinimums.newestReleasesFor(MACOS, "10.12"));
        assertEquals("Go 1.20 or older (Go 1.11–1.20 support Windows 7 / Server 2008 R2)",
                GoReleaseMinimums.newestReleasesFor(WINDOWS, "6.1"));
    }

    @Test
    void rowsOfASystemAreContiguousAndRising() {
        for (GoReleaseMinimums.OperatingSystem system : GoReleaseMinimums.OperatingSystem.values()) {
            List<Minimum> rows = GoReleaseMinimums.rows(system);
            for (int i = 1; i < rows.size(); i++) {
                assertEquals(rows.get(i - 1).last() + 1, rows.get(i).first(), system + " row " + i);
                assertTrue(DottedVersions.compare(rows.get(i - 1).version(), rows.get(i).version()) < 0, system + " row " + i);
            }
            assertEquals(GoReleaseMinimums.CHECKED_UP_TO, rows.get(rows.size() - 1).last(), system.title());
        }
    }
}
