package io.gohygiene.maven;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code <packages>} in its short and long forms, as Maven fills them in. */
class PackageConfigTest {

    private static PackageConfig named(String path, String name) {
        PackageConfig config = new PackageConfig();
        config.setPath(path);
        config.setName(name);
        return config;
    }

    @Test
    void shortAndLongFormsMixAndAShortEntryMayListSeveral() {
        PackageConfig plain = new PackageConfig();
        plain.set(" ./cmd/a, ./cmd/b ");
        List<PackageConfig> packages = List.of(plain, named(" ./cmd/helper ", " netcli-helper"), named(".", " "));
        assertEquals(List.of("./cmd/a", "./cmd/b", "./cmd/helper", "."), PackageConfig.paths(packages));
        assertEquals(Map.of("./cmd/helper", " netcli-helper"), PackageConfig.names(packages), "a blank <name> is no name");
        assertEquals(List.of(), PackageConfig.paths(null));
    }

    @Test
    void aNameWithoutOneClearPathIsRejectedSayingWhatToWrite() {
        IllegalArgumentException none = assertThrows(IllegalArgumentException.class,
                () -> PackageConfig.names(List.of(named(null, "srv"))));
        assertTrue(none.getMessage().contains("<name>srv</name> has no <path>; write <package><path>"), none.getMessage());
        IllegalArgumentException several = assertThrows(IllegalArgumentException.class,
                () -> PackageConfig.names(List.of(named("./a,./b", "srv"))));
        assertTrue(several.getMessage().contains("lists several packages; give each package its own <package>"), several.getMessage());
    }
}
