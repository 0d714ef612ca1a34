package io.gohygiene.toolchain;

import io.gohygiene.platform.Platform;
import io.gohygiene.process.ProcessRunner;
import io.gohygiene.testing.GoOnPath;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The last run's go probe is reused only while the go, its settings files and the environment are the same. */
class GoProbeCacheTest {

    @TempDir
    Path temp;

    private final LocatedGo located = new LocatedGo(GoOnPath.executable(), "PATH", List.of());

    @Test
    void readsBackWhatTheRealProbeSaw() throws Exception {
        Map<String, String> env = environment();
        GoToolchain probed = GoToolchain.probe(located, env, Duration.ofMinutes(2), new ProcessRunner());
        Path cache = temp.resolve("target/go-hygiene/go-probe.properties");
        GoProbeCache.write(cache, probed, env);

        GoToolchain cached = GoProbeCache.read(cache, located, env).orElseThrow();
        assertEquals(probed.versionLine(), cached.versionLine());
        assertEquals(probed.version(), cached.version());
        assertEquals(probed.env(), cached.env());
        assertEquals(List.copyOf(probed.platforms().platforms()), List.copyOf(cached.platforms().platforms()));
        Platform linuxArm64 = new Platform("linux", "arm64");
        assertEquals(probed.platforms().find(linuxArm64), cached.platforms().find(linuxArm64));
        assertEquals(probed.hostPlatform(), cached.hostPlatform());

        Map<String, String> mavenOnly = new TreeMap<>(env);
        mavenOnly.put("MAVEN_CMD_LINE_ARGS", "-q verify -Dother");
        assertTrue(GoProbeCache.read(cache, located, mavenOnly).isPresent(), "mvn's own variables are not go's");
    }

    @Test
    void anythingGoDependsOnChangingMeansProbingAgain() throws Exception {
        Path goEnvFile = Files.writeString(temp.resolve("go-env"), "GOFLAGS=-mod=mod\n");
        Map<String, String> env = environment();
        env.put("GOENV", goEnvFile.toString());
        GoToolchain probed = GoToolchain.probe(located, env, Duration.ofMinutes(2), new ProcessRunner());
        assertEquals("-mod=mod", probed.env().get("GOFLAGS"));
        Path cache = temp.resolve("go-probe.properties");
        GoProbeCache.write(cache, probed, env);
        assertTrue(GoProbeCache.read(cache, located, env).isPresent());

        Map<String, String> other = new TreeMap<>(env);
        other.put("GOPROXY", "off");
        assertTrue(GoProbeCache.read(cache, located, other).isEmpty(), "another environment");

        assertTrue(GoProbeCache.read(cache, new LocatedGo(temp.resolve("go"), "PATH", List.of()), env).isEmpty(), "another go");

        Files.writeString(goEnvFile, "GOFLAGS=-mod=vendor\n");
        Files.setLastModifiedTime(goEnvFile, FileTime.fromMillis(System.currentTimeMillis() + 5_000));
        assertTrue(GoProbeCache.read(cache, located, env).isEmpty(), "go env -w changed the go env file");

        GoProbeCache.write(cache, GoToolchain.probe(located, env, Duration.ofMinutes(2), new ProcessRunner()), env);
        assertEquals("-mod=vendor", GoProbeCache.read(cache, located, env).orElseThrow().env().get("GOFLAGS"));

        Files.writeString(cache, "format=1\nkey=garbage\n");
        assertTrue(GoProbeCache.read(cache, located, env).isEmpty(), "a damaged file");
        assertTrue(GoProbeCache.read(temp.resolve("absent.properties"), located, env).isEmpty());
    }

    @Test
    void aGoThatIsAScriptIsProbedEveryTime() throws Exception {
        // What asdf, mise and goenv put on PATH: a script that picks a Go by settings this cache cannot see.
        Path shim = temp.resolve("shims/go");
        Files.createDirectories(shim.getParent());
        Files.writeString(shim, "#!/bin/sh\nexec '" + GoOnPath.executable() + "' \"$@\"\n");
        shim.toFile().setExecutable(true);
        LocatedGo viaShim = new LocatedGo(shim, "PATH", List.of());
        Map<String, String> env = environment();
        GoToolchain probed = GoToolchain.probe(viaShim, env, Duration.ofMinutes(2), new ProcessRunner());
        Path cache = temp.resolve("go-probe.properties");

        GoProbeCache.write(cache, probed, env);

        assertTrue(Files.notExists(cache));
        assertTrue(GoProbeCache.read(cache, viaShim, env).isEmpty());
        assertTrue(GoProbeCache.isExecutableImage(GoOnPath.executable()));
    }

    @Test
    void aGoproxyWithAPasswordIsNeverWrittenToTheCache() throws Exception {
        Map<String, String> env = environment();
        env.put("GOPROXY", "https://ci:PROBEPASS@goproxy.invalid,direct");
        GoToolchain probed = GoToolchain.probe(located, env, Duration.ofMinutes(2), new ProcessRunner());
        Path cache = temp.resolve("go-probe.properties");
        Files.writeString(cache, "format=stale\n");

        GoProbeCache.write(cache, probed, env);

        assertTrue(Files.notExists(cache) || !Files.readString(cache).contains("PROBEPASS"));
        assertTrue(GoProbeCache.read(cache, located, env).isEmpty(), "probed again next time instead");
    }

    private static Map<String, String> environment() {
        Map<String, String> env = new TreeMap<>(System.getenv());
        env.put("GOTOOLCHAIN", "local");
        return env;
    }
}
