package io.gohygiene.gotest;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The accumulation over real go runs other than the one {@link SurefireReportsTest} reads. */
class TestRunTest {

    @TempDir
    Path work;

    @Test
    void aSecondRunWithoutCountReportsThePassingPackagesAsCached() throws Exception {
        Path module = GoTestFixture.copy(work);
        List<PackageResult> first = GoTestFixture.accumulate(GoTestFixture.run(module)).packages();
        List<PackageResult> second = GoTestFixture.accumulate(GoTestFixture.run(module)).packages();

        // The first run may find results cached by an earlier run of this test in the same directory name; the
        // second always finds every passing package cached (go caches only successes).
        Set<String> passing = names(second.stream().filter(p -> p.status() == Status.PASS).toList());
        assertFalse(passing.isEmpty());
        assertEquals(passing, names(second.stream().filter(PackageResult::cached).toList()));
        assertEquals(names(first.stream().filter(p -> p.status() == Status.PASS).toList()), passing);

        List<String> summary = TestSummaryText.lines(second, Duration.ofSeconds(1));
        String total = summary.get(summary.size() - 1);
        assertTrue(total.contains("(" + passing.size() + " cached, 1 with no test files"), total);
        // go reports a cached package's time as it found it (0.00 s mostly, 0.01 s now and then): only the note is fixed.
        String header = GoTestFixture.MODULE + "/pass  PASS  ";
        assertTrue(summary.stream().anyMatch(l -> l.startsWith(header) && l.matches(".*  \\d+\\.\\d\\d s  \\(cached\\)")),
                "a cached package says so in its header: " + summary);
    }

    @Test
    void buildErrorsPrintedAsTextAsBeforeGo124StillReachTheReport() throws Exception {
        Path module = GoTestFixture.copy(work);
        byte[] events = GoTestFixture.runWithBuildErrorsAsText(module, "-count=1");
        assertTrue(new String(events, StandardCharsets.UTF_8).lines().anyMatch(l -> l.startsWith("# " + GoTestFixture.MODULE + "/broken")),
                "go printed the compiler's errors as text");

        PackageResult broken = GoTestFixture.accumulate(events).packages().stream()
                .filter(p -> p.importPath().endsWith("/broken")).findFirst().orElseThrow();
        assertTrue(broken.buildFailed());
        assertEquals(Status.ERROR, broken.status());
        TestCaseResult error = broken.tests().get(0);
        assertEquals(broken.importPath(), error.name());
        assertTrue(error.failureMessage().orElseThrow().contains("broken.go:5:9: cannot use \"not an int\""), error.failureMessage().toString());
        assertTrue(error.output().contains("# " + GoTestFixture.MODULE + "/broken"));
    }

    @Test
    void aStreamThatStopsHalfWayLeavesErrorsNotPasses() throws Exception {
        Path module = GoTestFixture.copy(work);
        List<String> lines = new String(GoTestFixture.run(module, "-count=1", "-p=1"), StandardCharsets.UTF_8).lines().toList();
        String pass = GoTestFixture.MODULE + "/pass";
        int cut = 0;
        while (!(lines.get(cut).contains("\"Action\":\"run\"") && lines.get(cut).contains("\"Package\":\"" + pass + "\""))) {
            cut++;
        }
        TestRun run = new TestRun();
        lines.subList(0, cut + 1).forEach(l -> run.accept(TestEvent.parse(l)));

        PackageResult stopped = run.packages().stream().filter(p -> p.importPath().equals(pass)).findFirst().orElseThrow();
        assertEquals(Status.ERROR, stopped.status());
        assertEquals(1, stopped.tests().size());
        assertEquals(Status.ERROR, stopped.tests().get(0).status());
        assertTrue(stopped.tests().get(0).failureMessage().orElseThrow().startsWith("no result: "));
    }

    @Test
    void aTimeoutStopsTheRunningTestsAndItsPanicSaysWhy() throws Exception {
        Path module = GoTestFixture.copy(work);
        byte[] events = GoTestFixture.run(module, Map.of("GOTESTFIXTURE_HANG", "1"), "-count=1", "-timeout=2s", "./hang");
        PackageResult hang = GoTestFixture.accumulate(events).packages().get(0);

        assertEquals(Status.ERROR, hang.status(), "go reported no failed test, only a failed package");
        assertEquals(List.of("TestHangs", "TestHangs/sub"), hang.tests().stream().map(TestCaseResult::name).toList());
        for (TestCaseResult t : hang.tests()) {
            assertEquals(Status.ERROR, t.status());
            String message = t.failureMessage().orElseThrow();
            assertTrue(message.startsWith("no result: ") && message.contains("panic: test timed out after 2s"), message);
        }
    }

