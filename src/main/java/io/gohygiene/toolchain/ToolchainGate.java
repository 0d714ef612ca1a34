package io.gohygiene.toolchain;

import io.gohygiene.binary.BinaryFormatException;
import io.gohygiene.binary.BinaryInspector;
import io.gohygiene.binary.BinaryReport;
import io.gohygiene.finding.Finding;
import io.gohygiene.finding.Severity;
import io.gohygiene.finding.Verdict;
import io.gohygiene.platform.Target;
import io.gohygiene.platform.UnknownTargetException;
import io.gohygiene.process.ProcessRunner;
import io.gohygiene.toolchain.checks.CgoCompilerCheck;
import io.gohygiene.toolchain.checks.GoVersionCheck;
import io.gohygiene.toolchain.checks.GorootCheck;
import io.gohygiene.toolchain.checks.HomebrewPrefixCheck;
import io.gohygiene.toolchain.checks.HostArchitectureCheck;
import io.gohygiene.toolchain.checks.IgnoredVariablesCheck;
import io.gohygiene.toolchain.checks.InheritedEnvironmentCheck;
import io.gohygiene.toolchain.checks.ModuleDirectoryCheck;
import io.gohygiene.toolchain.checks.ModuleSecurityCheck;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Runs every toolchain check and reports all findings at once: a user fixes the whole setup in one go
 * rather than discovering one problem per build.
 */
public final class ToolchainGate {

    public static final List<ToolchainCheck> CHECKS = List.of(
            new HostArchitectureCheck(), new GorootCheck(), new InheritedEnvironmentCheck(), new IgnoredVariablesCheck(),
            new ModuleDirectoryCheck(), new GoVersionCheck(), new CgoCompilerCheck(), new HomebrewPrefixCheck(), new ModuleSecurityCheck());

    private final SystemProbe probe;
    private final ProcessRunner runner;
    private final Optional<HostPlatform> knownHost;

    public ToolchainGate(SystemProbe probe, ProcessRunner runner) {
        this(probe, runner, Optional.empty());
    }

    /**
     * With the host as this build already detected it (for provisioning): detecting it runs {@code uname -m} (or
     * sysctl), a process start that a no-op build would otherwise pay twice.
     */
    public ToolchainGate(SystemProbe probe, ProcessRunner runner, Optional<HostPlatform> knownHost) {
        this.probe = probe;
        this.runner = runner;
        this.knownHost = knownHost;
    }

    public static List<String> checkIds() {
        return CHECKS.stream().map(ToolchainCheck::id).toList();
    }

    /** Locates and probes go, gathers the context, and evaluates every check. */
    public ToolchainReport run(ToolchainRequest request) throws ToolchainException, UnknownTargetException {
        requireKnownChecks(request.policy());
        return run(GoProbing.locateAndProbe(probe, runner, request.go(), request.goFromToolchains(), Optional.empty(), request.timeout()), request);
    }

    /** As {@link #run(ToolchainRequest)}, with the go the caller has already located and probed. */
    public ToolchainReport run(GoToolchain go, ToolchainRequest request) throws UnknownTargetException {
        requireKnownChecks(request.policy());
        go.platforms().requireKnown(request.targets());
        return evaluate(gather(go, request));
    }

    /**
     * Only the C compiler check, for the cgo targets of {@code request}: what the build goal runs before it builds
     * anything. Returns the failures (empty when every compiler matches its target).
     */
    public List<Finding> compilerFailures(ToolchainRequest request) throws ToolchainException, UnknownTargetException {
        return compilerFailures(GoProbing.locateAndProbe(probe, runner, request.go(), request.goFromToolchains(), Optional.empty(),
                request.timeout()), request);
    }

    /** As {@link #compilerFailures(ToolchainRequest)}, with the go the caller has already probed. */
    public List<Finding> compilerFailures(GoToolchain go, ToolchainRequest request) throws UnknownTargetException {
        List<Target> cgoTargets = request.targets().stream().filter(Target::wantsCgo).toList();
        if (cgoTargets.isEmpty()) {
            return List.of();
        }
        go.platforms().requireKnown(cgoTargets);
        ToolchainRequest cgoOnly = new ToolchainRequest(request.go(), request.goFromToolchains(), cgoTargets, request.moduleDirectory(),
                ToolchainPolicy.defaults(), request.timeout());
        return new CgoCompilerCheck().check(gather(go, cgoOnly)).stream().filter(f -> f.verdict() == Verdict.FAIL).toList();
    }

    ToolchainContext gather(GoToolchain go, ToolchainRequest request) {
        Optional<BinaryReport> header = Optional.empty();
        String headerError = "";
        try {
            header = Optional.of(BinaryInspector.inspect(go.executable()));
        } catch (BinaryFormatException e) {
            headerError = e.getMessage();
        }
        HostPlatform host = knownHost.orElseGet(() -> HostPlatformDetector.detect(probe));
        GoSettings settings = GoSettings.load(probe, go.env("GOENV").map(Path::of), go.env("GOROOT").map(Path::of));
        Path goModPath = request.moduleDirectory().resolve("go.mod");
        Optional<GoModFile> goMod = probe.readFile(goModPath).map(text -> GoModFile.parse(goModPath, text));
        boolean defaulted = request.targets().isEmpty();
        List<Target> targets = defaulted ? List.of(Target.of(go.hostPlatform())) : request.targets();
        return new ToolchainContext(go, header, headerError, host, settings, probe, targets, defaulted,
                request.moduleDirectory(), goMod, request.policy());
    }

    /** Evaluates every check that is not off, applying the configured severities. */
    public static ToolchainReport evaluate(ToolchainContext context) {
        List<Finding> findings = new ArrayList<>();
        LocatedGo located = context.go().located();
        findings.add(Finding.info("go", "go executable", located.executable().toString(),
                "found via " + located.source() + "; " + context.go().versionLine()));
        for (ToolchainCheck check : CHECKS) {
            Optional<Severity> severity = context.policy().severityOf(check.id());
            if (severity.isPresent() && severity.get() == Severity.OFF) {
                findings.add(Finding.skip(check.id(), "check", "off (<checks>)"));
                continue;
            }
            for (Finding f : check.check(context)) {
                findings.add(severity.map(s -> f.withVerdict(s.apply(f.verdict()))).orElse(f));
            }
        }
        return new ToolchainReport(context.go(), context.host(), findings);
    }

    private static void requireKnownChecks(ToolchainPolicy policy) {
        List<String> unknown = policy.severities().keySet().stream().filter(id -> !checkIds().contains(id)).sorted().toList();
        if (!unknown.isEmpty()) {
            throw new IllegalArgumentException("<checks> names unknown check" + (unknown.size() > 1 ? "s " : " ")
                    + String.join(", ", unknown) + "; the checks are " + checkIds().stream().collect(Collectors.joining(", ")));
        }
    }
}
