package io.gohygiene.gotest;

import io.gohygiene.gobuild.BuildRequest;
import io.gohygiene.gobuild.CToolchain;
import io.gohygiene.platform.CgoPaths;
import io.gohygiene.platform.Platform;
import io.gohygiene.platform.Target;
import io.gohygiene.process.ProcessRunner;
import io.gohygiene.testing.GoOnPath;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The test goal's core run on the fixture module with the real go, through the plugin's process runner. */
class GoTestRunTest {

    @TempDir
    Path work;

    @Test
    void theRunReportsEveryPackageAndWritesOneSurefireFilePerPackage() throws Exception {
        Path module = GoTestFixture.copy(work);
        GoTestResult result = run(module, TestSelection.of(null, List.of("./pass", "./fail", "./skip")), List.of("-count=1"), Map.of(), Duration.ofMinutes(5));

        assertEquals(List.of("pass", "fail", "skip"), result.packages().stream().map(p -> p.importPath().substring(GoTestFixture.MODULE.length() + 1)).sorted(
                java.util.Comparator.comparing(List.of("pass", "fail", "skip")::indexOf)).toList());
        assertEquals(3, result.reports().size());
        for (Path report : result.reports()) {
            assertTrue(Files.isRegularFile(report) && report.getFileName().toString().startsWith("TEST-example.com.gotestfixture."), report.toString());
        }
        assertTrue(result.failed());
        assertTrue(result.failures().stream().allMatch(f -> f.startsWith(GoTestFixture.MODULE + "/fail.")), result.failures().toString());
        assertTrue(result.command().contains(" -json ") && result.command().contains(" -trimpath "), result.command());
    }

    /**
     * The bad inputs of issue 18 (a package that does not compile, a panic in TestMain, os.Exit(0) and os.Exit(1) in a
     * test, megabytes of output, non-UTF-8 output, no test files) come out of the plugin's streamed run as they come
     * out of go's own output read whole: same packages, statuses and test outcomes.
     */
    @Test
    void theStreamedRunReportsTheWholeFixtureAsGoItselfDoes() throws Exception {
        Path module = GoTestFixture.copy(work);
        GoTestResult streamed = run(module, TestSelection.of(null, null), List.of("-count=1"), Map.of(), Duration.ofMinutes(5));
        List<PackageResult> direct = GoTestFixture.accumulate(GoTestFixture.run(module, "-count=1")).packages();

        assertEquals(outcomes(direct), outcomes(streamed.packages()));
        assertEquals(streamed.packages().size(), streamed.reports().size());
        for (String bad : List.of("broken", "mainpanic", "exit0", "exit1", "noisy", "notests")) {
            assertTrue(streamed.packages().stream().anyMatch(p -> p.importPath().endsWith("/" + bad)), bad);
        }
        assertTrue(streamed.failures().stream().anyMatch(f -> f.startsWith(GoTestFixture.MODULE + "/broken (the package did not build: ")),
                streamed.failures().toString());
    }

    /** go test compiles and starts the test binary before Go's testing package parses -run: its complaint must reach the user. */
    @Test
    void aDashDTestThatIsNoRegularExpressionIsNamedAsSuch() throws Exception {
        Path module = GoTestFixture.copy(work);
        GoTestResult result = run(module, TestSelection.of("TestPass(", List.of("./pass")), List.of("-count=1"), Map.of(), Duration.ofMinutes(5));

        assertTrue(result.failed());
        assertEquals(1, result.failures().size(), result.failures().toString());
        String failure = result.failures().get(0);
        assertTrue(failure.startsWith(GoTestFixture.MODULE + "/pass (the test binary refused its flags: testing: invalid regexp")
                && failure.contains("TestPass(") && failure.endsWith("(check -Dtest, a Go regular expression, and <testFlags>))"), failure);
        TestCaseResult packageCase = result.packages().get(0).tests().get(0);
        assertEquals(Optional.of(failure.substring(failure.indexOf(" (") + 2, failure.length() - 1)), packageCase.failureMessage());
    }

    private static java.util.SortedMap<String, String> outcomes(List<PackageResult> packages) {
        java.util.SortedMap<String, String> outcomes = new java.util.TreeMap<>();
        for (PackageResult p : packages) {
            outcomes.put(p.importPath(), p.status() + (p.buildFailed() ? " did not build" : "") + (p.noTestFiles() ? " no test files" : "")
                    + " " + p.tests().stream().map(t -> t.name() + "=" + t.status()).sorted().toList());
        }
        return outcomes;
    }

