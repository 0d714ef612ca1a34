package io.gohygiene.maven;

import io.gohygiene.gobuild.BuildEnvironment;
import io.gohygiene.gobuild.BuildRequest;
import io.gohygiene.gobuild.CToolchain;
import io.gohygiene.gotest.CoverageProfile;
import io.gohygiene.gotest.EmulatedTestPlan;
import io.gohygiene.gotest.GoTestException;
import io.gohygiene.gotest.GoTestRequest;
import io.gohygiene.gotest.GoTestResult;
import io.gohygiene.gotest.TestMatrix;
import io.gohygiene.gotest.TestSelection;
import io.gohygiene.gotest.TestSummaryText;
import io.gohygiene.platform.Platform;
import io.gohygiene.platform.Target;
import io.gohygiene.process.Durations;
import io.gohygiene.remotecache.RemoteCacheSummary;
import io.gohygiene.toolchain.GoToolchain;
import io.gohygiene.toolchain.LiveSystemProbe;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.Optional;

/**
 * Runs {@code go test -json} over the test packages with the environment the build goal computes for the host target,
 * writes target/surefire-reports/TEST-&lt;package&gt;.xml (read by Jenkins, GitLab and maven-surefire-report-plugin)
 * and, with coverage on, target/go-hygiene/coverage.out and target/site/cobertura/coverage.xml. Maven's test
 * conventions apply: -DskipTests, -Dmaven.test.skip, -Dtest, -Dmaven.test.failure.ignore, -DfailIfNoTests,
 * -Dsurefire.failIfNoSpecifiedTests. A target
 * with {@code <test>true</test>} of another architecture of the host's OS has its tests compiled for it and run under
 * qemu-user ({@code go test -exec}), reported as TEST-&lt;package&gt;-&lt;goos&gt;-&lt;goarch&gt;.xml.
 */
@Mojo(name = "test", defaultPhase = LifecyclePhase.TEST, threadSafe = true)
public class TestMojo extends AbstractGoHygieneMojo {

    /** Maven's switch: skips the tests (the test goal only). */
    @Parameter(property = "skipTests", defaultValue = "false")
    boolean skipTests;

    /** Maven's other switch: skips the tests as well. */
    @Parameter(property = "maven.test.skip", defaultValue = "false")
    boolean mavenTestSkip;

    /** Skips this goal only. */
    @Parameter(property = "go-hygiene.test.skip", defaultValue = "false")
    boolean skipTestGoal;

    /** {@code -Dtest=TestOne} runs {@code go test -run TestOne}; {@code -Dtest=./pkg/...#TestX} that package's TestX only. */
    @Parameter(property = "test")
    String test;

    /** Failed tests are logged and reported but do not fail the build. */
    @Parameter(property = "maven.test.failure.ignore", defaultValue = "false")
    boolean testFailureIgnore;

    /** Fail when no test ran (no test files, or none matched -Dtest). */
    @Parameter(property = "failIfNoTests", defaultValue = "false")
    boolean failIfNoTests;

    /**
     * As with Surefire: a -Dtest that no test matched fails the build, since a misspelt name would otherwise check
     * nothing and pass; false (for a reactor whose other modules lack that test) makes it a warning line.
     */
    @Parameter(property = "surefire.failIfNoSpecifiedTests", defaultValue = "true")
    boolean failIfNoSpecifiedTests;

    /** The packages to test. */
    @Parameter(property = "go-hygiene.testPackages", defaultValue = "./...")
    List<String> testPackages;

    /** Further go test flags, as given: -race, -count=1, -short, -tags=integration, -timeout=5m … */
    @Parameter(property = "go-hygiene.testFlags")
    List<String> testFlags;

    /** Measure coverage: target/go-hygiene/coverage.out and Cobertura XML at target/site/cobertura/coverage.xml. */
    @Parameter(property = "go-hygiene.coverage", defaultValue = "false")
    boolean coverage;

    /** With coverage on, fail when fewer statements than this percentage were covered, e.g. 80. */
    @Parameter(property = "go-hygiene.minimumCoverage")
    Double minimumCoverage;

    /** Build tags, as for the build goal. */
    @Parameter(property = "go-hygiene.tags")
    List<String> tags;

    /** Test with -trimpath, as the build goal builds. */
    @Parameter(property = "go-hygiene.trimpath", defaultValue = "true")
    boolean trimpath;

    /** Let GOOS, GOARCH, CGO_ENABLED, CC, CGO_*FLAGS, GOFLAGS from the shell reach go (normally they are replaced). */
    @Parameter(property = "go-hygiene.inheritEnvironment", defaultValue = "false")
    boolean inheritEnvironment;

