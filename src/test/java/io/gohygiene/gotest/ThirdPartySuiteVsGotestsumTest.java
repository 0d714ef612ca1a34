package io.gohygiene.gotest;

import io.gohygiene.testing.GoOnPath;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.SchemaFactory;
import javax.xml.validation.Validator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The test suites of real, well-known modules, each run once with the real {@code go test -json -count=1 ./...};
 * that one events file goes both to our reports and to gotestsum's {@code --junitfile}, and the two must list the
 * same tests with the same outcomes and counts (but for the differences {@link SurefireReportsTest} keeps on
 * purpose). The modules, fixed versions with no dependencies whose suites need no network:
 * <ul>
 * <li>github.com/google/go-cmp v0.7.0: about 700 cases, most of them table-driven subtests, some nested;</li>
 * <li>github.com/google/uuid v1.6.0: a test that skips itself with a reason ({@code TestClockSeqRace});</li>
 * <li>github.com/pkg/errors v0.9.1: from before modules (its zip has no go.mod: the test writes the one
 * {@code go mod init} would). Its stack-trace tests expect the function names older compilers gave closures, so
 * with a recent go some fail: real failures with real output to compare.</li>
 * </ul>
 * Skipped (an assumption, with the reason) only when there is no go, or a module is not cached and the proxy cannot
 * be reached.
 */
class ThirdPartySuiteVsGotestsumTest {

    static final List<ThirdPartyModule> MODULES = List.of(
            new ThirdPartyModule("github.com/google/go-cmp", "v0.7.0"),
            new ThirdPartyModule("github.com/google/uuid", "v1.6.0"),
            new ThirdPartyModule("github.com/pkg/errors", "v0.9.1"));

    /** One module's run: its events file and what each writer made of it. */
    record Run(ThirdPartyModule module, Path events, List<PackageResult> packages, List<Path> reports, Path gotestsum) {
    }

    /** A testsuite's counts, as its attributes give them (an absent attribute is 0, as gotestsum leaves zeros out). */
    record Counts(int tests, int failures, int errors, int skipped) {
        static Counts of(Element suite) {
            return new Counts(number(suite, "tests"), number(suite, "failures"), number(suite, "errors"), number(suite, "skipped"));
        }

        private static int number(Element suite, String attribute) {
            String value = suite.getAttribute(attribute);
            return value.isEmpty() ? 0 : Integer.parseInt(value);
        }
    }

    @TempDir
    static Path work;
    static final Map<String, Run> RUNS = new LinkedHashMap<>();

    @BeforeAll
    static void runEachSuiteOnce() throws Exception {
        try {
            GoOnPath.executable();
        } catch (IllegalStateException e) {
            assumeTrue(false, "skipped: no go on PATH, and go's own test run is what both reports are made from");
        }
        for (ThirdPartyModule module : MODULES) {
            Optional<Path> tree = module.download();
            assumeTrue(tree.isPresent(), "skipped: " + module + " is not in " + ThirdPartyModule.MODCACHE + " and "
                    + ThirdPartyModule.PROXY + " cannot be reached (no network)");
            Path copy = module.copyTo(work.resolve("src"), tree.get());
            if (!Files.exists(copy.resolve("go.mod"))) {
                Files.writeString(copy.resolve("go.mod"), "module " + module.path() + "\n\ngo 1.13\n");
            }
            Path dir = work.resolve(module.path().replace('/', '_'));
            Path events = GoTestFixture.write(dir.resolve("events.json"), GoTestFixture.run(copy, Map.of("GOWORK", "off"), "-count=1"));
            List<PackageResult> packages = GoTestFixture.accumulate(Files.readAllBytes(events)).packages();
            List<Path> reports = SurefireReports.write(packages, dir.resolve("reports"), "", "");
            RUNS.put(module.path(), new Run(module, events, packages, reports, Gotestsum.junit(events, dir)));
        }
    }

    static List<String> modules() {
        return MODULES.stream().map(ThirdPartyModule::path).toList();
    }

