package io.gohygiene.gotest;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.SchemaFactory;
import javax.xml.validation.Validator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The fixture module run once with the real {@code go test -json -count=1 ./...}, its events accumulated and
 * written as Surefire reports; each test reads what a CI server or a user would read of them.
 */
class SurefireReportsTest {

    static final Path XSD = Path.of("src/test/resources/gotest/surefire-test-report-3.0.xsd");

    @TempDir
    static Path work;
    static Path events;
    static List<PackageResult> packages;
    static List<Path> reports;

    @BeforeAll
    static void runTheFixture() throws Exception {
        Path module = GoTestFixture.copy(work);
        events = GoTestFixture.write(work.resolve("events.json"), GoTestFixture.run(module, "-count=1"));
        packages = GoTestFixture.accumulate(Files.readAllBytes(events)).packages();
        reports = SurefireReports.write(packages, work.resolve("reports"), "", "");
    }

    @Test
    void everyPackageHasAReportThatTheSurefireSchemaAcceptsAndItsCountsAdd() throws Exception {
        Set<String> fixturePackages;
        try (Stream<Path> walk = Files.walk(GoTestFixture.SOURCE)) {
            fixturePackages = walk.filter(p -> p.toString().endsWith(".go")).map(p -> GoTestFixture.MODULE + "/"
                    + GoTestFixture.SOURCE.relativize(p.getParent()).toString().replace('\\', '/')).collect(Collectors.toCollection(TreeSet::new));
        }
        assertEquals(fixturePackages, packages.stream().map(PackageResult::importPath).collect(Collectors.toCollection(TreeSet::new)));
        assertEquals(packages.size(), reports.size());

        Validator validator = SchemaFactory.newDefaultInstance().newSchema(XSD.toFile()).newValidator();
        for (int i = 0; i < reports.size(); i++) {
            Path report = reports.get(i);
            assertEquals("TEST-" + packages.get(i).importPath().replace('/', '.') + ".xml", report.getFileName().toString());
            validator.validate(new StreamSource(report.toFile()));
            Element suite = parse(report).getDocumentElement();
            assertEquals(packages.get(i).importPath(), suite.getAttribute("name"));
            NodeList cases = suite.getElementsByTagName("testcase");
            assertEquals(cases.getLength(), Integer.parseInt(suite.getAttribute("tests")), report.toString());
            assertEquals(suite.getElementsByTagName("failure").getLength(), Integer.parseInt(suite.getAttribute("failures")));
            assertEquals(suite.getElementsByTagName("error").getLength(), Integer.parseInt(suite.getAttribute("errors")));
            assertEquals(suite.getElementsByTagName("skipped").getLength(), Integer.parseInt(suite.getAttribute("skipped")));
        }
        try (Stream<Path> left = Files.list(work.resolve("reports"))) {
            assertEquals(Set.of(), left.filter(p -> p.toString().endsWith(".partial")).collect(Collectors.toSet()));
        }
    }

    @Test
    void aTargetGoesIntoTheFileAndSuiteNamesAndTheProperties() throws Exception {
        PackageResult pass = only("pass");
        Path report = SurefireReports.write(List.of(pass), work.resolve("target-reports"), "-linux-arm64", "linux/arm64").get(0);

        assertEquals("TEST-example.com.gotestfixture.pass-linux-arm64.xml", report.getFileName().toString());
        SchemaFactory.newDefaultInstance().newSchema(XSD.toFile()).newValidator()
                .validate(new StreamSource(report.toFile()));
        Element suite = parse(report).getDocumentElement();
        assertEquals(pass.importPath() + " (linux/arm64)", suite.getAttribute("name"));
        Map<String, String> properties = new HashMap<>();
        NodeList nodes = suite.getElementsByTagName("property");
        for (int i = 0; i < nodes.getLength(); i++) {
            properties.put(((Element) nodes.item(i)).getAttribute("name"), ((Element) nodes.item(i)).getAttribute("value"));
        }
        assertEquals(Map.of("target", "linux/arm64", "GOOS", "linux", "GOARCH", "arm64"), properties);
    }

    /**
     * The same events through gotestsum's JUnit writer give the same (classname, name, status) set, but for two
     * differences kept on purpose:
     * <ol>
     * <li>A package that failed without any test failing (it did not build; TestMain panicked) is, for gotestsum, a
     * case with an empty classname named "TestMain" that failed. Here it is an {@code error} case with the package
     * as classname and name: the list a CI server shows must say which package, a package that did not build has no
     * TestMain, and Surefire's {@code error} (not {@code failure}) is what an unexpected problem is.</li>
     * <li>A test that started and never reported (its binary exited under it: {@code os.Exit(1)}) gotestsum lists
     * as failed; here it is an {@code error}: no assertion failed, there is no result.</li>
     * </ol>
     */
    @Test
    void theCasesAreGotestsumsButForTheDifferencesKeptOnPurpose() throws Exception {
        Set<Gotestsum.Case> mine = new HashSet<>();
        for (Path report : reports) {
            mine.addAll(Gotestsum.parse(report));
        }
        Set<List<String>> noResult = testsWithoutAResult();
        assertFalse(noResult.isEmpty(), "the exit1 package should leave a test without a result");

        Set<Gotestsum.Case> expected = new HashSet<>();
        Gotestsum.casesBySuite(Gotestsum.junit(events, work)).forEach((suite, cases) -> {
            for (Gotestsum.Case c : cases) {
                if (c.classname().isEmpty() && c.name().equals("TestMain") && c.status() == Status.FAIL) {
                    expected.add(new Gotestsum.Case(suite, suite, Status.ERROR)); // difference 1
                } else if (c.status() == Status.FAIL && noResult.contains(List.of(c.classname(), c.name()))) {
                    expected.add(new Gotestsum.Case(c.classname(), c.name(), Status.ERROR)); // difference 2
                } else {
                    expected.add(c);
                }
            }
        });
        assertTrue(expected.size() > 20, "gotestsum saw " + expected);
        assertEquals(sorted(expected), sorted(mine));
    }

