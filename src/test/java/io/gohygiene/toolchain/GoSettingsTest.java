package io.gohygiene.toolchain;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class GoSettingsTest {

    @Test
    void environmentBeatsEnvFileBeatsGorootEnv() {
        RecordedProbe probe = new RecordedProbe("linux").env("GOARCH", "arm64")
                .file("/home/u/.config/go/env", "GOARCH=riscv64\nGOOS=windows\n# comment\nGOFLAGS=-tags=x\n")
                .file("/usr/local/go/go.env", "GOPROXY=https://proxy.golang.org,direct\nGOTOOLCHAIN=auto\nGOOS=plan9\n");
        GoSettings settings = GoSettings.load(probe, java.util.Optional.of(Path.of("/home/u/.config/go/env")),
                java.util.Optional.of(Path.of("/usr/local/go")));
        assertEquals("GOARCH=arm64 (environment)", settings.get("GOARCH").orElseThrow().toString());
        assertEquals("GOOS=windows (go env file /home/u/.config/go/env)", settings.get("GOOS").orElseThrow().toString());
        assertEquals("GOTOOLCHAIN=auto ($GOROOT/go.env)", settings.get("GOTOOLCHAIN").orElseThrow().toString());
        assertTrue(settings.get("GOAMD64").isEmpty());
    }

    @Test
    void anEmptyEnvironmentValueFallsThroughToTheEnvFileAsItDoesInGo(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
        GoSettings settings = new GoSettings(Map.of("GOOS", ""), Map.of("GOOS", "windows"), Path.of("env"), Map.of());
        assertEquals("GOOS=windows (go env file env)", settings.get("GOOS").orElseThrow().toString());

        // The real go agrees: GOOS= in the environment does not hide the env file's GOOS.
        Path envFile = java.nio.file.Files.writeString(dir.resolve("go-env"), "GOOS=windows\n");
        ProcessBuilder go = new ProcessBuilder("go", "env", "GOOS");
        go.environment().put("GOENV", envFile.toString());
        go.environment().put("GOOS", "");
        assertEquals("windows", new String(go.start().getInputStream().readAllBytes()).strip());
    }
}
