package io.gohygiene.vulndb;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * x/vuln's matching rules, each on a real entry where the database has one, else on an OSV text that shows the rule:
 * withdrawn entries, a module named in two affected elements, events out of order, no or non-SEMVER ranges, and
 * versions x/vuln treats specially (empty; invalid).
 */
class OsvEntryTest {

    private static VulnDatabase db;

    @BeforeAll
    static void load() throws Exception {
        db = VulnDatabase.parse(RealVulnDb.module().dir());
    }

    @Test
    void aWithdrawnEntryAffectsNothingFromItsWithdrawal() {
        OsvEntry withdrawn = db.entry("GO-2022-0617").orElseThrow();
        assertEquals(Optional.of("2024-08-21T16:25:56Z"), withdrawn.withdrawn());
        assertFalse(withdrawn.affects("k8s.io/kubernetes", "v1.20.0"));
        assertEquals(1, withdrawn.affectedAt("k8s.io/kubernetes", "v1.20.0", Instant.parse("2024-01-01T00:00:00Z")).size(),
                "before its withdrawal it matched every version (introduced 0, no fix)");
        assertTrue(db.lookup("k8s.io/kubernetes", "v1.20.0").stream().noneMatch(m -> m.entry().id().equals("GO-2022-0617")));
    }

    @Test
    void aModuleInTwoAffectedElementsMatchesEitherRange() {
        OsvEntry e = db.entry("GO-2023-1497").orElseThrow();
        String module = "github.com/sylabs/scs-library-client";
        assertTrue(e.affects(module, "v1.3.3"));
        assertFalse(e.affects(module, "v1.3.4"));
        assertTrue(e.affects(module, "v1.4.1"));
        assertFalse(e.affects(module, "v1.4.2"));
        VulnMatch m = db.lookup(module, "v1.4.1").stream().filter(x -> x.entry().id().equals("GO-2023-1497")).findFirst().orElseThrow();
        assertEquals(1, m.affected().size(), "only the element whose range holds the version");
        assertEquals(Optional.of("1.4.2"), m.fixedVersion());
        assertEquals(Optional.of("1.3.4"), db.lookup(module, "v1.0.0").stream().filter(x -> x.entry().id().equals("GO-2023-1497"))
                .findFirst().orElseThrow().fixedVersion());
    }

    @Test
    void rangesAsXVulnReadsThem() throws Exception {
        OsvEntry unordered = entry("[{\"type\": \"SEMVER\", \"events\": [{\"fixed\": \"1.4.2\"}, {\"introduced\": \"1.4.0\"}, {\"fixed\": \"1.3.4\"}, {\"introduced\": \"0\"}]}]");
        assertTrue(unordered.affects("m", "v1.3.3"));
        assertFalse(unordered.affects("m", "v1.3.9"));
        assertTrue(unordered.affects("m", "v1.4.0"), "introduced is inclusive");
        assertFalse(unordered.affects("m", "v1.4.2"), "fixed is exclusive");
        assertTrue(unordered.affects("m", "v1.4.2-rc.1"), "a prerelease of the fix is before it");

        assertTrue(entry("[]").affects("m", "v9.9.9"), "no ranges: every version");
        assertTrue(entry("[{\"type\": \"ECOSYSTEM\", \"events\": [{\"introduced\": \"5\"}]}]").affects("m", "v1.0.0"), "no SEMVER range: every version");
        assertFalse(entry("[{\"type\": \"ECOSYSTEM\", \"events\": [{\"introduced\": \"0\"}]}, {\"type\": \"SEMVER\", \"events\": [{\"introduced\": \"2.0.0\"}]}]")
                .affects("m", "v1.0.0"), "only SEMVER ranges count when there is one");
        assertTrue(entry("[{\"type\": \"SEMVER\", \"events\": []}]").affects("m", "v1.0.0"), "a range with no events: every version");
        assertTrue(entry("[{\"type\": \"SEMVER\", \"events\": [{\"introduced\": \"1.0.0\"}]}]").affects("m", "v3.0.0+incompatible"), "no fix");

        OsvEntry fromZero = entry("[{\"type\": \"SEMVER\", \"events\": [{\"introduced\": \"0\"}, {\"fixed\": \"1.0.0\"}]}]");
        assertFalse(fromZero.affects("m", ""), "an unknown version raises no alarm (x/vuln skips \"\")");
        assertTrue(fromZero.affects("m", "(devel)"), "an invalid version is below every valid one, as x/vuln compares it");
        assertFalse(fromZero.affects("other", "v0.1.0"), "another module");
    }

    @Test
    void platformsOfAnImport() {
        OsvEntry.Import linuxOnly = new OsvEntry.Import("p", List.of("linux"), List.of(), List.of());
        assertTrue(linuxOnly.matchesPlatform("linux", "arm64"));
        assertFalse(linuxOnly.matchesPlatform("windows", "amd64"));
        assertTrue(linuxOnly.matchesPlatform("", ""), "no platform given matches everything");
        long withGoos = db.entries().stream().flatMap(e -> e.affected().stream()).flatMap(a -> a.imports().stream()).filter(i -> !i.goos().isEmpty()).count();
        assertTrue(withGoos > 10, "the real database restricts some imports to platforms: " + withGoos);
    }

    private static OsvEntry entry(String ranges) throws VulnDbException {
        String json = "{\"id\": \"GO-0000-0001\", \"affected\": [{\"package\": {\"name\": \"m\", \"ecosystem\": \"Go\"}, \"ranges\": " + ranges + "}]}";
        return new OsvParser().parse(json.getBytes(StandardCharsets.UTF_8), "test.json");
    }
}
