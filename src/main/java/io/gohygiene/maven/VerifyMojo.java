package io.gohygiene.maven;

import io.gohygiene.finding.FailOn;
import io.gohygiene.finding.FailureSummary;
import io.gohygiene.finding.Finding;
import io.gohygiene.finding.Severity;
import io.gohygiene.finding.Verdict;
import io.gohygiene.gobuild.VerifyInputs;
import io.gohygiene.process.Durations;
import io.gohygiene.report.VerifyReports;
import io.gohygiene.rules.BinaryToVerify;
import io.gohygiene.rules.BinaryVerification;
import io.gohygiene.rules.BinaryVerifier;
import io.gohygiene.rules.RuleCatalog;
import io.gohygiene.rules.RuleSettings;
import io.gohygiene.rules.VerifyPolicy;
import io.gohygiene.rules.VerifyRun;
import io.gohygiene.rules.VulnerabilityRule;
import io.gohygiene.rules.Waiver;
import io.gohygiene.sbom.SbomRun;
import io.gohygiene.toolchain.LiveSystemProbe;
import io.gohygiene.vulncheck.ProjectVulnDatabase;
import io.gohygiene.vulndb.VulnDbException;
import org.apache.maven.artifact.Artifact;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugin.descriptor.PluginDescriptor;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.project.MavenProjectHelper;

import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Checks every produced binary against its target and the project's rules: architecture, linkage, libraries,
 * glibc and macOS minimums, Windows subsystem, cgo, build info, and (opt-in) hardening. Prints a table per binary
 * and writes verify.json, verify.sarif and TEST-go-hygiene.xml under target/go-hygiene/.
 */
@Mojo(name = "verify", defaultPhase = LifecyclePhase.VERIFY, threadSafe = true, requiresProject = true)
public class VerifyMojo extends AbstractGoHygieneMojo {

    /** Skips this goal only. */
    @Parameter(property = "go-hygiene.verify.skip", defaultValue = "false")
    boolean skipVerify;

    /** Binaries built by other means: {@code <binary><file>…</file><target>linux/arm64</target></binary>}. */
    @Parameter
    List<BinaryConfig> binaries;

    /** The same from the command line: {@code -Dgo-hygiene.binaries=dist/app=linux/amd64,dist/app.exe=windows/amd64}. */
    @Parameter(property = "go-hygiene.binaries")
    String binaryList;

    /** Severity per rule (error, warn, off): target, loadable, linkage, libraries, glibc, macos, codesign, windows, cgo, buildinfo, hardening (off by default). */
    @Parameter
    Map<String, String> severities;

    /** Accepted violations, each with a mandatory reason; reported as waived. */
    @Parameter
    List<WaiverConfig> waivers;

    /**
     * Known vulnerabilities in each binary, from Go's vulnerability database: {@code off}, {@code warn} (a linked
     * vulnerable symbol is a warning) or {@code error} (it fails the build).
     */
    @Parameter(property = "go-hygiene.vulnerabilities", defaultValue = "warn")
    String vulnerabilities;

    /** A directory or zip of OSV JSON (e.g. a mirror of golang.org/x/vulndb's data/osv) instead of the module proxy. */
    @Parameter(property = "go-hygiene.vulnerabilityDatabase")
    File vulnerabilityDatabase;

    /** The golang.org/x/vulndb version to use (a pseudo-version); the newest when unset. */
    @Parameter(property = "go-hygiene.vulnerabilityDatabaseVersion")
    String vulnerabilityDatabaseVersion;

    /** Write a CycloneDX SBOM of each binary (target/go-hygiene/&lt;goos&gt;_&lt;goarch&gt;/&lt;name&gt;.cdx.json). */
    @Parameter(property = "go-hygiene.sbom", defaultValue = "true")
    boolean sbom;

    @org.apache.maven.plugins.annotations.Component
    MavenProjectHelper projectHelper;

    /** Where the reports go. */
    @Parameter(property = "go-hygiene.reportDirectory", defaultValue = "${project.build.directory}/go-hygiene")
    File reportDirectory;

    @Parameter(defaultValue = "${plugin}", readonly = true)
    PluginDescriptor plugin;

