package io.gohygiene.modvendor;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ModulesTxtTest {

    private static final String TEXT = """
            # github.com/BurntSushi/toml v1.3.2
            ## explicit; go 1.16
            github.com/BurntSushi/toml
            github.com/BurntSushi/toml/internal
            # example.com/a v1.0.0 => ../a
            ## explicit
            example.com/a
            # example.com/a/b v0.1.0 => example.com/fork/b v0.1.1
            example.com/a/b
            # example.com/a => ../a
            """;

    @Test
    void parsesModulesPackagesMarkersAndReplacements() {
        ModulesTxt m = ModulesTxt.parse(TEXT);
        assertEquals(4, m.modules().size());
        ModulesTxt.VendoredModule toml = m.modules().get(0);
        assertEquals("github.com/BurntSushi/toml", toml.path());
        assertEquals("v1.3.2", toml.version());
        assertTrue(toml.explicit());
        assertEquals("1.16", toml.goVersion());
        assertEquals(List.of("github.com/BurntSushi/toml", "github.com/BurntSushi/toml/internal"), toml.packages());
        assertTrue(m.modules().get(1).replacedByDirectory());
        assertEquals("example.com/fork/b", m.modules().get(2).replacementPath());
        assertFalse(m.modules().get(2).explicit());
        assertEquals("v0.1.1", m.modules().get(2).replacementVersion());
    }

    @Test
    void theOwnerOfAFileIsTheLongestModulePath() {
        ModulesTxt m = ModulesTxt.parse(TEXT);
        assertEquals("example.com/a/b", m.owner("example.com/a/b/x.go").orElseThrow().path());
        assertEquals("v1.0.0", m.owner("example.com/a/c/y.h").orElseThrow().version());
        assertTrue(m.owner("example.com/ab/x.go").isEmpty());
    }

    @Test
    void moduleCacheEscapesUpperCase() {
        ModuleCache cache = new ModuleCache(Path.of("/cache"));
        assertEquals(Path.of("/cache/github.com/!burnt!sushi/toml@v1.3.2"), cache.moduleDirectory("github.com/BurntSushi/toml", "v1.3.2"));
        ModulesTxt m = ModulesTxt.parse(TEXT);
        assertEquals(Path.of("/work/a"), cache.sourceOf(m.modules().get(1), Path.of("/work/app")));
        assertEquals(Path.of("/cache/example.com/fork/b@v0.1.1"), cache.sourceOf(m.modules().get(2), Path.of("/work/app")));
    }

    @Test
    void consistencyNamesEveryDisagreementWithGoMod() throws Exception {
        String goModJson = """
                {"Go": "1.21",
                 "Require": [{"Path": "github.com/BurntSushi/toml", "Version": "v1.4.0"},
                             {"Path": "example.com/a", "Version": "v1.0.0"},
                             {"Path": "example.com/a/b", "Version": "v0.1.0", "Indirect": true},
                             {"Path": "example.com/missing", "Version": "v2.0.0"}],
                 "Replace": [{"Old": {"Path": "example.com/a"}, "New": {"Path": "../a"}},
                             {"Old": {"Path": "example.com/a/b"}, "New": {"Path": "example.com/fork/b", "Version": "v0.1.2"}}]}
                """;
        List<String> problems = VendorConsistency.check(VendorConsistency.GoMod.fromJson(com.fasterxml.jackson.jr.ob.JSON.std.mapFrom(goModJson)),
                ModulesTxt.parse(TEXT));
        assertEquals(List.of(
                "github.com/BurntSushi/toml@v1.4.0 is required in go.mod, but vendor/modules.txt has v1.3.2",
                "example.com/a/b@v0.1.0 is required in go.mod but not marked ## explicit in vendor/modules.txt",
                "example.com/missing@v2.0.0 is required in go.mod but missing from vendor/modules.txt",
                "example.com/a/b is replaced by example.com/fork/b@v0.1.2 in go.mod, but vendor/modules.txt has"
                        + " example.com/a/b@v0.1.0 => example.com/fork/b@v0.1.1"), problems);
    }

    @Test
    void goModBefore114HasNoExplicitMarkersToCheck() throws Exception {
        String goModJson = "{\"Go\": \"1.13\", \"Require\": [{\"Path\": \"x.org/y\", \"Version\": \"v1.0.0\"}]}";
        assertTrue(VendorConsistency.check(VendorConsistency.GoMod.fromJson(com.fasterxml.jackson.jr.ob.JSON.std.mapFrom(goModJson)),
                ModulesTxt.parse("")).isEmpty());
    }
}
