package io.gohygiene.toolchain;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * The module settings go would use, worked out without running go (there may be none yet): the environment first,
 * then the user's go env file ({@code go env -w}: {@code $GOENV}, else the OS's config directory + {@code go/env}),
 * then go's built-in defaults. Only what provisioning needs: GOMODCACHE, GOPROXY, GOSUMDB.
 */
public record GoEnvironmentDefaults(Path goModCache, String goProxy, String goSumDb, Optional<Path> envFile) {

    public static GoEnvironmentDefaults read(SystemProbe probe) {
        Map<String, String> env = probe.environment();
        Optional<Path> envFile = envFile(probe);
        Map<String, String> file = envFile.flatMap(probe::readFile).map(GoSettings::parseEnvFile).orElse(Map.of());
        String home = Optional.ofNullable(env.get("HOME")).or(() -> Optional.ofNullable(env.get("USERPROFILE")))
                .or(() -> probe.property("user.home")).orElse(".");
        Optional<String> goModCache = value("GOMODCACHE", env, file);
        Path cache = goModCache.map(Path::of).orElseGet(() -> {
            String gopath = value("GOPATH", env, file).orElse(Path.of(home, "go").toString());
            String first = gopath.split(probe.goos().equals("windows") ? ";" : ":")[0];
            return Path.of(first, "pkg", "mod");
        });
        return new GoEnvironmentDefaults(cache, value("GOPROXY", env, file).orElse(""), value("GOSUMDB", env, file).orElse("sum.golang.org"), envFile);
    }

    private static Optional<String> value(String name, Map<String, String> env, Map<String, String> file) {
        String v = env.get(name);
        if (v != null && !v.isEmpty()) {
            return Optional.of(v);
        }
        return Optional.ofNullable(file.get(name)).filter(s -> !s.isEmpty());
    }

    /** os.UserConfigDir() + go/env, as cmd/go/internal/cfg finds the file; GOENV=off means none. */
    private static Optional<Path> envFile(SystemProbe probe) {
        Map<String, String> env = probe.environment();
        String goenv = env.get("GOENV");
        if (goenv != null && !goenv.isEmpty()) {
            return goenv.equals("off") ? Optional.empty() : Optional.of(Path.of(goenv));
        }
        String home = env.getOrDefault("HOME", probe.property("user.home").orElse("."));
        Path configDir = switch (probe.goos()) {
            case "windows" -> Path.of(env.getOrDefault("AppData", home));
            case "darwin" -> Path.of(home, "Library", "Application Support");
            default -> {
                String xdg = env.get("XDG_CONFIG_HOME");
                yield xdg != null && !xdg.isEmpty() ? Path.of(xdg) : Path.of(home, ".config");
            }
        };
        return Optional.of(configDir.resolve("go").resolve("env"));
    }
}
