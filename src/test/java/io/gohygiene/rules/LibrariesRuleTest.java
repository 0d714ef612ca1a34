package io.gohygiene.rules;

import io.gohygiene.binary.pe.PeFile;
import io.gohygiene.finding.Finding;
import io.gohygiene.finding.Verdict;
import io.gohygiene.testing.GoBinaries;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static io.gohygiene.rules.RulesATestSupport.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Real ELF, Mach-O and PE binaries; an rpath into /usr/local from -extldflags; libstdc++ patched into a darwin binary. */
class LibrariesRuleTest {

    @TempDir
    Path tmp;

    private final LibrariesRule rule = new LibrariesRule();

    private List<Finding> evaluate(Path file, String target, RuleSettings settings) {
        return rule.evaluate(inspect(file), target(target), settings);
    }

    private static Path cgoWithUsrLocalRpath() {
        return GoBinaries.build("cgo", "linux", "amd64", Map.of("CGO_ENABLED", "1", "CC", "gcc"),
                "-ldflags=-extldflags=-Wl,-rpath,/usr/local/lib");
    }

    private static Finding runpathFinding(List<Finding> findings) {
        List<Finding> rows = findings.stream().filter(f -> f.subject().equals("DT_RUNPATH") || f.subject().equals("DT_RPATH")).toList();
        assertEquals(1, rows.size(), () -> table(findings));
        return rows.get(0);
    }

    @Test
    void anRpathUnderAForbiddenPathFailsNamingIt() {
        List<Finding> findings = evaluate(cgoWithUsrLocalRpath(), "linux/amd64",
                RuleSettings.builder().forbiddenLibraryPaths(List.of("/usr/local/", "/opt/homebrew/")).build());
        Finding f = runpathFinding(findings);
        assertVerdict(Verdict.FAIL, f, findings);
        assertEquals("/usr/local/lib", f.seen());
        assertTrue(f.message().contains("names /usr/local/lib, under the forbidden path /usr/local/"), f.message());
        assertTrue(f.hint().contains("-rpath"), f.hint());
        assertTrue(findings.stream().noneMatch(x -> x.verdict() == Verdict.WARN), "the path is not reported twice:\n" + table(findings));
    }

    @Test
    void anRpathIntoUsrLocalWarnsEvenUnconfigured() {
        List<Finding> findings = evaluate(cgoWithUsrLocalRpath(), "linux/amd64", RuleSettings.none());
        Finding f = runpathFinding(findings);
        assertVerdict(Verdict.WARN, f, findings);
        assertTrue(f.message().contains("a path into the build machine's /usr/local/"), f.message());
    }

    @Test
    void withoutRpathTheForbiddenAndBuildMachineChecksPass() {
        List<Finding> findings = evaluate(cgoGccLinuxAmd64(), "linux/amd64",
                RuleSettings.builder().forbiddenLibraryPaths(List.of("/usr/local/")).build());
        assertVerdict(Verdict.PASS, one(findings, "forbidden paths"), findings);
        assertVerdict(Verdict.PASS, one(findings, "build-machine paths"), findings);
        assertEquals("no rpath or runpath", one(findings, "build-machine paths").seen());
    }

    @Test
    void aLibraryMissingFromTheAllowListFailsNamingIt() {
        List<Finding> findings = evaluate(cgoGccLinuxAmd64(), "linux/amd64",
                RuleSettings.builder().allowedLibraries(List.of("libSystem.B.dylib", "kernel32.dll")).build());
        Finding f = one(findings, "libc.so.6");
        assertVerdict(Verdict.FAIL, f, findings);
        assertTrue(f.message().startsWith("libc.so.6 is needed but not on <allowedLibraries> (libSystem.B.dylib, kernel32.dll)"),
                f.message());
        assertTrue(f.hint().contains("add libc.so.6 to <allowedLibraries>"), f.hint());
    }

    @Test
    void aLibraryOnTheAllowListPasses() {
        List<Finding> findings = evaluate(cgoGccLinuxAmd64(), "linux/amd64",
                RuleSettings.builder().allowedLibraries(List.of("libc.so.6")).build());
        assertVerdict(Verdict.PASS, one(findings, "libc.so.6"), findings);
    }

    @Test
    void withoutAnAllowListTheLibrariesAreReported() {
        List<Finding> findings = evaluate(cgoGccLinuxAmd64(), "linux/amd64", RuleSettings.none());
        Finding f = one(findings, "libraries");
        assertVerdict(Verdict.INFO, f, findings);
        assertEquals("libc.so.6", f.seen());
        assertVerdict(Verdict.PASS, one(evaluate(pureGoLinuxAmd64(), "linux/amd64", RuleSettings.none()), "libraries"),
                evaluate(pureGoLinuxAmd64(), "linux/amd64", RuleSettings.none()));
    }

    /** DLL names compare case-insensitively: Go writes KERNEL32.DLL or kernel32.dll depending on the release. */
    @Test
    void dllNamesCompareWithoutCase() {
        Path exe = GoBinaries.build("windows", "amd64");
        List<String> dlls = ((PeFile) inspect(exe).images().get(0).executable()).importedDlls();
        List<String> upper = dlls.stream().map(String::toUpperCase).toList();
        List<Finding> findings = evaluate(exe, "windows/amd64", RuleSettings.builder().allowedLibraries(upper).build());
        assertEquals(List.of(), withVerdict(findings, Verdict.FAIL), () -> table(findings));
        assertEquals(dlls.size(), withVerdict(findings, Verdict.PASS).stream().filter(f -> dlls.contains(f.subject())).count());
    }

    @Test
    void dylibsCompareByFileNameAndDarwinWithoutLibstdcxxPasses() {
        List<Finding> findings = evaluate(GoBinaries.build("darwin", "arm64"), "darwin/arm64",
                RuleSettings.builder().allowedLibraries(List.of("libSystem.B.dylib")).build());
        Finding f = one(findings, "libSystem.B.dylib");
        assertVerdict(Verdict.PASS, f, findings);
        assertEquals("/usr/lib/libSystem.B.dylib", f.seen());
        assertVerdict(Verdict.PASS, one(findings, "libstdc++"), findings);
    }

    /** The install name /usr/lib/libSystem.B.dylib rewritten in place to /usr/lib/libstdc++.6.dylib (same length). */
    @Test
    void libstdcxxOnDarwinFails() throws Exception {
        byte[] bytes = Files.readAllBytes(GoBinaries.build("darwin", "arm64"));
        byte[] from = "/usr/lib/libSystem.B.dylib".getBytes(StandardCharsets.US_ASCII);
        byte[] to = "/usr/lib/libstdc++.6.dylib".getBytes(StandardCharsets.US_ASCII);
        int at = indexOf(bytes, from);
        assertTrue(at > 0 && at < 0x4000, "the install name is in the load commands");
        System.arraycopy(to, 0, bytes, at, to.length);
        Path patched = Files.write(tmp.resolve("libstdcxx"), bytes);

        List<Finding> findings = evaluate(patched, "darwin/arm64", RuleSettings.none());
        Finding f = one(findings, "libstdc++");
        assertVerdict(Verdict.FAIL, f, findings);
        assertTrue(f.message().contains("/usr/lib/libstdc++.6.dylib") && f.message().contains("Xcode 10"), f.message());
        assertTrue(f.hint().contains("libc++"), f.hint());
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i <= haystack.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
