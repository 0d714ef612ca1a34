package io.gohygiene.gotest;

import io.gohygiene.remotecache.RemoteCacheSummary;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * One {@code go test} run as the test goal reports it.
 *
 * @param packages  every package go reported, in its order
 * @param reports   the Surefire files written
 * @param wall      how long the run took
 * @param timedOut  the timeout, when the run was killed at it (its packages then hold tests without result)
 * @param command   the command as a person would type it, for messages
 * @param coverage  the coverage profile as read, with coverage on and a profile written
 * @param remoteCache what the remote cache did for this run's compilations, with {@code <remoteCache>} on
 */
public record GoTestResult(List<PackageResult> packages, List<Path> reports, Duration wall, Optional<Duration> timedOut,
                           String command, Optional<CoverageProfile> coverage, Optional<RemoteCacheSummary> remoteCache) {

    /** How much of a package's failure reason the build's failure message quotes; the report has all of it. */
    private static final int MAX_REASON = 400;

    public GoTestResult {
        packages = List.copyOf(packages);
        reports = List.copyOf(reports);
    }

    /** {@code import/path.TestName} of each test that failed or had no proper result, and of each package that did. */
    public List<String> failures() {
        return packages.stream().flatMap(p -> {
            List<String> tests = p.tests().stream().filter(t -> t.status() == Status.FAIL || t.status() == Status.ERROR)
                    .map(t -> t.name().equals(p.importPath()) ? packageFailure(p, t.failureMessage()) : p.importPath() + "." + t.name()).toList();
            if (tests.isEmpty() && (p.status() == Status.FAIL || p.status() == Status.ERROR)) {
                return java.util.stream.Stream.of(packageFailure(p, Optional.empty()));
            }
            return tests.stream();
        }).toList();
    }

    /**
     * A failure outside every test: the package and why (the message of the case named after the package, which
     * stands for it in the reports, rather than "pkg.pkg"), else whether it built.
     */
    private static String packageFailure(PackageResult p, Optional<String> message) {
        String why = message.orElse(p.buildFailed() ? "did not build" : p.status().toString());
        return p.importPath() + " (" + (why.length() > MAX_REASON ? why.substring(0, MAX_REASON) + "…" : why) + ")";
    }

    public boolean failed() {
        return timedOut.isPresent() || packages.stream().anyMatch(p -> p.status() == Status.FAIL || p.status() == Status.ERROR);
    }

    /** The number of test cases run (passed, failed, skipped); 0 when no package has a test (or none matched -run). */
    public long testCount() {
        return packages.stream().mapToLong(p -> p.tests().size()).sum();
    }
}