    /**
     * gotestsum's (classname, name, status) set, mapped where ours differs on purpose: a package that failed with no
     * test failing is gotestsum's "TestMain" failure and our error case named after the package; a test that never
     * reported is gotestsum's failure and our error.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("modules")
    void theCasesAreGotestsumsOnTheSameEvents(String module) throws Exception {
        Run run = RUNS.get(module);
        assertEquals(sorted(expectedCases(run).values().stream().flatMap(Set::stream).toList()), sorted(ourCases(run)), run.module().toString());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("modules")
    void eachSuiteCountsWhatGotestsumCounts(String module) throws Exception {
        Run run = RUNS.get(module);
        Map<String, Counts> theirs = new TreeMap<>();
        NodeList suites = SurefireReportsTest.parse(run.gotestsum()).getElementsByTagName("testsuite");
        Map<String, Set<Gotestsum.Case>> mapped = expectedCases(run);
        Map<String, Set<Gotestsum.Case>> asTheyAre = Gotestsum.casesBySuite(run.gotestsum());
        for (int i = 0; i < suites.getLength(); i++) {
            Element suite = (Element) suites.item(i);
            String name = suite.getAttribute("name");
            Counts c = Counts.of(suite);
            // A case mapped from gotestsum's failure to our error moves from one count to the other.
            long moved = mapped.getOrDefault(name, Set.of()).stream().filter(x -> x.status() == Status.ERROR).count()
                    - asTheyAre.getOrDefault(name, Set.of()).stream().filter(x -> x.status() == Status.ERROR).count();
            theirs.put(name, new Counts(c.tests(), c.failures() - (int) moved, c.errors() + (int) moved, c.skipped()));
        }
        Validator validator = SchemaFactory.newDefaultInstance().newSchema(SurefireReportsTest.XSD.toFile()).newValidator();
        Map<String, Counts> ours = new TreeMap<>();
        for (Path report : run.reports()) {
            validator.validate(new StreamSource(report.toFile()));
            Element suite = SurefireReportsTest.parse(report).getDocumentElement();
            ours.put(suite.getAttribute("name"), Counts.of(suite));
        }
        // Packages with no test files (go-cmp has five) are suites of 0 tests in both, so all suites are compared.
        assertFalse(ours.isEmpty());
        assertEquals(theirs, ours, run.module().toString());
    }

    /** What a user checks first: every test and subtest that reported is there once, subtests as their own cases. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("modules")
    void everyResultIsACaseAndSubtestsAreTheirOwn(String module) throws Exception {
        Run run = RUNS.get(module);
        long results = Files.readAllLines(run.events()).stream().map(TestEvent::parse)
                .filter(e -> e.test().isPresent() && List.of("pass", "fail", "skip").contains(e.action())).count();
        List<Gotestsum.Case> cases = ourCases(run);
        assertTrue(cases.size() > 50, run.module() + " has only " + cases.size() + " cases");
        assertEquals(results, cases.size(), "one case per pass/fail/skip event of a test in " + run.module());
        assertEquals(cases.size(), new HashSet<>(cases).size(), "no case twice");

        Set<String> names = new HashSet<>();
        cases.forEach(c -> names.add(c.name()));
        List<String> subtests = names.stream().filter(n -> n.contains("/")).toList();
        assertFalse(subtests.isEmpty(), run.module() + " has subtests");
        for (String subtest : subtests) {
            // Not always the direct parent: t.Run("Cycle/SlicesEqual", …) makes one subtest whose own name has a '/'.
            assertTrue(names.contains(subtest.substring(0, subtest.indexOf('/'))), "the top test of " + subtest + " is a case too");
        }
    }

    /** A skipped case says why (the t.Skip text), a failed one what failed: in the message a CI server lists. */
    @Test
    void skippedAndFailedCasesSayWhyInTheirMessage() throws Exception {
        int skipped = 0;
        for (Run run : RUNS.values()) {
            Map<String, String> firstLines = firstOwnLines(run.events());
            for (Path report : run.reports()) {
                NodeList cases = SurefireReportsTest.parse(report).getElementsByTagName("testcase");
                for (int i = 0; i < cases.getLength(); i++) {
                    Element c = (Element) cases.item(i);
                    String firstLine = firstLines.get(c.getAttribute("classname") + " " + c.getAttribute("name"));
                    for (String tag : List.of("skipped", "failure")) {
                        NodeList found = c.getElementsByTagName(tag);
                        if (found.getLength() == 0 || firstLine == null) {
                            continue;
                        }
                        String message = ((Element) found.item(0)).getAttribute("message");
                        assertEquals(firstLine, message, tag + " of " + c.getAttribute("name") + " in " + run.module());
                        skipped += tag.equals("skipped") ? 1 : 0;
                    }
                }
            }
        }
        assertTrue(skipped > 0, "some test skipped itself with a reason");
        assertEquals("seq_test.go:22: skipping regression tests", message("github.com/google/uuid", "TestClockSeqRace", "skipped"));
    }