    @Override
    public void execute() throws MojoExecutionException, MojoFailureException {
        if (skip || skipVerify) {
            getLog().info("go-hygiene: verify skipped");
            return;
        }
        long start = System.nanoTime();
        Path base = coreModuleDirectory();
        FailOn failOn = coreFailOn();
        List<BinaryToVerify> toVerify = binariesToVerify(base);
        if (toVerify.isEmpty()) {
            getLog().warn("go-hygiene: NOTHING VERIFIED: no binaries to verify. List them in <binaries> (or -Dgo-hygiene.binaries="
                    + "path=goos/goarch), or run the build goal before verify");
            return;
        }
        List<BinaryVerifier.Verification> results = VerifyRun.verifyAll(verifier(), toVerify, base);
        for (BinaryVerifier.Verification v : results) {
            getLog().info(v.shownAs() + "  " + v.target().name() + "  " + BinaryVerification.worst(v.findings()).name() + ": " + counts(v.findings())
                    + (details && v.report() != null ? "  (" + v.report().describe() + ")" : ""));
            FindingsLog.table(getLog(), v.findings(), details);
        }
        writeReports(results, base);
        writeSboms(results, base);
        getLog().info("go-hygiene: verified " + results.size() + " binar" + (results.size() == 1 ? "y" : "ies") + " in "
                + Durations.format(Duration.ofNanos(System.nanoTime() - start)) + ": "
                + counts(results.stream().flatMap(v -> v.findings().stream()).toList()));
        List<FailureSummary.Item> failing = results.stream().flatMap(v -> v.findings().stream().filter(f -> failOn.fails(f.verdict()))
                .map(f -> new FailureSummary.Item(v.shownAs().toString(), f))).toList();
        if (!failing.isEmpty()) {
            throw new MojoFailureException(FailureSummary.of("Binary verification failed: " + failing.size() + " problem(s):", failing));
        }
    }

    /** "1 failed, 2 warnings, 0 waived": the summary of a binary's findings, or of all of them. */
    private static String counts(List<Finding> findings) {
        long warnings = findings.stream().filter(f -> f.verdict() == Verdict.WARN).count();
        return findings.stream().filter(f -> f.verdict() == Verdict.FAIL).count() + " failed, "
                + warnings + (warnings == 1 ? " warning, " : " warnings, ")
                + findings.stream().filter(f -> f.verdict() == Verdict.WAIVED).count() + " waived";
    }

    private BinaryVerifier verifier() throws MojoExecutionException {
        try {
            Severity vulnerabilityLevel = Severity.parse(vulnerabilities == null ? "warn" : vulnerabilities, "<vulnerabilities> (go-hygiene.vulnerabilities)");
            List<io.gohygiene.rules.Rule> rules = new ArrayList<>(RuleCatalog.all());
            VerifyPolicy policy = policy().withSeverityUnlessSet(VulnerabilityRule.ID, vulnerabilityLevel);
            rules.add(policy.severities().get(VulnerabilityRule.ID) == Severity.OFF ? VulnerabilityRule.unavailable("off") : vulnerabilityRule());
            return new BinaryVerifier(rules, policy);
        } catch (IllegalArgumentException e) {
            throw new MojoExecutionException(e.getMessage());
        }
    }

    /** The rule over Go's vulnerability database as the pom asks for it; without one, the rule says nothing was checked. */
    private VulnerabilityRule vulnerabilityRule() throws MojoExecutionException {
        long start = System.nanoTime();
        LiveSystemProbe probe = new LiveSystemProbe();
        Path cache = probe.env("XDG_CACHE_HOME").map(Path::of).orElse(Path.of(System.getProperty("user.home"), ".cache"))
                .resolve("go-hygiene").resolve("vulndb");
        try {
            ProjectVulnDatabase.Opened opened = ProjectVulnDatabase.open(probe, ProvisionSettings.http(session, settingsDecrypter, getLog(), coreTimeout()),
                    Optional.ofNullable(vulnerabilityDatabase).map(File::toPath), Optional.ofNullable(vulnerabilityDatabaseVersion).filter(v -> !v.isBlank()),
                    cache, java.time.Instant.now());
            getLog().info("go-hygiene: vulnerability database " + opened.how() + " (" + Durations.format(Duration.ofNanos(System.nanoTime() - start)) + ")");
            return VulnerabilityRule.over(opened.database(), opened.name());
        } catch (VulnDbException e) {
            getLog().warn("go-hygiene: no vulnerability database: " + e.getMessage() + "; hint: " + e.hint());
            return VulnerabilityRule.unavailable(e.getMessage());
        }
    }

