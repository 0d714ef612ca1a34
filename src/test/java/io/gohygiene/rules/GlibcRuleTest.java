package io.gohygiene.rules;

import io.gohygiene.finding.Finding;
import io.gohygiene.finding.Verdict;
import io.gohygiene.testing.GoBinaries;
import io.gohygiene.testing.GoBuild;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.gohygiene.rules.RulesATestSupport.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The cgo program linked against this machine's glibc, pure Go, and a cgo program with C++ (libstdc++). */
class GlibcRuleTest {

    private final GlibcRule rule = new GlibcRule();

    private List<Finding> evaluate(Path file, RuleSettings settings) {
        return rule.evaluate(inspect(file), target("linux/amd64"), settings);
    }

    /** The highest {@code prefix}x.y version in readelf -V's version needs, compared numerically. */
    private static String highestFromReadelf(Path file, String prefix) {
        Matcher m = Pattern.compile("Name: (" + Pattern.quote(prefix) + "[0-9.]+)\\s").matcher(readelf(file, "-V"));
        List<String> versions = m.results().map(r -> r.group(1)).toList();
        assertFalse(versions.isEmpty(), "readelf -V shows no " + prefix + " version need");
        return versions.stream().max(Comparator.comparing(v -> v, GlibcRule::compare)).orElseThrow();
    }

    /** The first undefined symbol bound to {@code version}, as readelf --dyn-syms prints them in .dynsym order. */
    private static String firstSymbolOf(Path file, String version) {
        Matcher m = Pattern.compile("UND (\\S+)@" + Pattern.quote(version) + "\\b").matcher(readelf(file, "--dyn-syms"));
        assertTrue(m.find(), "readelf --dyn-syms binds no symbol to " + version);
        return m.group(1);
    }

    @Test
    void cgoFailsAnOldCeilingNamingTheHighestVersionAndItsSymbol() {
        Path cgo = cgoGccLinuxAmd64();
        String highest = highestFromReadelf(cgo, "GLIBC_");
        String symbol = firstSymbolOf(cgo, highest);

        List<Finding> findings = evaluate(cgo, RuleSettings.builder().maxGlibc("2.17").build());
        Finding f = one(findings, "GLIBC");
        assertVerdict(Verdict.FAIL, f, findings);
        assertTrue(f.message().startsWith("needs " + highest + " (from " + symbol), f.message());
        assertTrue(f.message().contains(" in libc.so.6); maxGlibc is 2.17"), f.message());
        assertEquals("≤ GLIBC_2.17", f.expected());
        assertTrue(f.hint().contains("zig cc -target x86_64-linux-gnu.2.17") && f.hint().contains("CGO_ENABLED=0"), f.hint());
    }

    @Test
    void cgoPassesANewCeiling() {
        Path cgo = cgoGccLinuxAmd64();
        String highest = highestFromReadelf(cgo, "GLIBC_");
        List<Finding> findings = evaluate(cgo, RuleSettings.builder().maxGlibc("2.40").build());
        Finding f = one(findings, "GLIBC");
        assertVerdict(Verdict.PASS, f, findings);
        assertTrue(f.seen().startsWith(highest + " (from "), f.seen());
    }

    @Test
    void theHighestVersionItselfIsWithinTheCeiling() {
        Path cgo = cgoGccLinuxAmd64();
        String highest = highestFromReadelf(cgo, "GLIBC_");
        List<Finding> exactly = evaluate(cgo, RuleSettings.builder().maxGlibc(highest).build());
        assertVerdict(Verdict.PASS, one(exactly, "GLIBC"), exactly);
    }

    /** glibc 2.3.2 is older than 2.17: a string comparison gets this wrong. */
    @Test
    void versionsCompareNumerically() {
        assertTrue(GlibcRule.compare("GLIBC_2.3.2", "GLIBC_2.17") < 0);
        assertTrue(GlibcRule.compare("GLIBC_2.34", "GLIBC_2.4") > 0);
        assertEquals(0, GlibcRule.compare("GLIBC_2.17", "GLIBC_2.17.0"));
        assertTrue(GlibcRule.compare("GLIBCXX_3.4.30", "GLIBCXX_3.4.9") > 0);
    }

