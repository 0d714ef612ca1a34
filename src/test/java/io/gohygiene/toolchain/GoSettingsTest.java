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
    void anEmptyValueInAHigherLayerStillWins() {
        GoSettings settings = new GoSettings(Map.of("GOFLAGS", ""), Map.of("GOFLAGS", "-mod=mod"), Path.of("env"), Map.of());
        assertEquals("", settings.get("GOFLAGS").orElseThrow().value());
        assertTrue(settings.nonEmpty("GOFLAGS").isEmpty());
    }
}