    /** The message of a case's {@code tag} child in our report of {@code module}. */
    private static String message(String module, String test, String tag) throws Exception {
        for (Path report : RUNS.get(module).reports()) {
            NodeList cases = SurefireReportsTest.parse(report).getElementsByTagName("testcase");
            for (int i = 0; i < cases.getLength(); i++) {
                Element c = (Element) cases.item(i);
                if (c.getAttribute("name").equals(test) && c.getElementsByTagName(tag).getLength() > 0) {
                    return ((Element) c.getElementsByTagName(tag).item(0)).getAttribute("message");
                }
            }
        }
        throw new AssertionError("no " + tag + " case " + test + " in " + module);
    }

    /** "package test" → the first line a test wrote itself (not go's === RUN / --- PASS framing), stripped. */
    private static Map<String, String> firstOwnLines(Path events) throws Exception {
        Map<String, String> first = new HashMap<>();
        for (String line : Files.readAllLines(events)) {
            TestEvent e = TestEvent.parse(line);
            if (e.test().isEmpty() || e.output().isEmpty()) {
                continue;
            }
            for (String text : e.output().get().split("\n")) {
                if (!text.isBlank() && !TestOutput.isFraming(text.strip())) {
                    first.putIfAbsent(e.packagePath().orElseThrow() + " " + e.test().get(), text.strip());
                }
            }
        }
        return first;
    }

    private static Map<String, Set<Gotestsum.Case>> expectedCases(Run run) throws Exception {
        Set<List<String>> noResult = testsWithoutAResult(run.events());
        Map<String, Set<Gotestsum.Case>> expected = new HashMap<>();
        Gotestsum.casesBySuite(run.gotestsum()).forEach((suite, cases) -> {
            Set<Gotestsum.Case> mapped = expected.computeIfAbsent(suite, k -> new HashSet<>());
            for (Gotestsum.Case c : cases) {
                if (c.classname().isEmpty() && c.name().equals("TestMain") && c.status() == Status.FAIL) {
                    mapped.add(new Gotestsum.Case(suite, suite, Status.ERROR));
                } else if (c.status() == Status.FAIL && noResult.contains(List.of(c.classname(), c.name()))) {
                    mapped.add(new Gotestsum.Case(c.classname(), c.name(), Status.ERROR));
                } else {
                    mapped.add(c);
                }
            }
        });
        return expected;
    }

    /** Every testcase of our reports, as a list so that one listed twice would show. */
    private static List<Gotestsum.Case> ourCases(Run run) throws Exception {
        List<Gotestsum.Case> cases = new ArrayList<>();
        for (Path report : run.reports()) {
            Gotestsum.casesBySuite(report).values().forEach(cases::addAll);
            // casesBySuite keeps a set; count the elements too so a duplicate cannot hide.
            assertEquals(SurefireReportsTest.parse(report).getElementsByTagName("testcase").getLength(),
                    Gotestsum.casesBySuite(report).values().stream().mapToInt(Set::size).sum(), "a case twice in " + report);
        }
        return cases;
    }

    /** (package, test) of every test that started and never passed, failed or was skipped. */
    private static Set<List<String>> testsWithoutAResult(Path events) throws Exception {
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

    private static List<String> sorted(List<Gotestsum.Case> cases) {
        return cases.stream().map(Gotestsum.Case::toString).sorted().toList();
    }
}
