package io.gohygiene.toolchain;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Where each Go setting comes from, in Go's order of precedence: the process environment, then the user's
 * go env file ({@code go env -w}), then {@code $GOROOT/go.env}. Knowing the source lets a finding say
 * "GOARCH=arm64 (from the environment)" and the hint say which of the three to fix.
 */
public final class GoSettings {

    /** A setting's value and where it was set. */
    public record Setting(String name, String value, String source) {
        @Override
        public String toString() {
            return name + "=" + value + " (" + source + ")";
        }
    }

    private final Map<String, String> environment;
    private final Map<String, String> envFile;
    private final Path envFilePath;
    private final Map<String, String> gorootEnv;

    public GoSettings(Map<String, String> environment, Map<String, String> envFile, Path envFilePath, Map<String, String> gorootEnv) {
        this.environment = Map.copyOf(environment);
        this.envFile = Map.copyOf(envFile);
        this.envFilePath = envFilePath;
        this.gorootEnv = Map.copyOf(gorootEnv);
    }

    public static GoSettings load(SystemProbe probe, Optional<Path> envFile, Optional<Path> goroot) {
        Map<String, String> user = envFile.flatMap(probe::readFile).map(GoSettings::parseEnvFile).orElse(Map.of());
        Map<String, String> rootEnv = goroot.map(r -> r.resolve("go.env")).flatMap(probe::readFile).map(GoSettings::parseEnvFile).orElse(Map.of());
        return new GoSettings(probe.environment(), user, envFile.orElse(null), rootEnv);
    }

    /** Parses the NAME=VALUE lines of a go env file; # starts a comment line. */
    public static Map<String, String> parseEnvFile(String text) {
        Map<String, String> values = new LinkedHashMap<>();
        for (String line : text.split("\n")) {
            String l = line.strip();
            int eq = l.indexOf('=');
            if (l.isEmpty() || l.startsWith("#") || eq <= 0) {
                continue;
            }
            values.put(l.substring(0, eq).strip(), l.substring(eq + 1).strip());
        }
        return values;
    }

    /**
     * The effective value of a setting and its source. As in Go, an empty value counts as unset: {@code GOOS=} in the
     * environment does not hide {@code GOOS=windows} in the go env file.
     */
    public Optional<Setting> get(String name) {
        String fromEnvironment = environment.get(name);
        if (fromEnvironment != null && !fromEnvironment.isEmpty()) {
            return Optional.of(new Setting(name, fromEnvironment, "environment"));
        }
        String fromFile = envFile.get(name);
        if (fromFile != null && !fromFile.isEmpty()) {
            return Optional.of(new Setting(name, fromFile, "go env file " + envFilePath));
        }
        String fromGoroot = gorootEnv.get(name);
        if (fromGoroot != null && !fromGoroot.isEmpty()) {
            return Optional.of(new Setting(name, fromGoroot, "$GOROOT/go.env"));
        }
        return Optional.empty();
    }

    /** Like {@link #get} but ignores settings whose value is empty (Go treats them as unset). */
    public Optional<Setting> nonEmpty(String name) {
        return get(name).filter(s -> !s.value().isEmpty());
    }

    public Map<String, String> environment() {
        return environment;
    }

    public Map<String, String> envFile() {
        return envFile;
    }

    public Optional<Path> envFilePath() {
        return Optional.ofNullable(envFilePath);
    }
}
