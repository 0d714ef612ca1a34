package io.gohygiene.gotest;

import io.gohygiene.gobuild.BuildEnvironment;
import io.gohygiene.gobuild.BuildException;
import io.gohygiene.gobuild.CToolchain;
import io.gohygiene.platform.Platform;
import io.gohygiene.platform.Target;
import io.gohygiene.process.CommandLine;
import io.gohygiene.process.Durations;
import io.gohygiene.process.ProcessException;
import io.gohygiene.process.ProcessResult;
import io.gohygiene.process.ProcessRunner;
import io.gohygiene.process.ProcessTimeoutException;
import io.gohygiene.process.SecretMasking;
import io.gohygiene.remotecache.RemoteCacheSummary;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Runs {@code go test -json} for the host target with the environment the build goal computes for it
 * ({@link BuildEnvironment}: GOFLAGS kept or dropped as for the build, {@code -mod=vendor} with a vendor/ directory,
 * cgo settings, the go env file read the same way), streams go's events into a {@link TestRun} line by line (the
 * output is never held whole) and writes the Surefire reports. A run killed at the timeout is a result, not an
 * exception: the tests it stopped are reported without result.
 */
public final class GoTestRun {

    private GoTestRun() {
    }

    /**
     * @param go     the go executable
     * @param host   GOHOSTOS/GOHOSTARCH of that go
     * @param target the configured target for the host platform (its cgo and C compiler), or {@code Target.of(host)}
     * @throws GoTestException when go could not run, or ended with an error before reporting any package
     */
    public static GoTestResult run(Path go, Platform host, Target target, CToolchain cToolchain, GoTestRequest request,
                                   ProcessRunner runner) throws GoTestException {
        return run(go, host, target, cToolchain, request, Optional.empty(), runner);
    }

    /**
     * The tests compiled for {@code target} (another architecture of the host's OS, with its own environment: GOARCH,
     * its cgo and C compiler) and run under {@code emulator}; the reports are {@code TEST-<package>-<goos>-<goarch>.xml}
     * and their suites name the target. Coverage is measured on the host run only.
     */
    public static GoTestResult runEmulated(Path go, Platform host, Target target, CToolchain cToolchain, GoTestRequest request,
                                           Emulator emulator, ProcessRunner runner) throws GoTestException {
        GoTestRequest withoutCoverage = new GoTestRequest(request.build(), request.selection(), request.testFlags(), Optional.empty(),
                Optional.empty(), request.reportsDirectory());
        return run(go, host, target, cToolchain, withoutCoverage, Optional.of(emulator), runner);
    }

    private static GoTestResult run(Path go, Platform host, Target target, CToolchain cToolchain, GoTestRequest request,
                                    Optional<Emulator> emulator, ProcessRunner runner) throws GoTestException {
        long start = System.nanoTime();
        CommandLine command;
        Path cacheReport = BuildEnvironment.remoteCacheReport(request.build().workDirectory(), target);
        try {
            List<String> argv = argv(go, request);
            if (emulator.isPresent()) {
                argv.add(3, emulator.get().execFlag());
            }
            command = new CommandLine(argv, BuildEnvironment.compute(request.build(), target, host, cToolchain).variables(),
                    request.build().moduleDirectory(), request.build().timeout());
            if (request.build().remoteCache() != null) {
                // The cache program appends one line per go command: this run's summary starts from nothing.
                Files.createDirectories(request.build().workDirectory());
                Files.deleteIfExists(cacheReport);
            }
            if (request.coverProfile().isPresent()) {
                Files.createDirectories(request.coverProfile().get().getParent());
                // A profile left by an earlier run must not be reported for this one if go writes none.
                Files.deleteIfExists(request.coverProfile().get());
            }
        } catch (BuildException | IllegalArgumentException e) {
            throw new GoTestException(e.getMessage(), e);
        } catch (IOException e) {
            throw new GoTestException("cannot prepare " + request.build().workDirectory() + " for go test (" + e.getMessage()
                    + "); check that the build directory is writable", e);
        }
        TestRun events = new TestRun();
        // stdout and stderr arrive on two threads; one at a time into the run, which is not thread-safe.
        ProcessRunner.LineSink sink = (line, stderr) -> {
            synchronized (events) {
                events.accept(TestEvent.parse(line));
            }
        };
        Optional<Duration> timedOut = Optional.empty();
        ProcessResult result = null;
        try {
            result = runner.stream(command, sink);
        } catch (ProcessTimeoutException e) {
            timedOut = Optional.of(command.timeout());
        } catch (ProcessException e) {
            throw new GoTestException("cannot run '" + command.display() + "': " + e.getMessage() + "; check the go executable", e);
        }
        List<PackageResult> packages;
        synchronized (events) {
            packages = events.packages();
        }
        if (packages.isEmpty() && result != null && !result.succeeded()) {
            throw new GoTestException(noPackagesMessage(command, result));
        }
        List<Path> reports;
        try {
            reports = emulator.isEmpty() ? SurefireReports.write(packages, request.reportsDirectory(), "", "")
                    : SurefireReports.write(packages, request.reportsDirectory(), "-" + target.name().replace('/', '-'), target.name());
        } catch (IOException e) {
            throw new GoTestException("cannot write the test reports into " + request.reportsDirectory() + " (" + e.getMessage()
                    + "); check that the directory is writable", e);
        }
        return new GoTestResult(packages, reports, Duration.ofNanos(System.nanoTime() - start), timedOut, command.display(), coverage(request),
                request.build().remoteCache() == null ? Optional.empty()
                        : Optional.of(RemoteCacheSummary.readOrWarn(cacheReport, target.name() + " tests")));
    }