    @Test
    void pureGoNeedsNoGlibcVersion() {
        List<Finding> findings = evaluate(pureGoLinuxAmd64(), RuleSettings.builder().maxGlibc("2.17").build());
        Finding f = one(findings, "GLIBC");
        assertVerdict(Verdict.PASS, f, findings);
        assertEquals("needs no GLIBC version", f.seen());
    }

    @Test
    void withoutACeilingTheHighestVersionIsReported() {
        Path cgo = cgoGccLinuxAmd64();
        List<Finding> findings = evaluate(cgo, RuleSettings.none());
        Finding f = one(findings, "GLIBC");
        assertVerdict(Verdict.INFO, f, findings);
        assertTrue(f.seen().startsWith(highestFromReadelf(cgo, "GLIBC_")), f.seen());
        assertTrue(findings.stream().noneMatch(x -> x.subject().equals("GLIBCXX")), "no GLIBCXX row for a C program");
    }

    @Test
    void aCeilingThatIsNotAVersionFails() {
        List<Finding> findings = evaluate(cgoGccLinuxAmd64(), RuleSettings.builder().maxGlibc("bookworm").build());
        Finding f = one(findings, "GLIBC");
        assertVerdict(Verdict.FAIL, f, findings);
        assertTrue(f.message().contains("'bookworm'"), f.message());
    }

    @Test
    void machoHasNoGlibcVersions() {
        List<Finding> findings = rule.evaluate(inspect(GoBinaries.build("darwin", "arm64")), target("darwin/arm64"),
                RuleSettings.builder().maxGlibc("2.17").build());
        assertVerdict(Verdict.SKIP, one(findings, "GLIBC"), findings);
    }

    /** A cgo package with a C++ file: go links with g++, and the binary needs libstdc++.so.6 with GLIBCXX versions. */
    @Test
    void cxxFailsAnOldGlibcxxCeilingAndPassesANewOne() throws Exception {
        Path src = Path.of("target/test-binaries/rules-a-cxx-src").toAbsolutePath();
        Files.createDirectories(src);
        Files.writeString(src.resolve("go.mod"), "module example.com/cxx\n\ngo 1.22\n");
        Files.writeString(src.resolve("main.go"), "package main\n\n// extern int cxx_len(const char *s);\nimport \"C\"\n\n"
                + "func main() {\n\tprintln(C.cxx_len(C.CString(\"cxx\")))\n}\n");
        Files.writeString(src.resolve("len.cpp"), "#include <sstream>\n#include <string>\n"
                + "extern \"C\" int cxx_len(const char *s) { std::ostringstream o; o << std::string(s); return (int) o.str().size(); }\n");
        Path cxx = GoBuild.of("tiny", "linux", "amd64").from(src).cgo(true).env("CC", "gcc").env("CXX", "g++").build();
        String highest = highestFromReadelf(cxx, "GLIBCXX_");

        List<Finding> old = evaluate(cxx, RuleSettings.builder().maxGlibcxx("3.4.9").build());
        Finding f = one(old, "GLIBCXX");
        assertVerdict(Verdict.FAIL, f, old);
        assertTrue(f.message().startsWith("needs " + highest + " (from ") && f.message().contains("libstdc++.so.6"), f.message());
        assertTrue(f.message().endsWith("maxGlibcxx is 3.4.9"), f.message());

        List<Finding> current = evaluate(cxx, RuleSettings.builder().maxGlibcxx(highest.substring("GLIBCXX_".length())).build());
        assertVerdict(Verdict.PASS, one(current, "GLIBCXX"), current);
        assertEquals(Verdict.INFO, one(current, "GLIBC").verdict(), "GLIBC is still reported, without a ceiling");
    }
}
