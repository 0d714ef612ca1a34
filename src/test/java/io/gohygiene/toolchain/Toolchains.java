package io.gohygiene.toolchain;

import io.gohygiene.binary.BinaryReport;
import io.gohygiene.finding.Finding;
import io.gohygiene.platform.Target;
import io.gohygiene.process.ProcessRunner;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Test fixtures around the real go on this machine: clean environments, requests, contexts. */
public final class Toolchains {

    /** Go variables the machine or CI may export; tests start without them so only what a test sets counts. */
    private static final List<String> GO_VARIABLES = List.of("GOOS", "GOARCH", "GOAMD64", "GOARM", "GOARM64", "GO386", "CGO_ENABLED",
            "CC", "CXX", "CGO_CFLAGS", "CGO_CPPFLAGS", "CGO_CXXFLAGS", "CGO_LDFLAGS", "GOFLAGS", "GOROOT", "GOTOOLCHAIN", "GOSUMDB",
            "GOINSECURE", "GONOSUMDB", "GOPROXY", "GOPRIVATE", "GOENV");

    private Toolchains() {
    }

    /**
     * This JVM's environment without Go variables, with GOENV pointing at an empty go env file in {@code dir},
     * plus {@code extra}. Every go command run with it sees only what the test decided.
     */
    public static Map<String, String> cleanEnvironment(Path dir, Map<String, String> extra) {
        Map<String, String> env = new HashMap<>(System.getenv());
        GO_VARIABLES.forEach(env::remove);
        try {
            Path envFile = dir.resolve("go-env");
            if (!Files.exists(envFile)) {
                Files.writeString(envFile, "");
            }
            env.put("GOENV", envFile.toString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        env.putAll(extra);
        return env;
    }

    public static ToolchainRequest request(Path moduleDir, List<Target> targets, ToolchainPolicy policy) {
        return new ToolchainRequest(Optional.empty(), Optional.empty(), targets, moduleDir, policy, Duration.ofMinutes(2));
    }

    public static ToolchainReport run(Map<String, String> env, Path moduleDir, List<Target> targets, ToolchainPolicy policy) throws Exception {
        return new ToolchainGate(new LiveSystemProbe(env), new ProcessRunner()).run(request(moduleDir, targets, policy));
    }

    /** The context the gate would gather on this machine with {@code env}. */
    public static ToolchainContext context(Map<String, String> env, Path moduleDir, List<Target> targets, ToolchainPolicy policy) throws Exception {
        LiveSystemProbe probe = new LiveSystemProbe(env);
        LocatedGo located = new GoLocator(probe).locate(Optional.empty(), Optional.empty());
        GoToolchain go = GoToolchain.probe(located, env, Duration.ofMinutes(2), new ProcessRunner());
        return new ToolchainGate(probe, new ProcessRunner()).gather(go, request(moduleDir, targets, policy));
    }

    /** The same context with another go header and host: how the machine would look with a foreign go, or on a Mac. */
    public static ToolchainContext withHost(ToolchainContext c, Optional<BinaryReport> header, HostPlatform host) {
        return new ToolchainContext(c.go(), header, c.goHeaderError(), host, c.settings(), c.probe(), c.targets(),
                c.targetsDefaulted(), c.moduleDirectory(), c.goMod(), c.policy());
    }

    /** The same context seen through another probe (for host-specific checks), with settings from its environment. */
    public static ToolchainContext withProbe(ToolchainContext c, SystemProbe probe, HostPlatform host) {
        GoSettings settings = new GoSettings(probe.environment(), Map.of(), null, Map.of());
        return new ToolchainContext(c.go(), c.goHeader(), c.goHeaderError(), host, settings, probe, c.targets(),
                c.targetsDefaulted(), c.moduleDirectory(), c.goMod(), c.policy());
    }

    public static List<Finding> of(ToolchainReport report, String check) {
        return report.findings().stream().filter(f -> f.check().equals(check)).toList();
    }

    public static Finding only(List<Finding> findings, String subject) {
        List<Finding> matching = findings.stream().filter(f -> f.subject().equals(subject)).toList();
        if (matching.size() != 1) {
            throw new AssertionError("expected one finding about " + subject + ", got " + findings);
        }
        return matching.get(0);
    }
}