    private void writeReports(List<BinaryVerifier.Verification> results, Path base) throws MojoExecutionException {
        try {
            VerifyReports.Written written = VerifyReports.write(results, reportDirectory.toPath(), base, plugin == null ? "dev" : plugin.getVersion());
            String line = "go-hygiene: reports " + written.files().stream().map(p -> base.relativize(p.toAbsolutePath()).toString()).toList()
                    + (written.unchanged() ? " (unchanged)" : "");
            if (written.unchanged() && !details) {
                getLog().debug(line);
            } else {
                getLog().info(line);
            }
        } catch (IOException e) {
            throw new MojoExecutionException("cannot write the verify reports to " + reportDirectory + ": " + e.getMessage(), e);
        }
    }

    /**
     * A CycloneDX SBOM per binary; each binary the build attached gets its SBOM attached beside it (same classifier,
     * type cdx.json), so {@code mvn deploy} publishes both.
     */
    private void writeSboms(List<BinaryVerifier.Verification> results, Path base) throws MojoExecutionException {
        if (!sbom) {
            return;
        }
        List<SbomRun.Written> written;
        try {
            written = SbomRun.writeAll(results, reportDirectory.toPath(), plugin == null ? "dev" : plugin.getVersion());
        } catch (IOException e) {
            throw new MojoExecutionException(e.getMessage() + "; check that " + reportDirectory + " is writable", e);
        }
        int attached = 0;
        for (SbomRun.Written w : written) {
            List<Artifact> artifacts = new ArrayList<>(project == null ? List.of() : project.getAttachedArtifacts());
            if (project != null && project.getArtifact() != null) {
                artifacts.add(0, project.getArtifact());
            }
            for (Artifact a : artifacts) {
                if (a.getFile() != null && a.getFile().toPath().toAbsolutePath().normalize().equals(w.binary().toAbsolutePath().normalize())) {
                    projectHelper.attachArtifact(project, "cdx.json", a.getClassifier(), w.sbom().toFile());
                    attached++;
                }
            }
        }
        if (!written.isEmpty()) {
            getLog().info("go-hygiene: " + written.size() + " SBOM(s), CycloneDX 1.6: " + written.stream()
                    .map(w -> base.relativize(w.sbom().toAbsolutePath()).toString()).toList() + (attached > 0 ? ", " + attached + " attached" : ""));
        }
    }

    /** Listed binaries, else what the build recorded, else the configured targets' output folders. */
    private List<BinaryToVerify> binariesToVerify(Path base) throws MojoExecutionException {
        List<VerifyInputs.Declared> declared = new ArrayList<>();
        if (binaries != null) {
            binaries.forEach(b -> declared.add(new VerifyInputs.Declared(b.file == null ? null : b.file.getPath(), b.target, "<binaries>")));
        }
        try {
            declared.addAll(VerifyInputs.parseList(binaryList, "go-hygiene.binaries"));
            return VerifyInputs.resolve(base, declared, coreTargets(), buildDirectory().resolve("go"), buildDirectory().resolve("go-hygiene"));
        } catch (IllegalArgumentException e) {
            throw new MojoExecutionException(e.getMessage());
        } catch (IOException e) {
            throw new MojoExecutionException("cannot find the binaries to verify: " + e.getMessage(), e);
        }
    }

    private VerifyPolicy policy() throws MojoExecutionException {
        try {
            RuleSettings project = rulesConfig().applyTo(RuleSettings.none(), name -> rule(name, null));
            Map<String, RuleSettings> perTarget = new LinkedHashMap<>();
            if (targets != null) {
                for (TargetConfig t : targets) {
                    if (t.rules() != null) {
                        perTarget.put(t.toTarget().name(), t.rules().applyTo(project, name -> Optional.empty()));
                    }
                }
            }
            Map<String, Severity> levels = new LinkedHashMap<>();
            if (severities != null) {
                severities.forEach((id, value) -> levels.put(id, Severity.parse(value, "<severities><" + id + ">")));
            }
            List<Waiver> accepted = new ArrayList<>();
            if (waivers != null) {
                for (WaiverConfig w : waivers) {
                    if (w.rule == null || w.rule.isBlank()) {
                        throw new IllegalArgumentException("a <waiver> has no <rule>; name the rule it waives (e.g. glibc)");
                    }
                    accepted.add(new Waiver(w.rule.strip(), w.binary, w.subject, w.reason));
                }
            }
            return new VerifyPolicy(project, perTarget, levels, accepted);
        } catch (IllegalArgumentException e) {
            throw new MojoExecutionException("<rules>: " + e.getMessage());
        }
    }
}
