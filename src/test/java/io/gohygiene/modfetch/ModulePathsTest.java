package io.gohygiene.modfetch;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class ModulePathsTest {

    @Test
    void upperCaseLettersAreEscapedAsGoDoes() {
        // The examples of x/mod/module's EscapePath documentation and a toolchain version.
        assertEquals("github.com/!burnt!sushi/toml", ModulePaths.escape("github.com/BurntSushi/toml"));
        assertEquals("github.com/!azure/azure-sdk-for-go", ModulePaths.escape("github.com/Azure/azure-sdk-for-go"));
        assertEquals("v0.0.1-go1.22.12.linux-amd64", ModulePaths.escape("v0.0.1-go1.22.12.linux-amd64"));
        assertEquals("v1.0.0-!r!c1", ModulePaths.escape("v1.0.0-RC1"));
    }

    @Test
    void anExclamationMarkIsRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ModulePaths.escape("example.com/!x"));
        assertEquals("'example.com/!x' is not a valid module path or version: it contains '!'", e.getMessage());
    }
}