    @Test
    void messagesAndOutputAreWhereAUserLooksForThem() throws Exception {
        Element error = testcase("fail", "TestError").get("failure");
        assertTrue(error.getAttribute("message").contains("want 4, got 5"), error.getAttribute("message"));
        assertTrue(error.getTextContent().contains("fail_test.go:7: still running after t.Error"), error.getTextContent());

        assertTrue(testcase("fail", "TestFatal").get("failure").getAttribute("message").contains("cannot open fixture.txt"));
        assertTrue(testcase("fail", "TestParent/bad_case").get("failure").getAttribute("message").contains("sub case went wrong"));
        // The parent wrote nothing itself: its message says which subtest failed it.
        assertTrue(testcase("fail", "TestParent").get("failure").getAttribute("message").contains("bad_case"));
        assertTrue(testcase("fail", "TestParent/good").isEmpty());

        assertTrue(testcase("skip", "TestNeedsDatabase").get("skipped").getAttribute("message").contains("no database in this environment"));

        Element panic = testcase("panic", "TestPanics").get("failure");
        assertTrue(panic.getAttribute("message").startsWith("panic: assignment to entry in nil map"), panic.getAttribute("message"));
        assertTrue(panic.getTextContent().contains("panic_test.go:9"), "the trace names the line");

        String mainpanic = GoTestFixture.MODULE + "/mainpanic";
        Element testMain = testcase("mainpanic", mainpanic).get("error");
        assertTrue(testMain.getAttribute("message").contains("setup failed in TestMain"), testMain.getAttribute("message"));
        assertTrue(testMain.getTextContent().contains("mainpanic_test.go:6"));

        Element broken = testcase("broken", GoTestFixture.MODULE + "/broken").get("error");
        assertEquals("build failure", broken.getAttribute("type"));
        assertTrue(broken.getAttribute("message").contains("broken.go:5:9: cannot use \"not an int\""), broken.getAttribute("message"));
        assertTrue(only("broken").buildFailed());

        // Go 1.16+ turns os.Exit(0) in a test into that test's failure ("unexpected call to os.Exit(0) during
        // test"): a result. A test binary that exits under a test with another code leaves no result: an error.
        assertTrue(testcase("exit0", "TestExits").get("failure").getAttribute("message").contains("os.Exit(0)"));
        Element exited = testcase("exit1", "TestExitsHard").get("error");
        assertEquals("no result", exited.getAttribute("type"));
        assertTrue(exited.getAttribute("message").startsWith("no result: the test binary exited while this test was running"));
        assertTrue(exited.getTextContent().contains("about to exit with status 1"));
        assertEquals(Status.ERROR, only("exit1").status(), "no test failed; the package ended without a result");

        assertTrue(only("notests").noTestFiles());
        assertEquals(Status.SKIP, only("notests").status());
        assertEquals(Status.ERROR, only("mainpanic").status());
        assertEquals(Status.FAIL, only("fail").status());
    }

    @Test
    void aTestWritingMegabytesGetsABoundedReportThatIsStillValidXml() throws Exception {
        long noisyEvents = Files.readAllLines(events).stream().filter(l -> l.contains("\"Package\":\"" + GoTestFixture.MODULE + "/noisy\"")).mapToLong(String::length).sum();
        Path noisy = reports.stream().filter(p -> p.getFileName().toString().contains(".noisy")).findFirst().orElseThrow();
        assertTrue(noisyEvents > 5_000_000, "the loud test wrote " + noisyEvents);
        assertTrue(Files.size(noisy) < 3 * BoundedText.DEFAULT_LIMIT + 20_000, "report of " + Files.size(noisy) + " bytes");

        String loud = testcase("noisy", "TestLoud").get("system-out").getTextContent();
        assertTrue(loud.contains("bytes left out …]"), "the cut is marked");
        assertTrue(loud.contains("the last line of the loud test"), "the end is kept");
        assertTrue(loud.startsWith("=== RUN   TestLoud\n" + "x".repeat(99)), "the start is kept");

        String bad = testcase("noisy", "TestBadBytes").get("failure").getTextContent();
        assertTrue(bad.contains("invalid utf-8: \uFFFD\uFFFD end"), bad);
        assertTrue(bad.contains("controls: \\u0000 \\u001B[31m red"), bad);
        assertTrue(bad.chars().noneMatch(c -> c < 0x20 && c != '\n' && c != '\t' && c != '\r'));
    }

