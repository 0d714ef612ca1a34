package io.gohygiene.gotest;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The events of one package, turned into its {@link PackageResult} when asked. */
final class PackageEvents {

    static final String NO_RESULT_PREFIX = "no result: ";
    static final String NO_RESULT = NO_RESULT_PREFIX + "the test binary exited while this test was running";
    static final String DID_NOT_BUILD = "the package did not build";
    static final String PANIC_OUTSIDE = "a panic outside every test";

    private final String importPath;
    /** Every run of every test in the order they started; with -count=2 a test runs, and is listed, twice. */
    private final List<TestState> tests = new ArrayList<>();
    /** The latest run of each test, which its events go to. */
    private final Map<String, TestState> latest = new HashMap<>();
    private final TestOutput output = new TestOutput();
    private Status reported;
    private double elapsed;
    private String failedBuild;
    private boolean buildFailedLine;
    private boolean cached;
    private boolean noTestFiles;
    /** The first complaint of Go's testing package about its flags (a -run that is no regular expression), or null. */
    private String flagError;

    PackageEvents(String importPath) {
        this.importPath = importPath;
    }

    String importPath() {
        return importPath;
    }

    /** The build whose failure failed this package, as Go 1.24+ names it, or null. */
    String failedBuild() {
        return failedBuild;
    }

    boolean buildFailed() {
        return failedBuild != null || buildFailedLine;
    }

    void accept(TestEvent e) {
        Optional<Status> status = status(e.action());
        if (e.test().isPresent()) {
            TestState test = latest.get(e.test().get());
            if (test == null || (test.status != null && e.action().equals("run"))) {
                test = new TestState(e.test().get());
                tests.add(test);
                latest.put(test.name, test);
            }
            e.output().ifPresent(test.output::append);
            if (status.isPresent()) {
                test.status = status.get();
                test.elapsed = e.elapsedSeconds().orElse(0.0);
            }
            return;
        }
        e.output().ifPresent(this::packageLine);
        status.ifPresent(s -> {
            reported = s;
            elapsed = e.elapsedSeconds().orElse(0.0);
        });
        e.failedBuild().ifPresent(b -> failedBuild = b);
    }

    private void packageLine(String line) {
        output.append(line);
        String trimmed = line.strip();
        if (trimmed.startsWith("ok ") && trimmed.contains("\t(cached)")) {
            cached = true;
        } else if (flagError == null && ((trimmed.startsWith("testing: ") && !trimmed.startsWith("testing: warning"))
                || trimmed.startsWith("flag provided but not defined: "))) {
            flagError = trimmed;
        } else if (trimmed.endsWith("[no test files]")) {
            noTestFiles = true;
        } else if (trimmed.startsWith("FAIL\t") && (trimmed.contains(" [build failed]") || trimmed.contains(" [setup failed]"))) {
            buildFailedLine = true;
        }
    }

    private static Optional<Status> status(String action) {
        return switch (action) {
            case "pass", "bench" -> Optional.of(Status.PASS);
            case "fail" -> Optional.of(Status.FAIL);
            case "skip" -> Optional.of(Status.SKIP);
            default -> Optional.empty();
        };
    }

    PackageResult result(String buildOutput) {
        List<TestCaseResult> results = new ArrayList<>();
        String panic = firstPanic();
        for (TestState t : tests) {
            results.add(t.result(failedSubtests(t.name), reported == Status.PASS, panic));
        }
        boolean testFailed = results.stream().anyMatch(t -> t.status() == Status.FAIL);
        boolean testProblem = testFailed || results.stream().anyMatch(t -> t.status() == Status.ERROR);
        Status status;
        if (buildFailed() || reported == null || (reported == Status.FAIL && !testFailed)) {
            status = Status.ERROR;
        } else {
            status = reported;
        }
        String packageOutput = output.toString();
        if (status == Status.ERROR && !testProblem) {
            // Nothing else carries the failure: a case named after the package does, or CI would show all green.
            String body = buildOutput.isEmpty() ? packageOutput : buildOutput + packageOutput;
            results.add(new TestCaseResult(importPath, Status.ERROR, elapsed, body, Optional.empty(),
                    Optional.of(packageErrorMessage(buildOutput))));
        }
        return new PackageResult(importPath, status, elapsed, results, packageOutput, noTestFiles, buildFailed(), cached);
    }

