package io.gohygiene.report;

import io.gohygiene.finding.Finding;
import io.gohygiene.finding.Verdict;
import io.gohygiene.platform.Target;
import io.gohygiene.rules.BinaryVerification;
import io.gohygiene.rules.VerifyResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;

import static io.gohygiene.report.VerifyResults.DARWIN_APP;
import static io.gohygiene.report.VerifyResults.GLIBC_MESSAGE;
import static io.gohygiene.report.VerifyResults.LINUX_APP;
import static io.gohygiene.report.VerifyResults.WAIVER_REASON;
import static io.gohygiene.report.VerifyResults.WINDOWS_APP;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class JUnitReportTest {

    @TempDir
    Path dir;

    private Element suite(VerifyResult result, Path baseDir) throws Exception {
        Path out = dir.resolve("target/go-hygiene/TEST-go-hygiene.xml");
        JUnitReport.write(result, out, baseDir);
        return parse(Files.readAllBytes(out));
    }

    private Element realistic() throws Exception {
        Path project = VerifyResults.project(dir);
        return suite(VerifyResults.realistic(project), project);
    }

    private static Element parse(byte[] xml) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        Document doc = factory.newDocumentBuilder().parse(new ByteArrayInputStream(xml));
        return doc.getDocumentElement();
    }

    private static List<Element> children(Element parent, String tag) {
        List<Element> found = new ArrayList<>();
        NodeList nodes = parent.getChildNodes();
        for (int i = 0; i < nodes.getLength(); i++) {
            if (nodes.item(i) instanceof Element e && e.getTagName().equals(tag)) {
                found.add(e);
            }
        }
        return found;
    }

    private static Element testCase(Element suite, String classname, String name) {
        List<Element> matching = children(suite, "testcase").stream()
                .filter(c -> c.getAttribute("classname").equals(classname) && c.getAttribute("name").equals(name)).toList();
        assertEquals(1, matching.size(), () -> "test cases " + classname + " / " + name);
        return matching.get(0);
    }

    private static Element only(Element parent, String tag) {
        List<Element> found = children(parent, tag);
        assertEquals(1, found.size(), () -> "one <" + tag + "> in " + parent.getAttribute("name"));
        return found.get(0);
    }

    @Test
    void countsOneTestCasePerRulePerBinary() throws Exception {
        Element suite = realistic();
        assertEquals("testsuite", suite.getTagName());
        assertEquals("go-hygiene", suite.getAttribute("name"));
        assertEquals("13", suite.getAttribute("tests"), "linux 5 rules, darwin 5, windows 3");
        assertEquals("3", suite.getAttribute("failures"), "linux linkage and glibc, windows hardening");
        assertEquals("0", suite.getAttribute("skipped"), "a rule that does not apply passes: the binary was checked");
        assertEquals("0", suite.getAttribute("errors"));
        assertEquals("0", suite.getAttribute("time"));
        List<Element> cases = children(suite, "testcase");
        assertEquals(13, cases.size());
        assertEquals(3, cases.stream().filter(c -> !children(c, "failure").isEmpty()).count());
        assertEquals(0, cases.stream().filter(c -> !children(c, "skipped").isEmpty()).count());
    }

    @Test
    void namesCasesByTheBinarysProjectPathAndTheRule() throws Exception {
        List<String> names = children(realistic(), "testcase").stream()
                .map(c -> c.getAttribute("classname") + " | " + c.getAttribute("name")).toList();
        assertEquals(List.of(
                LINUX_APP + " | target", LINUX_APP + " | linkage", LINUX_APP + " | glibc", LINUX_APP + " | hardening", LINUX_APP + " | macos",
                DARWIN_APP + " | target", DARWIN_APP + " | macos", DARWIN_APP + " | libraries", DARWIN_APP + " | cgo", DARWIN_APP + " | glibc",
                WINDOWS_APP + " | windows", WINDOWS_APP + " | hardening", WINDOWS_APP + " | cgo"), names);
    }

    @Test
    void aFailingRuleFailsWithEveryFailingRowAndItsEvidence() throws Exception {
        Element glibc = testCase(realistic(), LINUX_APP, "glibc");
        Element failure = only(glibc, "failure");
        assertEquals("glibc", failure.getAttribute("type"));
        assertEquals(GLIBC_MESSAGE + "; needs GLIBCXX_3.4.29 > 3.4.25", failure.getAttribute("message"));
        String details = failure.getTextContent();
        assertTrue(details.contains("FAIL GLIBC_2.34: " + GLIBC_MESSAGE), details);
        assertTrue(details.contains("seen:     GLIBC_2.34"), details);
        assertTrue(details.contains("expected: <= 2.28"), details);
        assertTrue(details.contains("hint:     build on a system with glibc <= 2.28"), details);
        assertTrue(details.contains("FAIL GLIBCXX_3.4.29: needs GLIBCXX_3.4.29 > 3.4.25"), details);
        assertTrue(details.contains("hint:     link libstdc++ statically"), details);
        assertFalse(details.contains("GLIBC_2.2.5"), "the passing row is not a failure");
    }

    @Test
    void markupInMessagesIsEscapedAndReadsBackUnchanged() throws Exception {
        Path project = VerifyResults.project(dir);
        byte[] xml = JUnitReport.render(VerifyResults.realistic(project), project);
        String text = new String(xml, StandardCharsets.UTF_8);
        assertTrue(text.contains("message=\"needs GLIBC_2.34 &gt; 2.28 (__libc_start_main) &amp; &quot;memcpy&quot; &lt;via libfoo.so&gt;"),
                "the attribute escapes & \" < >");
        assertTrue(text.contains("FAIL GLIBC_2.34: needs GLIBC_2.34 &gt; 2.28 (__libc_start_main) &amp; \"memcpy\" &lt;via libfoo.so&gt;\n"),
                "the element text escapes & < >");
        Element failure = only(testCase(parse(xml), LINUX_APP, "glibc"), "failure");
        assertTrue(failure.getAttribute("message").startsWith(GLIBC_MESSAGE));
        assertTrue(failure.getTextContent().contains(GLIBC_MESSAGE));
        assertTrue(text.startsWith("<?xml version=\"1.0\" encoding=\"UTF-8\"?>"), text.substring(0, 60));
        assertTrue(text.contains("приложение-ü"), "unicode written as UTF-8, not as character references");
    }

    @Test
    void aWarningPassesAndSaysWhyInSystemOut() throws Exception {
        Element hardening = testCase(realistic(), LINUX_APP, "hardening");
        assertTrue(children(hardening, "failure").isEmpty());
        assertTrue(children(hardening, "skipped").isEmpty());
        String out = only(hardening, "system-out").getTextContent();
        assertTrue(out.startsWith("WARN RELRO: only partial RELRO"), out);
        assertTrue(out.contains("hint:     link with -Wl,-z,relro,-z,now"), out);
    }

    @Test
    void aWaivedViolationPassesAndSaysItWasWaivedAndWhy() throws Exception {
        Element macos = testCase(realistic(), DARWIN_APP, "macos");
        assertTrue(children(macos, "failure").isEmpty());
        assertTrue(children(macos, "skipped").isEmpty());
        String out = only(macos, "system-out").getTextContent();
        assertTrue(out.startsWith("WAIVED minos: needs macOS 11.0, newer than 10.15"), out);
        assertTrue(out.contains("waived:   " + WAIVER_REASON), out);
    }

    @Test
    void aRuleThatAppliedToNothingPassesAndSaysWhyInSystemOut() throws Exception {
        Element suite = realistic();
        Element glibc = testCase(suite, DARWIN_APP, "glibc");
        assertTrue(children(glibc, "skipped").isEmpty(), "not skipped: a CI server would read the binary as not checked");
        assertTrue(children(glibc, "failure").isEmpty());
        assertEquals("SKIP GLIBC: not applicable: not an ELF binary\n\nSKIP GLIBCXX: not applicable: not an ELF binary",
                only(glibc, "system-out").getTextContent());
        Element cgo = testCase(suite, WINDOWS_APP, "cgo");
        assertTrue(children(cgo, "skipped").isEmpty());
        assertTrue(only(cgo, "system-out").getTextContent().contains("not applicable: no build info"));
    }

    @Test
    void aPassingRuleIsAPlainTestCase() throws Exception {
        Element windows = testCase(realistic(), WINDOWS_APP, "windows");
        assertFalse(windows.hasChildNodes());
        Element target = testCase(realistic(), LINUX_APP, "target");
        assertFalse(target.hasChildNodes());
    }

    @Test
    void anInfoRowPassesAndIsShownInSystemOut() throws Exception {
        Element cgo = testCase(realistic(), DARWIN_APP, "cgo");
        assertTrue(children(cgo, "failure").isEmpty());
        assertTrue(only(cgo, "system-out").getTextContent().startsWith("INFO CGO_ENABLED: cgo is on, as the target asks"));
    }

    @Test
    void charactersXmlCannotHoldAreSpelledOutNotWritten() throws Exception {
        String hostile = "libevil\u0001.so\u0000 \uFFFF \uD800 ok \uD83D\uDE00";
        VerifyResult result = VerifyResult.of(List.of(new BinaryVerification(dir.resolve("app"), Target.parse("linux/amd64"),
                List.of(Finding.problem("libraries", hostile, hostile, "allowed", Verdict.FAIL, "needs " + hostile, "drop it")))), "1.0");
        Element failure = only(testCase(suite(result, dir), "app", "libraries"), "failure");
        assertEquals("needs libevil\\u0001.so\\u0000 \\uFFFF \\uD800 ok \uD83D\uDE00", failure.getAttribute("message"));
    }

    @Test
    void aBinaryCheckedForTwoTargetsHasItsTargetInTheClassName() throws Exception {
        Path universal = dir.resolve("dist/app");
        List<Finding> rows = List.of(Finding.pass("target", "GOARCH", "x", "x"));
        VerifyResult result = VerifyResult.of(List.of(
                new BinaryVerification(universal, Target.parse("darwin/amd64"), rows),
                new BinaryVerification(universal, Target.parse("darwin/arm64"), rows),
                new BinaryVerification(dir.resolve("dist/other"), Target.parse("darwin/arm64"), rows)), "1.0");
        List<String> classnames = children(suite(result, dir), "testcase").stream().map(c -> c.getAttribute("classname")).toList();
        assertEquals(List.of("dist/app (darwin/amd64)", "dist/app (darwin/arm64)", "dist/other"), classnames);
    }

    @Test
    void withoutABaseDirectoryPathsAreShownAsTheResultHoldsThem() throws Exception {
        VerifyResult result = VerifyResult.of(List.of(new BinaryVerification(Path.of("target", "bin", "app"), Target.parse("linux/amd64"),
                List.of(Finding.pass("target", "GOARCH", "amd64", "amd64")))), "1.0");
        Path out = dir.resolve("TEST-go-hygiene.xml");
        JUnitReport.write(result, out);
        assertEquals("target/bin/app", only(parse(Files.readAllBytes(out)), "testcase").getAttribute("classname"));
    }

    @Test
    void aBinaryOutsideTheProjectIsShownByItsFullPath() throws Exception {
        Path project = VerifyResults.project(dir);
        Path elsewhere = dir.resolve("other place/app");
        VerifyResult result = VerifyResult.of(List.of(new BinaryVerification(elsewhere, Target.parse("linux/amd64"),
                List.of(Finding.pass("target", "GOARCH", "amd64", "amd64")))), "1.0");
        assertEquals(ReportPaths.slashed(elsewhere.toAbsolutePath()), only(suite(result, project), "testcase").getAttribute("classname"));
    }

    @Test
    void anEmptyResultIsAnEmptySuite() throws Exception {
        Element suite = suite(VerifyResult.of(List.of(), "1.0"), dir);
        assertEquals("0", suite.getAttribute("tests"));
        assertTrue(children(suite, "testcase").isEmpty());
    }

    @Test
    void theSameResultGivesTheSameBytes() throws IOException {
        Path project = VerifyResults.project(dir);
        assertArrayEquals(JUnitReport.render(VerifyResults.realistic(project), project),
                JUnitReport.render(VerifyResults.realistic(project), project));
    }
}
