package io.gohygiene.toolchain;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class GoModFileTest {

    @Test
    void readsModuleGoAndToolchainLines() {
        GoModFile mod = GoModFile.parse(Path.of("go.mod"), """
                // a comment go 1.99
                module example.com/app // trailing comment

                go 1.22.3

                toolchain go1.23.4

                require (
                \tgolang.org/x/sys v0.20.0
                )
                """);
        assertEquals("example.com/app", mod.modulePath().orElseThrow());
        assertEquals("1.22.3", mod.go().orElseThrow().text());
        assertEquals("go1.23.4", mod.toolchain().orElseThrow().text());
    }

    @Test
    void toolchainDefaultAndMissingLinesAreEmpty() {
        GoModFile mod = GoModFile.parse(Path.of("go.mod"), "module m\ntoolchain default\n");
        assertTrue(mod.go().isEmpty());
        assertTrue(mod.toolchain().isEmpty());
    }
}
