package io.gohygiene.toolchain;

import com.fasterxml.jackson.jr.ob.JSON;
import io.gohygiene.platform.Platform;
import io.gohygiene.platform.SupportedPlatforms;
import io.gohygiene.process.CommandLine;
import io.gohygiene.process.ProcessException;
import io.gohygiene.process.ProcessResult;
import io.gohygiene.process.ProcessRunner;
import io.gohygiene.version.GoVersion;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The installed Go toolchain as it describes itself: {@code go version}, {@code go env -json} and
 * {@code go tool dist list -json}. Probed with GOTOOLCHAIN=local from a directory outside any module, so that
 * probing never downloads or switches toolchains; whether a build would switch is worked out from go.mod
 * and GOTOOLCHAIN by the version check.
 */
public final class GoToolchain {

    private final LocatedGo located;
    private final GoVersion version;
    private final String versionLine;
    private final Map<String, String> env;
    private final SupportedPlatforms platforms;

    private GoToolchain(LocatedGo located, GoVersion version, String versionLine, Map<String, String> env, SupportedPlatforms platforms) {
        this.located = located;
        this.version = version;
        this.versionLine = versionLine;
        this.env = Map.copyOf(env);
        this.platforms = platforms;
    }

    /** A toolchain as an earlier probe saw it ({@link GoProbeCache}). */
    static GoToolchain of(LocatedGo located, GoVersion version, String versionLine, Map<String, String> env, SupportedPlatforms platforms) {
        return new GoToolchain(located, version, versionLine, env, platforms);
    }

    public static GoToolchain probe(LocatedGo located, Map<String, String> environment, Duration timeout, ProcessRunner runner)
            throws ToolchainException {
        Map<String, String> env = new HashMap<>(environment);
        env.put("GOTOOLCHAIN", "local");
        // What the build never inherits is not asked either: GOOS=plan9 GOARCH=s390x from a shell would make go env
        // fail; the inheritedEnvironment check reports such values from GoSettings, which reads them where they are set.
        env.keySet().removeAll(DecisiveVariables.NAMES);
        Path neutral = Path.of(System.getProperty("java.io.tmpdir"));
        String go = located.executable().toString();

        String versionLine = run(runner, new CommandLine(List.of(go, "version"), env, neutral, timeout), located).stdout().strip();
        GoVersion version = GoVersion.find(versionLine).orElseThrow(() -> new ToolchainException(
                go + " version printed '" + versionLine + "', which names no Go release",
                "check that " + go + " is the Go toolchain and not a wrapper script that prints something else"));
        // A pair pinned in the go env file (go env -w) is read after the environment: set go's own platform, which
        // 'go version' names, so that only a non-empty environment value, the probe's, decides.
        String[] words = versionLine.split("\\s+");
        String[] own = words[words.length - 1].split("/");
        if (own.length == 2) {
            env.put("GOOS", own[0]);
            env.put("GOARCH", own[1]);
        }

        Map<String, String> goEnv = new LinkedHashMap<>();
        ((Map<?, ?>) json(run(runner, new CommandLine(List.of(go, "env", "-json"), env, neutral, timeout), located), located, "env -json", false))
                .forEach((name, value) -> goEnv.put(name.toString(), value == null ? "" : value.toString()));

        List<SupportedPlatforms.Entry> entries = new ArrayList<>();
        for (Object p : (List<?>) json(run(runner, new CommandLine(List.of(go, "tool", "dist", "list", "-json"), env, neutral, timeout), located),
                located, "tool dist list -json", true)) {
            Map<?, ?> platform = p instanceof Map<?, ?> m ? m : Map.of();
            entries.add(new SupportedPlatforms.Entry(new Platform(String.valueOf(platform.get("GOOS")), String.valueOf(platform.get("GOARCH"))),
                    Boolean.TRUE.equals(platform.get("CgoSupported")), Boolean.TRUE.equals(platform.get("FirstClass"))));
        }
        return new GoToolchain(located, version, versionLine, goEnv, new SupportedPlatforms(entries, version.goName()));
    }

    private static ProcessResult run(ProcessRunner runner, CommandLine command, LocatedGo located) throws ToolchainException {
        ProcessResult result;
        try {
            result = runner.run(command);
        } catch (ProcessException e) {
            throw new ToolchainException(e.getMessage() + " (go found via " + located.source() + ")",
                    "check that this go works when run by hand; raise <timeout> (go-hygiene.timeout) if it is only slow");
        }
        if (!result.succeeded()) {
            throw new ToolchainException("'" + command.display() + "' failed with exit code " + result.exitCode() + ": " + result.diagnostics(),
                    "run the same command by hand to see why; a broken GOFLAGS or go env file is a common cause");
        }
        return result;
    }

    /** go's JSON output as jackson-jr's maps and lists: an object, or an array when {@code array}. */
    private static Object json(ProcessResult result, LocatedGo located, String what, boolean array) throws ToolchainException {
        try {
            return array ? JSON.std.listFrom(result.stdout()) : JSON.std.mapFrom(result.stdout());
        } catch (IOException e) {
            throw new ToolchainException("go " + what + " (" + located.executable() + ") did not print JSON: " + e.getMessage(),
                    "this go may be too old (Go 1.9+ prints go env -json, 1.13+ dist list -json)");
        }
    }

    public LocatedGo located() {
        return located;
    }

    public Path executable() {
        return located.executable();
    }

    public GoVersion version() {
        return version;
    }

    /** {@code go version go1.26.8 linux/amd64}. */
    public String versionLine() {
        return versionLine;
    }

    public Optional<String> env(String name) {
        return Optional.ofNullable(env.get(name)).filter(v -> !v.isEmpty());
    }

    public Map<String, String> env() {
        return env;
    }

    public SupportedPlatforms platforms() {
        return platforms;
    }

    /** The platform this go runs on (GOHOSTOS/GOHOSTARCH). */
    public Platform hostPlatform() {
        return new Platform(env.getOrDefault("GOHOSTOS", "?"), env.getOrDefault("GOHOSTARCH", "?"));
    }
}
