package io.gohygiene.vulndb;

import io.gohygiene.process.CommandLine;
import io.gohygiene.process.ProcessResult;
import io.gohygiene.process.ProcessRunner;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** GoSemver against Go's own golang.org/x/mod/semver (src/test/go/semveroracle) and x/vuln's tag conversion. */
class GoSemverTest {

    private static final Path ORACLE = Path.of("src/test/go/semveroracle").toAbsolutePath();
    private static final List<String> EDGES = List.of("v1", "v1.2", "v1.2.0", "v1.2.3", "v1.2.3+build", "v1.2.3+build.5", "v1.2.3-pre+meta",
            "v1.2.3-0", "v1.2.3-0.1", "v1.2.3-1", "v1.2.3-10", "v1.2.3-2", "v1.2.3-a", "v1.2.3-A", "v1.2.3--", "v1.2.3-a.b", "v1.2.3-a.1",
            "v1.2.3-a.b.c", "v1.2.3-alpha", "v1.2.3-alpha.1", "v1.2.3-alpha.beta", "v1.2.3-beta", "v1.2.3-beta.2", "v1.2.3-beta.11",
            "v1.2.3-rc.1", "v1.0.0-rc.1", "v1.0.0", "v0.0.0", "v0.0.0-0", "v10.0.0", "v9.99.999", "v1.10.0", "v1.9.0",
            "v0.0.0-20190101000000-abcdefabcdef", "v0.0.0-20240101000000-abcdefabcdef", "v1.2.4-0.20240101000000-abcdefabcdef",
            "v1.2.3-pre.0.20240101000000-abcdefabcdef", "v2.0.0+incompatible", "v2.1.0+incompatible",
            "", "v", "1.2.3", "v01.2.3", "v1.02.3", "v1.2.03", "v1.2.3-01", "v1.2.3-a.01", "v1.2.3-", "v1.2.3-a..b", "v1.2.3+", "v1.2.3+a+b",
            "v1.2.3-a_b", "v1-pre", "v1.2-pre", "v1.2+meta", "v1.2.3.4", "go1.22", "V1.2.3", "v1.2.3 ", "v18446744073709551616.0.0",
            "v1.2.3-99999999999999999999", "v1.2.3-99999999999999999998");

    @TempDir
    Path temp;

    @Test
    void comparesAsGoDoes() {
        assertTrue(GoSemver.compare("v1.2.3", "v1.10.0") < 0, "numbers compare as numbers");
        assertEquals(0, GoSemver.compare("v1.2", "v1.2.0"), "shorthand");
        assertEquals(0, GoSemver.compare("v1.2.3+a", "v1.2.3+b"), "build metadata ignored");
        assertTrue(GoSemver.compare("v1.2.3-rc.1", "v1.2.3") < 0, "prerelease before release");
        assertTrue(GoSemver.compare("v1.2.3-rc.2", "v1.2.3-rc.10") < 0, "numeric identifiers numerically");
        assertTrue(GoSemver.compare("v1.2.3-1", "v1.2.3-a") < 0, "numeric before alphanumeric");
        assertTrue(GoSemver.compare("v0.22.1-0.20240101000000-abcdefabcdef", "v0.23.0") < 0, "pseudo-version before the release it precedes");
        assertTrue(GoSemver.compare("v0.22.1-0.20240101000000-abcdefabcdef", "v0.22.0") > 0, "and after the one it follows");
        assertTrue(GoSemver.compare("bad", "v0.0.0") < 0, "invalid below valid");
        assertEquals(0, GoSemver.compare("bad", "worse"), "invalid versions are equal");
        assertFalse(GoSemver.isValid("1.2.3"), "the v is required");
        assertTrue(GoSemver.less("1.21.9", "v1.22.0-0"), "x/vuln's Less takes bare versions");
        assertTrue(GoSemver.less("go1.21.9", "1.22.0"), "and go-prefixed ones");
    }

    @Test
    void goReleaseTagsBecomeSemverAsInXVuln() {
        Map<String, String> cases = Map.of("go1.22.12", "v1.22.12", "go1.22", "v1.22.0", "go1.21rc2", "v1.21.0-rc.2",
                "go1.20beta1", "v1.20.0-beta.1", "go1", "v1.0.0", "go1.9.2rc2", "v1.9.2-rc.2", "go1.22.1 X:boringcrypto", "v1.22.1",
                "go1.8-pre3", "v1.8.0-pre.3");
        cases.forEach((tag, semver) -> assertEquals(Optional.of(semver), GoSemver.fromGoRelease(tag), tag));
        for (String notATag : List.of("go1.0", "devel go1.23-abcdef", "", "1.22.1", "go1.22.1.1", "gox")) {
            assertEquals(Optional.empty(), GoSemver.fromGoRelease(notATag), notATag);
        }
    }

    /** Every version the real database's ranges name (as x/vuln compares them, and as written), plus edge cases. */
    @Test
    void ordersLikeXModSemverOnEveryVersionOfTheRealDatabase() throws Exception {
        VulnDatabase db = VulnDatabase.open(RealVulnDb.module().dir(), temp.resolve("index"));
        Set<String> versions = new LinkedHashSet<>(EDGES);
        for (OsvEntry e : db.entries()) {
            for (OsvEntry.Affected a : e.affected()) {
                for (OsvEntry.Range r : a.ranges()) {
                    for (OsvEntry.Event ev : r.events()) {
                        versions.add(ev.version());
                        versions.add(GoSemver.canonicalPrefix(ev.version()));
                    }
                }
            }
        }
        versions.removeIf(v -> v.contains("\n") || v.contains("\t"));
        assertTrue(versions.size() > 2000, "only " + versions.size() + " versions");
        List<String> list = new ArrayList<>(versions);
        Path file = temp.resolve("versions.txt");
        Files.writeString(file, String.join("\n", list) + "\n");
        ProcessResult r = new ProcessRunner().run(CommandLine.inheriting(List.of("go", "run", ".", file.toString()),
                Map.of("GOTOOLCHAIN", "local", "GOFLAGS", "-buildvcs=false -modcacherw", "CGO_ENABLED", "0",
                        "GOMODCACHE", Path.of(System.getProperty("user.home"), ".cache", "go-hygiene", "test-modcache").toString(),
                        "GOPROXY", "https://proxy.golang.org"), ORACLE, Duration.ofMinutes(5)));
        assertEquals(0, r.exitCode(), r.diagnostics());
        String[] lines = r.stdout().split("\n");
        assertEquals(list.size(), lines.length);

        List<String> sorted = new ArrayList<>(list);
        sorted.sort(GoSemver::compare);
        java.util.Map<String, Integer> rank = new java.util.HashMap<>();
        int k = 0;
        for (int i = 0; i < sorted.size(); i++) {
            if (i > 0 && GoSemver.compare(sorted.get(i - 1), sorted.get(i)) != 0) {
                k++;
            }
            rank.put(sorted.get(i), k);
        }
        List<String> differences = new ArrayList<>();
        for (int i = 0; i < lines.length; i++) {
            String[] f = lines[i].split("\t", 3);
            String v = list.get(i);
            String ours = rank.get(v) + "\t" + GoSemver.isValid(v);
            if (!ours.equals(f[0] + "\t" + f[1])) {
                differences.add(v + ": go says rank " + f[0] + " valid " + f[1] + ", GoSemver " + ours);
            }
        }
        assertEquals(List.of(), differences);
    }
}