    @Test
    void aBenchmarkWithoutAResultEventInAPassingPackagePasses() throws Exception {
        Path module = GoTestFixture.copy(work);
        byte[] events = GoTestFixture.run(module, "-count=1", "-run=^$", "-bench=.", "-benchtime=10x", "./hang");
        assertTrue(new String(events, StandardCharsets.UTF_8).contains("\"Test\":\"BenchmarkNothing\""));
        PackageResult hang = GoTestFixture.accumulate(events).packages().get(0);

        assertEquals(Status.PASS, hang.status());
        TestCaseResult benchmark = hang.tests().stream().filter(t -> t.name().equals("BenchmarkNothing")).findFirst().orElseThrow();
        assertEquals(Status.PASS, benchmark.status());
        assertTrue(benchmark.output().contains("ns/op"), benchmark.output());
    }

    /**
     * Seen with go 1.26: under -bench with a package named twice ({@code ./hang ./...}), go runs the benchmarks one
     * package at a time and fails hang with broken's FailedBuild. A go that does not is skipped, not passed.
     */
    @Test
    void aPackageFailedByAnotherPackagesBuildSaysWhich() throws Exception {
        Path module = GoTestFixture.copy(work);
        byte[] events = GoTestFixture.run(module, "-count=1", "-run=^$", "-bench=.", "-benchtime=1x", "./hang", "./...");
        PackageResult hang = GoTestFixture.accumulate(events).packages().stream()
                .filter(p -> p.importPath().endsWith("/hang")).findFirst().orElseThrow();
        Assumptions.assumeTrue(hang.buildFailed(), "this go ran hang's benchmarks despite broken's build");
        String message = hang.tests().get(0).failureMessage().orElseThrow();
        assertTrue(message.startsWith("the package did not build because " + GoTestFixture.MODULE + "/broken"), message);
        assertTrue(message.contains("cannot use \"not an int\""), message);
    }

    @Test
    void withCountTwoEveryRunOfATestIsItsOwnCase() throws Exception {
        Path module = GoTestFixture.copy(work);
        String events = new String(GoTestFixture.run(module, "-count=2", "./pass", "./fail"), StandardCharsets.UTF_8);
        List<PackageResult> packages = GoTestFixture.accumulate(events.getBytes(StandardCharsets.UTF_8)).packages();

        Map<String, Long> resultsPerTest = events.lines().map(TestEvent::parse)
                .filter(e -> e.test().isPresent() && List.of("pass", "fail", "skip").contains(e.action()))
                .collect(Collectors.groupingBy(e -> e.packagePath().orElseThrow() + " " + e.test().get(), Collectors.counting()));
        Map<String, Long> casesPerTest = packages.stream().flatMap(p -> p.tests().stream().map(t -> p.importPath() + " " + t.name()))
                .collect(Collectors.groupingBy(n -> n, Collectors.counting()));
        assertEquals(resultsPerTest, casesPerTest);
        assertTrue(casesPerTest.values().stream().allMatch(n -> n == 2), casesPerTest.toString());
    }

    @Test
    void charactersXmlCannotHoldNeverBreakTheReport() throws Exception {
        // go's JSON never holds a lone surrogate or U+FFFF, but a line read some other way might: the file must stay valid.
        TestRun run = new TestRun();
        for (String line : List.of(
                "{\"Action\":\"start\",\"Package\":\"example.com/odd\"}",
                "{\"Action\":\"run\",\"Package\":\"example.com/odd\",\"Test\":\"TestOdd/\\u0001\"}",
                "{\"Action\":\"output\",\"Package\":\"example.com/odd\",\"Test\":\"TestOdd/\\u0001\",\"Output\":\"lone \\ud800 nul \\u0000 ffff \\uffff ]]> <&>\\n\"}",
                "{\"Action\":\"fail\",\"Package\":\"example.com/odd\",\"Test\":\"TestOdd/\\u0001\",\"Elapsed\":0.1}",
                "{\"Action\":\"fail\",\"Package\":\"example.com/odd\",\"Elapsed\":1}")) {
            run.accept(TestEvent.parse(line));
        }
        Path report = SurefireReports.write(run.packages(), work, "", "").get(0);

        javax.xml.validation.SchemaFactory.newDefaultInstance().newSchema(SurefireReportsTest.XSD.toFile()).newValidator()
                .validate(new javax.xml.transform.stream.StreamSource(report.toFile()));
        String body = SurefireReportsTest.parse(report).getElementsByTagName("failure").item(0).getTextContent();
        assertEquals("lone \\uD800 nul \\u0000 ffff \\uFFFF ]]> <&>\n", body);
        assertTrue(Files.readString(report).contains("name=\"TestOdd/\\u0001\""));
    }

    private static Set<String> names(List<PackageResult> packages) {
        return packages.stream().map(PackageResult::importPath).collect(Collectors.toSet());
    }
}