    @Test
    void aRunPatternSelectsOnlyTheNamedTest() throws Exception {
        Path module = GoTestFixture.copy(work);
        String name = Files.readString(module.resolve("pass/pass_test.go")).lines()
                .filter(l -> l.startsWith("func Test")).map(l -> l.substring(5, l.indexOf('('))).findFirst().orElseThrow();
        GoTestResult result = run(module, TestSelection.of("./pass#" + name, List.of("./...")), List.of("-count=1"), Map.of(), Duration.ofMinutes(5));

        assertEquals(1, result.packages().size());
        assertFalse(result.failed());
        assertTrue(result.packages().get(0).tests().stream().allMatch(t -> t.name().equals(name) || t.name().startsWith(name + "/")),
                result.packages().get(0).tests().toString());
    }

    @Test
    void aHungTestIsKilledAtTheTimeoutAndReportedWithoutResult() throws Exception {
        Path module = GoTestFixture.copy(work);
        long start = System.nanoTime();
        GoTestResult result = run(module, TestSelection.of(null, List.of("./hang")), List.of("-count=1", "-run=TestHangs"),
                Map.of("GOTESTFIXTURE_HANG", "1"), Duration.ofSeconds(4));

        assertTrue(Duration.ofNanos(System.nanoTime() - start).compareTo(Duration.ofSeconds(40)) < 0, "killed at the timeout, not after the minute");
        assertEquals(Optional.of(Duration.ofSeconds(4)), result.timedOut());
        assertTrue(result.failed());
        PackageResult hang = result.packages().get(0);
        assertEquals(Status.ERROR, hang.status());
        assertTrue(hang.tests().stream().allMatch(t -> t.status() == Status.ERROR), hang.tests().toString());
        assertEquals(1, result.reports().size());
    }

    /** The build's environment, not the shell's: an exported GOOS/GOARCH/GOFLAGS would cross-compile tests that then cannot run. */
    @Test
    void theShellsGoosGoarchAndGoflagsDoNotReachGoTest() throws Exception {
        Path module = GoTestFixture.copy(work);
        String other = host().goarch().equals("arm64") ? "amd64" : "arm64";
        GoTestResult result = run(module, TestSelection.of(null, List.of("./pass")), List.of("-count=1"),
                Map.of("GOOS", "windows", "GOARCH", other, "GOFLAGS", "-tags=never_built"), Duration.ofMinutes(5));

        assertFalse(result.failed(), result.packages().toString());
        assertEquals(Status.PASS, result.packages().get(0).status());
    }

    @Test
    void aFlagGoRejectsIsAnErrorQuotingGo() throws Exception {
        Path module = GoTestFixture.copy(work);
        GoTestException e = assertThrows(GoTestException.class, () -> run(module, TestSelection.of(null, List.of("./pass")),
                List.of("-timeout=abc"), Map.of(), Duration.ofMinutes(1)));
        assertTrue(e.getMessage().contains("invalid value \"abc\" for flag -timeout") && e.getMessage().contains("<testFlags>"), e.getMessage());
    }

    @Test
    void theArgumentsCarryTrimpathTagsRunCoveragePackagesThenFlags() {
        Path module = work.resolve("m");
        GoTestRequest request = new GoTestRequest(buildRequest(module, Map.of(), Duration.ofMinutes(1), List.of("integration")),
                TestSelection.of("pkg#TestX", null), List.of("-race", "-short"), Optional.of(module.resolve("target/c.out")), Optional.empty(), module.resolve("r"));
        assertEquals(List.of("go", "test", "-json", "-trimpath", "-tags=integration", "-run=^TestX$",
                "-coverprofile=" + module.resolve("target/c.out").toAbsolutePath().normalize(), "./pkg", "-race", "-short"),
                GoTestRun.argv(Path.of("go"), request));
        GoTestRequest ownTags = new GoTestRequest(buildRequest(module, Map.of(), Duration.ofMinutes(1), List.of("integration")),
                TestSelection.of(null, null), List.of("-tags=other"), Optional.empty(), Optional.empty(), module.resolve("r"));
        assertFalse(GoTestRun.argv(Path.of("go"), ownTags).contains("-tags=integration"), "a -tags in <testFlags> wins");
    }

    /** {@code -Dtest=!TestAdd} as Surefire reads it: every test of the package but TestAdd, through go's own -skip. */
    @Test
    void anExclamationMarkInDashDTestLeavesThatTestOut() throws Exception {
        Path module = GoTestFixture.copy(work);
        GoTestResult all = run(module, TestSelection.of(null, List.of("./pass")), List.of("-count=1"), Map.of(), Duration.ofMinutes(5));
        GoTestResult skipped = run(module, TestSelection.of("!TestAdd", List.of("./pass")), List.of("-count=1"), Map.of(), Duration.ofMinutes(5));

        List<String> allNames = all.packages().get(0).tests().stream().map(TestCaseResult::name).toList();
        List<String> skippedNames = skipped.packages().get(0).tests().stream().map(TestCaseResult::name).toList();
        assertTrue(allNames.contains("TestAdd") && allNames.contains("TestTable"), allNames.toString());
        assertEquals(allNames.stream().filter(n -> !n.equals("TestAdd")).toList(), skippedNames);
        assertTrue(skipped.command().contains(" -skip=TestAdd "), skipped.command());
    }