    private String packageErrorMessage(String buildOutput) {
        if (buildFailed()) {
            String first = buildOutput.lines().map(String::strip).filter(l -> !l.isEmpty() && !l.startsWith("#")).findFirst().orElse("");
            // go names the build that failed; when it is another package's, say so rather than blame this one's code.
            String because = failedBuild != null && !failedBuild.equals(importPath) && !failedBuild.startsWith(importPath + " ")
                    ? " because " + failedBuild + " did not" : "";
            return DID_NOT_BUILD + because + (first.isEmpty() ? "" : ": " + first);
        }
        if (reported == null) {
            return NO_RESULT_PREFIX + "the event stream ended before go reported this package (was go stopped?)";
        }
        if (output.panicLine() != null) {
            return output.panicLine() + " (" + PANIC_OUTSIDE + ": in TestMain or init)";
        }
        if (flagError != null) {
            return "the test binary refused its flags: " + flagError + " (check -Dtest, a Go regular expression, and <testFlags>)";
        }
        return "the test binary failed but no test did: os.Exit in TestMain, or a crash outside every test";
    }

    /** The first panic of the package, naming the test it came in: a timeout's panic explains every test it stopped. */
    private String firstPanic() {
        for (TestState t : tests) {
            if (t.output.panicLine() != null) {
                return t.output.panicLine() + " in " + t.name;
            }
        }
        return output.panicLine();
    }

    /** The last element of each direct or deeper subtest of {@code name} that failed. */
    private List<String> failedSubtests(String name) {
        List<String> failed = new ArrayList<>();
        for (TestState t : tests) {
            if (t.name.startsWith(name + "/") && (t.status == Status.FAIL || t.status == null)) {
                failed.add(t.name.substring(name.length() + 1));
            }
        }
        return failed;
    }

    private static final class TestState {
        final String name;
        final TestOutput output = new TestOutput();
        Status status;
        double elapsed;

        TestState(String name) {
            this.name = name;
        }

        /**
         * This test's result; one that never reported is an ERROR unless its package passed (go 1.20+ sends no result
         * for a benchmark, only its output), explained by the package's first panic when there was one.
         */
        TestCaseResult result(List<String> failedSubtests, boolean packagePassed, String packagePanic) {
            String text = output.toString();
            if (status == null && packagePassed) {
                return new TestCaseResult(name, Status.PASS, elapsed, text, Optional.empty(), Optional.empty());
            }
            if (status == null) {
                String panic = output.panicLine() != null ? output.panicLine() : packagePanic;
                String why = panic != null ? " (" + panic + ")" : " (os.Exit in the test, or a crash)";
                return new TestCaseResult(name, Status.ERROR, elapsed, text, Optional.empty(), Optional.of(NO_RESULT + why));
            }
            return switch (status) {
                case SKIP -> new TestCaseResult(name, status, elapsed, text,
                        Optional.of(output.firstOwnLine() != null ? output.firstOwnLine() : "skipped"), Optional.empty());
                case FAIL -> new TestCaseResult(name, status, elapsed, text, Optional.empty(), Optional.of(failureMessage(failedSubtests)));
                default -> new TestCaseResult(name, status, elapsed, text, Optional.empty(), Optional.empty());
            };
        }

        /** The panic if there was one, else the first line the test wrote (a t.Error's text), else which subtests failed. */
        private String failureMessage(List<String> failedSubtests) {
            if (output.panicLine() != null) {
                return output.panicLine();
            }
            if (output.firstOwnLine() != null) {
                return output.firstOwnLine();
            }
            if (!failedSubtests.isEmpty()) {
                return "failed because subtests failed: " + String.join(", ", failedSubtests);
            }
            return "failed";
        }
    }
}