    /**
     * How many go test runs at once: the host's and each emulated target's (as for the build goal, whose property
     * this is); default: the number of cores.
     */
    @Parameter(property = "go-hygiene.parallelism")
    Integer parallelism;

    /** Flags cgo adds, by variable, as for the build goal. */
    @Parameter
    java.util.Map<String, String> cgoFlags;

    /** The shared Go build cache, as for the build goal: the test binaries' compilation reuses what another machine built. */
    @Parameter
    RemoteCacheConfig remoteCache;

    @Parameter(defaultValue = "${project.build.directory}/surefire-reports", readonly = true)
    File reportsDirectory;

    @Parameter(defaultValue = "${project.build.directory}/go-hygiene", readonly = true)
    File workDirectory;

    @Parameter(defaultValue = "${project.build.directory}/site/cobertura/coverage.xml", readonly = true)
    File coberturaFile;

    @Override
    public void execute() throws MojoExecutionException, MojoFailureException {
        if (skip || skipTests || mavenTestSkip || skipTestGoal) {
            getLog().info("go-hygiene: tests skipped");
            return;
        }
        LiveSystemProbe probe = new LiveSystemProbe();
        GoToolchain go = probeGo(probe);
        Target host = hostTarget(go);
        GoTestRequest request = request(go, probe);
        List<EmulatedTestPlan> plans = EmulatedTestPlan.plan(testTargets(), sysroots(), go.hostPlatform(), probe);
        for (EmulatedTestPlan plan : plans) {
            plan.skipped().ifPresent(why -> getLog().warn("go-hygiene: " + why));
            plan.emulator().ifPresent(e -> getLog().info("go-hygiene: tests of " + plan.target().name() + " under " + String.join(" ", e.command())));
        }
        List<TestMatrix.Run> runs;
        try {
            runs = TestMatrix.runAll(go.executable(), go.hostPlatform(), host, plans, cToolchains(), request);
        } catch (GoTestException e) {
            throw new MojoExecutionException(e.getMessage(), e);
        }
        java.util.Set<String> cacheWarningsSaid = new java.util.HashSet<>();
        for (TestMatrix.Run run : runs) {
            logSummary(run);
            logCacheSummary(run.target(host), run.result(), cacheWarningsSaid);
        }
        if (runs.stream().mapToLong(r -> r.result().testCount()).sum() == 0) {
            noTests();
        }
        failed(runs.stream().filter(r -> r.result().failed()).toList());
        runs.get(0).result().coverage().ifPresent(this::logCoverage);
        if (coverage && minimumCoverage != null) {
            requireCoverage(runs.get(0).result().coverage());
        }
    }

    /** What the remote cache did for the go test of one target: one line, and each kind of problem once over all. */
    private void logCacheSummary(Target target, GoTestResult result, java.util.Set<String> said) {
        result.remoteCache().ifPresent(summary -> {
            getLog().info("  " + target.name() + " tests: remote cache: " + summary.line());
            summary.warnings().stream().filter(w -> said.add(RemoteCacheSummary.shape(w))).forEach(w -> getLog().warn("go-hygiene: " + w));
        });
    }

    private void logSummary(TestMatrix.Run run) {
        GoTestResult result = run.result();
        if (details) {
            getLog().info("go-hygiene: " + result.command());
        }
        String prefix = run.label().isEmpty() ? "" : run.label() + " ";
        List<String> summary = TestSummaryText.lines(result.packages(), result.wall(), details);
        summary.subList(0, summary.size() - 1).forEach(getLog()::info);
        getLog().info("go-hygiene: " + prefix + summary.get(summary.size() - 1)
                + (result.reports().isEmpty() ? "" : ", reports in " + relative(reportsDirectory.toPath())));
    }

    /** The configured targets with {@code <test>true</test>}. */
    private List<Target> testTargets() throws MojoExecutionException {
        List<Target> result = new ArrayList<>();
        for (TargetConfig config : targets == null ? List.<TargetConfig>of() : targets) {
            if (config.test()) {
                result.add(config.toTarget());
            }
        }
        return result;
    }

    /** Each target's {@code <sysroot>}: also the emulator's loader prefix. */
    private Map<Platform, Path> sysroots() {
        Map<Platform, Path> result = new HashMap<>();
        for (TargetConfig config : targets == null ? List.<TargetConfig>of() : targets) {
            if (config.sysroot() != null) {
                result.put(config.toTarget().platform(), config.sysroot().toPath());
            }
        }
        return result;
    }