    /** {@code -args -test.short} in {@code <testFlags>}: the flags reach the test binaries and the packages stay go's. */
    @Test
    void aDashArgsInTestFlagsLeavesThePackagesToGo() throws Exception {
        Path module = GoTestFixture.copy(work);
        GoTestResult result = run(module, TestSelection.of(null, List.of("./pass")), List.of("-count=1", "-args", "-test.short"), Map.of(),
                Duration.ofMinutes(5));

        assertEquals(List.of(GoTestFixture.MODULE + "/pass"), result.packages().stream().map(PackageResult::importPath).toList());
        assertFalse(result.failed(), result.packages().toString());
        assertTrue(result.testCount() > 0);
    }

    @Test
    void flagsThatWouldTestNothingOrFightTheGoalAreOneErrorNamingTheFlag() {
        Path module = work.resolve("m");
        Optional<Path> coverage = Optional.of(module.resolve("c.out"));
        assertEquals("<testFlags> (go-hygiene.testFlags) has -c: -c only compiles the test binaries and runs no test, so the goal would"
                + " pass without testing; remove it (the build goal builds the binaries)", rejected(module, null, List.of("-race", "-c"), Optional.empty()));
        assertTrue(rejected(module, null, List.of("--list=."), Optional.empty()).startsWith("<testFlags> (go-hygiene.testFlags) has --list=.: -list only lists"));
        assertTrue(rejected(module, null, List.of("-coverprofile=x.out"), coverage).contains("<coverage> is on"));
        assertTrue(rejected(module, "TestA", List.of("-run=TestB"), Optional.empty()).contains("-Dtest selects the tests too"));
        assertTrue(rejected(module, "!TestA", List.of("-skip=TestB"), Optional.empty()).contains("leaves tests out too"));

        for (List<String> fine : List.of(List.of("-run=TestB"), List.of("-skip=TestB"), List.of("-coverprofile=x.out"), List.of("-count=1", "-args", "-c", "-list=."))) {
            new GoTestRequest(buildRequest(module, Map.of(), Duration.ofMinutes(1), List.of()), TestSelection.of(null, null), fine,
                    Optional.empty(), Optional.empty(), module.resolve("r"));
        }
    }

    private String rejected(Path module, String test, List<String> flags, Optional<Path> coverage) {
        return assertThrows(IllegalArgumentException.class, () -> new GoTestRequest(buildRequest(module, Map.of(), Duration.ofMinutes(1), List.of()),
                TestSelection.of(test, null), flags, coverage, Optional.empty(), module.resolve("r"))).getMessage();
    }

    static GoTestResult run(Path module, TestSelection selection, List<String> flags, Map<String, String> env, Duration timeout) throws Exception {
        Platform host = host();
        GoTestRequest request = new GoTestRequest(buildRequest(module, env, timeout, List.of()), selection, flags, Optional.empty(),
                Optional.empty(), module.resolve("target/surefire-reports"));
        return GoTestRun.run(GoOnPath.executable(), host, Target.of(host), CToolchain.DEFAULT, request, new ProcessRunner());
    }

    /** GOHOSTOS/GOHOSTARCH of the go on PATH. */
    static Platform host() throws Exception {
        Process p = new ProcessBuilder(GoOnPath.executable().toString(), "env", "GOHOSTOS", "GOHOSTARCH").redirectErrorStream(true).start();
        List<String> lines = new String(p.getInputStream().readAllBytes()).lines().toList();
        p.waitFor();
        return Platform.parse(lines.get(0).strip() + "/" + lines.get(1).strip());
    }

    static BuildRequest buildRequest(Path module, Map<String, String> extraEnv, Duration timeout, List<String> tags) {
        Map<String, String> env = new HashMap<>(System.getenv());
        env.put("GOTOOLCHAIN", "local");
        env.put("GOPROXY", "off");
        env.putAll(extraEnv);
        return new BuildRequest(module, List.of(), module.resolve("target/go"), module.resolve("target/go-hygiene"), List.of(), null, tags,
                null, true, env, false, timeout, 1, Map.of(), CgoPaths.NONE, Map.of(), Map.of());
    }
}
