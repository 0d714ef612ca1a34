package io.gohygiene.maven;

import io.gohygiene.finding.FailOn;
import io.gohygiene.finding.FailureSummary;
import io.gohygiene.finding.Finding;
import io.gohygiene.finding.Severity;
import io.gohygiene.platform.UnknownTargetException;
import io.gohygiene.process.ProcessRunner;
import io.gohygiene.toolchain.LiveSystemProbe;
import io.gohygiene.toolchain.ToolchainGate;
import io.gohygiene.toolchain.ToolchainPolicy;
import io.gohygiene.toolchain.ToolchainReport;
import io.gohygiene.toolchain.ToolchainRequest;
import io.gohygiene.version.VersionRange;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Checks the Go toolchain and the host before anything is built: the go executable's own architecture against
 * the hardware's, GOROOT, settings inherited from the shell, the Go version against {@code goVersion} and go.mod,
 * the C compilers of cgo targets, Homebrew on macOS and module security settings. Reports every finding at once.
 */
@Mojo(name = "toolchain", defaultPhase = LifecyclePhase.VALIDATE, threadSafe = true, requiresProject = true)
public class ToolchainMojo extends AbstractGoHygieneMojo {

    /** Skips this goal only. */
    @Parameter(property = "go-hygiene.toolchain.skip", defaultValue = "false")
    boolean skipToolchain;

    /**
     * Severity per check (error, warn, off), e.g. {@code <checks><moduleSecurity>warn</moduleSecurity></checks>}.
     * Checks: hostArchitecture, goroot, inheritedEnvironment, ignoredVariables, goVersion, cgoCompiler, homebrew, moduleSecurity,
     * moduleDirectory.
     */
    @Parameter
    Map<String, String> checks;

    /** The same as {@code <checks>}, from the command line: {@code -Dgo-hygiene.checks=moduleSecurity=warn,homebrew=off}. */
    @Parameter(property = "go-hygiene.checks")
    String checkSeverities;

    @Override
    public void execute() throws MojoExecutionException, MojoFailureException {
        if (skip || skipToolchain) {
            getLog().info("go-hygiene: toolchain check skipped");
            return;
        }
        long start = System.nanoTime();
        ToolchainRequest request = new ToolchainRequest(Optional.ofNullable(go).filter(s -> !s.isBlank()), goFromToolchains(),
                coreTargets(), coreModuleDirectory(), policy(), coreTimeout());
        FailOn failOn = coreFailOn();
        ToolchainReport report;
        LiveSystemProbe probe = new LiveSystemProbe();
        try {
            report = new ToolchainGate(probe, new ProcessRunner(), Optional.of(hostPlatform(probe))).run(probeGo(probe), request);
        } catch (UnknownTargetException e) {
            throw new MojoExecutionException("<targets>: " + e.getMessage());
        } catch (IllegalArgumentException e) {
            throw new MojoExecutionException(e.getMessage());
        }

        getLog().info("Go toolchain: " + report.go().versionLine() + " at " + report.go().executable()
                + " (found via " + report.go().located().source() + ")");
        FindingsLog.table(getLog(), report.findings(), details);
        List<Finding> failing = report.findings().stream().filter(f -> failOn.fails(f.verdict())).toList();
        if (!failing.isEmpty()) {
            throw new MojoFailureException(FailureSummary.ofChecks("Go toolchain check failed: " + failing.size() + " problem(s):", failing));
        }
        getLog().info("Go toolchain check passed: " + report.failures().size() + " failures, " + report.warnings().size() + (report.warnings().size() == 1 ? " warning (" : " warnings (")
                + io.gohygiene.process.Durations.format(java.time.Duration.ofNanos(System.nanoTime() - start)) + ")");
    }

    private ToolchainPolicy policy() throws MojoExecutionException {
        RulesConfig r = rulesConfig();
        Optional<VersionRange> range;
        try {
            range = rule("goVersion", r.goVersion).map(VersionRange::parse);
        } catch (IllegalArgumentException e) {
            throw new MojoExecutionException("<rules><goVersion> (go-hygiene.goVersion): " + e.getMessage());
        }
        boolean nativeToolchain = rule("nativeToolchain", r.nativeToolchain == null ? null : r.nativeToolchain.toString())
                .map(Boolean::parseBoolean).orElse(true);
        Map<String, String> raw = new LinkedHashMap<>();
        if (checks != null) {
            raw.putAll(checks);
        }
        if (checkSeverities != null && !checkSeverities.isBlank()) {
            for (String pair : checkSeverities.split(",")) {
                String[] kv = pair.split("[=:]", 2);
                if (kv.length != 2) {
                    throw new MojoExecutionException("go-hygiene.checks: '" + pair + "' is not check=severity, e.g. moduleSecurity=warn");
                }
                raw.put(kv[0].strip(), kv[1].strip());
            }
        }
        Map<String, Severity> severities = new LinkedHashMap<>();
        try {
            raw.forEach((id, value) -> severities.put(id, Severity.parse(value, "<checks><" + id + ">")));
        } catch (IllegalArgumentException e) {
            throw new MojoExecutionException(e.getMessage());
        }
        return new ToolchainPolicy(range, nativeToolchain, severities);
    }
}
