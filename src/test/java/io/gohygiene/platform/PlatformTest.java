package io.gohygiene.platform;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PlatformTest {

    @Test
    void parsesGoosSlashGoarchAndPrintsItBack() {
        Platform platform = Platform.parse(" windows/arm64 ");

        assertEquals("windows", platform.goos());
        assertEquals("arm64", platform.goarch());
        assertEquals("windows/arm64", platform.toString());
    }

    @ParameterizedTest(name = "\"{0}\" is not a platform")
    @ValueSource(strings = {"linux", "linux/", "/amd64", " / ", "linux/amd64/v3", ""})
    void rejectsAnythingButGoosSlashGoarch(String text) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Platform.parse(text));

        assertTrue(e.getMessage().contains("'" + text + "'"), e.getMessage());
        assertTrue(e.getMessage().contains("GOOS/GOARCH"), e.getMessage());
    }

    @Test
    void sortsAsGoToolDistListPrints() {
        TreeSet<Platform> sorted = new TreeSet<>(List.of(Platform.parse("windows/386"), Platform.parse("linux/arm64"),
                Platform.parse("linux/amd64"), Platform.parse("darwin/arm64")));

        assertEquals("[darwin/arm64, linux/amd64, linux/arm64, windows/386]", sorted.toString());
    }
}