    /** The configured target for the host platform (its cgo and C compiler), else the host platform as go sees it. */
    private Target hostTarget(GoToolchain go) throws MojoExecutionException {
        return coreTargets().stream().filter(t -> t.platform().equals(go.hostPlatform())).findFirst().orElse(Target.of(go.hostPlatform()));
    }

    private GoTestRequest request(GoToolchain go, LiveSystemProbe probe) throws MojoExecutionException {
        try {
            BuildRequest build = new BuildRequest(coreModuleDirectory(), List.of(), buildDirectory().resolve("go"), workDirectory.toPath(),
                    List.of(), null, list(tags), null, trimpath, probe.environment(), inheritEnvironment, coreTimeout(),
                    BuildRequest.parallelism(parallelism, Runtime.getRuntime().availableProcessors()), cgoFlags,
                    cgoPaths(go, workDirectory.toPath()), goEnvFile(go, probe), java.util.Map.of())
                    .withRemoteCache(RemoteCacheSettings.resolve(remoteCache, session, settingsDecrypter, go, getLog()).orElse(null));
            return new GoTestRequest(build, TestSelection.of(test, list(testPackages)), testFlags,
                    coverage ? Optional.of(workDirectory.toPath().resolve("coverage.out")) : Optional.empty(),
                    Optional.of(coberturaFile.toPath()), reportsDirectory.toPath());
        } catch (IllegalArgumentException e) {
            throw new MojoExecutionException(e.getMessage());
        }
    }

    private void noTests() throws MojoFailureException {
        String what = "go-hygiene: no tests ran in " + String.join(" ", list(testPackages).isEmpty() ? List.of("./...") : list(testPackages))
                + (test == null || test.isBlank() ? "" : " matching -Dtest=" + test);
        if (failIfNoTests) {
            throw new MojoFailureException(what + " and -DfailIfNoTests=true; add tests, or check <testPackages> and -Dtest");
        }
        if (test != null && !test.isBlank() && failIfNoSpecifiedTests) {
            throw new MojoFailureException(what + ": check the name (a Go regular expression over test names), or set"
                    + " -Dsurefire.failIfNoSpecifiedTests=false where a module may have no such test, as with Surefire");
        }
        getLog().warn(what);
    }

    private void failed(List<TestMatrix.Run> failedRuns) throws MojoFailureException {
        if (failedRuns.isEmpty()) {
            return;
        }
        StringBuilder message = new StringBuilder();
        List<String> failures = new ArrayList<>();
        for (TestMatrix.Run run : failedRuns) {
            String suffix = run.label().isEmpty() ? "" : " (" + run.label() + ")";
            run.result().timedOut().ifPresent(t -> message.append("go test").append(suffix).append(" ran longer than ").append(Durations.format(t))
                    .append(" and was killed with the processes it started (raise <timeout>, go-hygiene.timeout, or find the hung test below). "));
            run.result().failures().forEach(f -> failures.add(f + suffix));
        }
        message.append(failures.size()).append(failures.size() == 1 ? " test failed: " : " tests failed: ")
                .append(String.join(", ", failures.size() > 20 ? failures.subList(0, 20) : failures)).append(failures.size() > 20 ? ", …" : "")
                .append("; see ").append(relative(reportsDirectory.toPath())).append(" for their output");
        if (testFailureIgnore) {
            getLog().error("go-hygiene: " + message + " (ignored: -Dmaven.test.failure.ignore=true)");
            return;
        }
        throw new MojoFailureException(message.toString());
    }

    private void logCoverage(CoverageProfile profile) {
        getLog().info(String.format(Locale.ROOT, "go-hygiene: coverage %.1f%% of statements (%d of %d) in %d file(s)%s -> %s",
                profile.percent(), profile.coveredStatements(), profile.statements(), profile.files().size(),
                profile.excluded().isEmpty() ? "" : ", " + profile.excluded().size() + " generated or vendored file(s) left out",
                relative(coberturaFile.toPath())));
    }

    private void requireCoverage(Optional<CoverageProfile> profile) throws MojoFailureException {
        double percent = profile.map(CoverageProfile::percent).orElse(0.0);
        if (percent < minimumCoverage) {
            throw new MojoFailureException(String.format(Locale.ROOT, "coverage %.1f%% is below <minimumCoverage> %.1f%%%s;"
                    + " add tests for the uncovered lines (%s) or lower the minimum", percent, minimumCoverage,
                    profile.isEmpty() ? " (go wrote no coverage profile)" : "", relative(coberturaFile.toPath())));
        }
    }
}
