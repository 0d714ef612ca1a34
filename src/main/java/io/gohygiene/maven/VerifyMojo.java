package io.gohygiene.maven;

import io.gohygiene.binary.BinaryFormatException;
import io.gohygiene.finding.Finding;
import io.gohygiene.finding.Severity;
import io.gohygiene.finding.Verdict;
import io.gohygiene.platform.Target;
import io.gohygiene.report.FindingsTable;
import io.gohygiene.report.VerifyReports;
import io.gohygiene.rules.BinaryVerifier;
import io.gohygiene.rules.RuleCatalog;
import io.gohygiene.rules.RuleSettings;
import io.gohygiene.rules.VerifyPolicy;
import io.gohygiene.rules.Waiver;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugin.descriptor.PluginDescriptor;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Checks every produced binary against its target and the project's rules: architecture, linkage, libraries,
 * glibc and macOS minimums, Windows subsystem, cgo, build info, and (opt-in) hardening. Prints a table per binary
 * and writes verify.json, verify.sarif and TEST-go-hygiene.xml under target/go-hygiene/.
 */
@Mojo(name = "verify", defaultPhase = LifecyclePhase.VERIFY, threadSafe = true, requiresProject = false)
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

    /** Severity per rule (error, warn, off): target, linkage, libraries, glibc, macos, windows, cgo, buildinfo, hardening (off by default). */
    @Parameter
    Map<String, String> severities;

    /** Accepted violations, each with a mandatory reason; reported as waived. */
    @Parameter
    List<WaiverConfig> waivers;

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
        BinaryVerifier verifier;
        try {
            verifier = new BinaryVerifier(RuleCatalog.all(), policy());
        } catch (IllegalArgumentException e) {
            throw new MojoExecutionException(e.getMessage());
        }
        Map<Path, Target> toVerify = binariesToVerify(base);
        if (toVerify.isEmpty()) {
            getLog().info("go-hygiene: no binaries to verify; list them in <binaries> (or -Dgo-hygiene.binaries=path=goos/goarch)"
                    + " or build them with the build goal");
            return;
        }
        List<BinaryVerifier.Verification> results = new ArrayList<>();
        for (Map.Entry<Path, Target> entry : toVerify.entrySet()) {
            Path file = entry.getKey();
            Path shown = file.startsWith(base) ? base.relativize(file) : file;
            try {
                results.add(verifier.verify(file, shown, entry.getValue()));
            } catch (BinaryFormatException e) {
                throw new MojoExecutionException("cannot verify " + shown + ": " + e.getMessage()
                        + "\n  hint: point <binaries> at the executable the Go build produced");
            }
        }
        List<Finding> failing = new ArrayList<>();
        for (BinaryVerifier.Verification v : results) {
            getLog().info(v.shownAs() + " (" + v.target().name() + ", " + v.report().describe() + "): " + counts(v.findings()));
            FindingsTable.render(v.findings()).forEach(getLog()::info);
            for (Finding f : v.findings()) {
                if (f.verdict() == Verdict.FAIL) {
                    FindingsTable.explain(f).forEach(getLog()::error);
                } else if (f.verdict() == Verdict.WARN || f.verdict() == Verdict.WAIVED) {
                    FindingsTable.explain(f).forEach(getLog()::warn);
                }
                if (failOn.fails(f.verdict())) {
                    failing.add(f);
                }
            }
        }
        try {
            VerifyReports.Written written = VerifyReports.write(results, reportDirectory.toPath(), base, plugin == null ? "dev" : plugin.getVersion());
            getLog().info("go-hygiene: reports " + written.files().stream().map(p -> base.relativize(p.toAbsolutePath()).toString()).toList()
                    + (written.unchanged() ? " (unchanged)" : ""));
        } catch (IOException e) {
            throw new MojoExecutionException("cannot write the verify reports to " + reportDirectory + ": " + e.getMessage(), e);
        }
        getLog().info("go-hygiene: verified " + results.size() + " binar" + (results.size() == 1 ? "y" : "ies") + " in "
                + io.gohygiene.process.Durations.format(java.time.Duration.ofNanos(System.nanoTime() - start)) + ": "
                + counts(results.stream().flatMap(v -> v.findings().stream()).toList()));
        if (!failing.isEmpty()) {
            StringBuilder message = new StringBuilder("Binary verification failed: " + failing.size() + " problem(s):");
            for (BinaryVerifier.Verification v : results) {
                for (Finding f : v.findings()) {
                    if (failOn.fails(f.verdict())) {
                        message.append("\n  ").append(v.shownAs()).append(" [").append(f.check()).append("] ").append(f.message())
                                .append("\n    hint: ").append(f.hint());
                    }
                }
            }
            throw new MojoFailureException(message.toString());
        }
    }

    /** "1 failed, 2 warnings, 0 waived": the summary of a binary's findings, or of all of them. */
    private static String counts(List<Finding> findings) {
        return findings.stream().filter(f -> f.verdict() == Verdict.FAIL).count() + " failed, "
                + findings.stream().filter(f -> f.verdict() == Verdict.WARN).count() + " warnings, "
                + findings.stream().filter(f -> f.verdict() == Verdict.WAIVED).count() + " waived";
    }

    /** Explicit binaries if any are listed, else what the build goal produced for the configured targets. */
    private Map<Path, Target> binariesToVerify(Path base) throws MojoExecutionException {
        Map<Path, Target> result = new LinkedHashMap<>();
        List<Target> configured = coreTargets();
        List<String[]> explicit = new ArrayList<>();
        if (binaries != null) {
            for (BinaryConfig b : binaries) {
                if (b.file == null || b.target == null) {
                    throw new MojoExecutionException("<binaries>: each <binary> needs a <file> and a <target> (e.g. linux/amd64)");
                }
                explicit.add(new String[] {b.file.getPath(), b.target});
            }
        }
        if (binaryList != null && !binaryList.isBlank()) {
            for (String pair : binaryList.split(",")) {
                int eq = pair.lastIndexOf('=');
                if (eq <= 0) {
                    throw new MojoExecutionException("go-hygiene.binaries: '" + pair + "' is not path=goos/goarch, e.g. dist/app=linux/amd64");
                }
                explicit.add(new String[] {pair.substring(0, eq).strip(), pair.substring(eq + 1).strip()});
            }
        }
        for (String[] pair : explicit) {
            Path file = base.resolve(pair[0]).normalize();
            if (!Files.isRegularFile(file)) {
                throw new MojoExecutionException("binary to verify " + file + " does not exist"
                        + "\n  hint: build it first, or fix the path in <binaries> / go-hygiene.binaries");
            }
            Target target;
            try {
                Target parsed = Target.parse(pair[1]);
                target = configured.stream().filter(t -> t.name().equals(parsed.name())).findFirst().orElse(parsed);
            } catch (IllegalArgumentException e) {
                throw new MojoExecutionException("target of " + pair[0] + ": " + e.getMessage());
            }
            result.put(file, target);
        }
        if (!result.isEmpty()) {
            return result;
        }
        Path out = project != null && project.getBuild() != null ? Path.of(project.getBuild().getDirectory(), "go") : base.resolve("target/go");
        for (Target t : configured) {
            Path dir = out.resolve(t.goos() + "_" + t.goarch() + (t.variant() == null ? "" : "_" + t.variant()));
            if (Files.isDirectory(dir)) {
                try (Stream<Path> files = Files.list(dir)) {
                    // Hidden files are not outputs: a build interrupted by a killed JVM may leave its link to the old output.
                    files.filter(Files::isRegularFile).filter(f -> !f.getFileName().toString().startsWith(".")).sorted()
                            .forEach(f -> result.put(f, t));
                } catch (IOException e) {
                    throw new MojoExecutionException("cannot list " + dir + ": " + e.getMessage(), e);
                }
            }
        }
        return result;
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