    @Test
    void theSummaryCountsWhatTheEventsSay() throws Exception {
        List<String> lines = TestSummaryText.lines(packages, Duration.ofMillis(3250));
        Map<String, Long> byAction = new HashMap<>();
        Set<String> packageNames = new HashSet<>();
        Set<String> failedPackagesWithoutFailedTest = new HashSet<>();
        Set<String> failedTestPackages = new HashSet<>();
        long noTestFiles = 0;
        Set<String> notBuilt = new HashSet<>();
        for (String line : Files.readAllLines(events)) {
            TestEvent e = TestEvent.parse(line);
            e.packagePath().ifPresent(packageNames::add);
            if (e.test().isPresent() && List.of("pass", "fail", "skip").contains(e.action())) {
                byAction.merge(e.action(), 1L, Long::sum);
                if (e.action().equals("fail")) {
                    failedTestPackages.add(e.packagePath().orElseThrow());
                }
            }
            if (e.test().isEmpty() && e.action().equals("fail")) {
                failedPackagesWithoutFailedTest.add(e.packagePath().orElseThrow());
                e.failedBuild().ifPresent(b -> notBuilt.add(e.packagePath().orElseThrow()));
            }
            if (e.test().isEmpty() && e.output().orElse("").contains("[no test files]")) {
                noTestFiles++;
            }
        }
        failedPackagesWithoutFailedTest.removeAll(failedTestPackages);
        Set<List<String>> noResult = testsWithoutAResult();
        failedPackagesWithoutFailedTest.removeIf(p -> noResult.stream().anyMatch(t -> t.get(0).equals(p)));
        long errors = noResult.size() + failedPackagesWithoutFailedTest.size();

        String expected = "tests: " + byAction.get("pass") + " passed, " + byAction.get("fail") + " failed, " + byAction.get("skip")
                + " skipped, " + errors + " errors in " + packageNames.size() + " packages (0 cached, " + noTestFiles
                + " with no test files, " + notBuilt.size() + " did not build) in 3.3 s";
        assertEquals(expected, lines.get(lines.size() - 1));
        assertTrue(lines.contains(GoTestFixture.MODULE + "/fail  FAIL  " + String.format(java.util.Locale.ROOT, "%.2f s", only("fail").elapsedSeconds())), lines.toString());
        assertTrue(lines.stream().anyMatch(l -> l.strip().equals("fail_test.go:6: want 4, got 5")));
        assertTrue(lines.stream().anyMatch(l -> l.matches("  TestParent/bad_case +FAIL +0\\.00 s")), "subtests are rows of the table");
        assertTrue(lines.stream().noneMatch(l -> l.chars().anyMatch(c -> c == 0 || c == 0x1b)), "no control characters reach the terminal");
    }

    /** (package, test) of every test that started ({@code run}) and never passed, failed or was skipped. */
    static Set<List<String>> testsWithoutAResult() throws Exception {
        Set<List<String>> running = new HashSet<>();
        for (String line : Files.readAllLines(events)) {
            TestEvent e = TestEvent.parse(line);
            if (e.test().isEmpty()) {
                continue;
            }
            List<String> key = List.of(e.packagePath().orElseThrow(), e.test().get());
            if (e.action().equals("run")) {
                running.add(key);
            } else if (List.of("pass", "fail", "skip").contains(e.action())) {
                running.remove(key);
            }
        }
        return running;
    }

    static PackageResult only(String name) {
        return packages.stream().filter(p -> p.importPath().equals(GoTestFixture.MODULE + "/" + name)).findFirst().orElseThrow();
    }

    /** The child elements of one testcase of a package's report, by tag. */
    static Map<String, Element> testcase(String pkg, String name) throws Exception {
        Path report = reports.get(packages.indexOf(only(pkg)));
        NodeList cases = parse(report).getElementsByTagName("testcase");
        for (int i = 0; i < cases.getLength(); i++) {
            Element c = (Element) cases.item(i);
            if (c.getAttribute("name").equals(name)) {
                assertEquals(GoTestFixture.MODULE + "/" + pkg, c.getAttribute("classname"));
                Map<String, Element> children = new HashMap<>();
                NodeList nodes = c.getChildNodes();
                for (int j = 0; j < nodes.getLength(); j++) {
                    if (nodes.item(j) instanceof Element child) {
                        children.put(child.getTagName(), child);
                    }
                }
                return children;
            }
        }
        throw new AssertionError("no testcase " + name + " in " + report);
    }

    static Document parse(Path xml) throws Exception {
        return DocumentBuilderFactory.newDefaultInstance().newDocumentBuilder().parse(xml.toFile());
    }

    private static List<String> sorted(Set<Gotestsum.Case> cases) {
        return cases.stream().map(Gotestsum.Case::toString).sorted().toList();
    }
}