    /** The profile go wrote, read and written as Cobertura XML; empty when go wrote none (no package built). */
    private static Optional<CoverageProfile> coverage(GoTestRequest request) throws GoTestException {
        if (request.coverProfile().isEmpty() || !Files.isRegularFile(request.coverProfile().get())) {
            return Optional.empty();
        }
        Path profileFile = request.coverProfile().get();
        try {
            CoverageProfile profile = CoverageProfile.read(profileFile, request.build().moduleDirectory());
            if (request.coberturaReport().isPresent()) {
                CoberturaReport.write(profile, request.build().moduleDirectory(), request.coberturaReport().get(), System.currentTimeMillis());
            }
            return Optional.of(profile);
        } catch (IOException e) {
            throw new GoTestException("cannot turn the coverage profile " + profileFile + " into "
                    + request.coberturaReport().map(Path::toString).orElse("a report") + ": " + e.getMessage(), e);
        }
    }

    /** {@code go test -json}, then what the build would pass, the selection, coverage, the packages and the user's flags. */
    static List<String> argv(Path go, GoTestRequest request) {
        List<String> argv = new ArrayList<>(List.of(go.toString(), "test", "-json"));
        if (request.build().trimpath()) {
            argv.add("-trimpath");
        }
        if (!request.build().tags().isEmpty() && request.testFlags().stream().noneMatch(f -> f.startsWith("-tags"))) {
            argv.add("-tags=" + String.join(",", request.build().tags()));
        }
        request.selection().runPattern().ifPresent(run -> argv.add("-run=" + run));
        request.selection().skipPattern().ifPresent(skip -> argv.add("-skip=" + skip));
        request.coverProfile().ifPresent(p -> argv.add("-coverprofile=" + p));
        // The packages before the user's flags: go test takes flags on either side of them, and a -args in
        // <testFlags> hands everything after it to the test binaries, which must not be the package list.
        argv.addAll(request.selection().packages());
        argv.addAll(request.testFlags());
        return argv;
    }

    private static String noPackagesMessage(CommandLine command, ProcessResult result) {
        List<String> lines = result.diagnostics().lines().toList();
        List<String> quoted = lines.size() > 40 ? lines.subList(lines.size() - 40, lines.size()) : lines;
        StringBuilder message = new StringBuilder("'").append(command.display()).append("' failed with exit code ")
                .append(result.exitCode()).append(" before testing any package (after ").append(Durations.format(result.elapsed())).append("):\n");
        quoted.forEach(line -> message.append("  ").append(SecretMasking.urls(line)).append('\n'));
        message.append("Check <testPackages> and <testFlags>: go rejected them or found no package to test");
        return message.toString();
    }
}
