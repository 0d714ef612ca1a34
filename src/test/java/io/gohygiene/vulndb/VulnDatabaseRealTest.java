package io.gohygiene.vulndb;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.gohygiene.modfetch.FetchedModule;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Matching on the real golang.org/x/vulndb (pinned, fetched once through ModuleFetcher): known entries answer what
 * their OSV files say, and every file of the database parses into what its JSON holds.
 */
class VulnDatabaseRealTest {

    private static FetchedModule module;
    private static VulnDatabase db;

    @BeforeAll
    static void load() throws Exception {
        module = RealVulnDb.module();
        db = VulnDatabase.parse(module.dir());
    }

    @Test
    void theWholeDatabaseParses() throws Exception {
        long files;
        try (Stream<Path> osv = Files.list(module.dir().resolve("data/osv"))) {
            files = osv.filter(p -> p.toString().endsWith(".json")).count();
        }
        assertTrue(db.size() > 3000, db.size() + " entries");
        assertEquals(files, db.size(), "one entry per data/osv file, and the module's testdata OSV files left out");
        assertTrue(db.entries().stream().allMatch(e -> e.id().startsWith("GO-")), "only the database's own entries");
    }

    @Test
    void go20242687HttpContinuationFlood() {
        OsvEntry e = db.entry("GO-2024-2687").orElseThrow();
        assertEquals(List.of("CVE-2023-45288", "GHSA-4v7x-pqxf-cx7m"), e.aliases());
        assertEquals("HTTP/2 CONTINUATION flood in net/http", e.summary());

        assertTrue(e.affects("golang.org/x/net", "v0.22.0"));
        assertFalse(e.affects("golang.org/x/net", "v0.23.0"));
        assertTrue(e.affects("stdlib", "go1.22.1"));
        assertFalse(e.affects("stdlib", "go1.22.2"));
        assertTrue(e.affects("stdlib", "go1.21.8"));
        assertFalse(e.affects("stdlib", "go1.21.9"));
        assertTrue(e.affects("stdlib", "go1.22rc1"), "1.22.0-rc.1 is after introduced 1.22.0-0");
        assertTrue(e.affects("stdlib", "v1.22.1"), "a semver version for stdlib too");
        assertFalse(e.affects("golang.org/x/text", "v0.1.0"), "another module");

        List<VulnMatch> net = db.lookup("golang.org/x/net", "v0.22.0");
        VulnMatch m = net.stream().filter(x -> x.entry().id().equals("GO-2024-2687")).findFirst().orElseThrow();
        assertEquals(Optional.of("0.23.0"), m.fixedVersion());
        OsvEntry.Import http2 = m.affected().get(0).imports().get(0);
        assertEquals("golang.org/x/net/http2", http2.path());
        assertTrue(http2.symbols().contains("Framer.ReadFrame"));
        assertEquals(72, http2.symbols().size());

        VulnMatch std = db.lookup("stdlib", "go1.22.1").stream().filter(x -> x.entry().id().equals("GO-2024-2687")).findFirst().orElseThrow();
        assertEquals(Optional.of("1.22.2"), std.fixedVersion());
        assertEquals("net/http", std.affected().get(0).imports().get(0).path());
        assertTrue(std.affected().get(0).imports().get(0).symbols().contains("http2Framer.ReadFrame"));
        assertEquals(Optional.of("1.21.9"), db.lookup("stdlib", "go1.21.0").stream()
                .filter(x -> x.entry().id().equals("GO-2024-2687")).findFirst().orElseThrow().fixedVersion());
    }

    @Test
    void theGoCommandIsTheModuleToolchain() {
        OsvEntry e = db.entry("GO-2021-0068").orElseThrow();
        assertTrue(e.affects("toolchain", "go1.15.6"));
        assertFalse(e.affects("toolchain", "go1.15.7"));
        assertTrue(e.affects("toolchain", "go1.15rc1"), "1.15.0-rc.1 is after introduced 1.15.0-0");
        assertFalse(e.affects("stdlib", "go1.15.6"), "the entry names cmd/go under toolchain only");
        assertEquals("cmd/go", db.lookup("toolchain", "go1.14.1").stream().filter(m -> m.entry().id().equals("GO-2021-0068"))
                .findFirst().orElseThrow().affected().get(0).imports().get(0).path());
    }

    @Test
    void pseudoVersionsBeforeAndAfterTheFix() {
        // x/net's fix for GO-2024-2687 is v0.23.0: a pseudo-version based on v0.22.0 precedes it, one on v0.23.0 follows it.
        assertTrue(db.entry("GO-2024-2687").orElseThrow().affects("golang.org/x/net", "v0.22.1-0.20240401000000-abcdefabcdef"));
        assertFalse(db.entry("GO-2024-2687").orElseThrow().affects("golang.org/x/net", "v0.23.1-0.20240501000000-abcdefabcdef"));
        assertTrue(db.entry("GO-2024-2687").orElseThrow().affects("golang.org/x/net", "v0.0.0-20190620200207-3b0461eec859"));
    }

    @Test
    void lookupAgreesWithEveryEntrysOwnRanges() {
        // The index by module finds exactly the entries whose affected elements name the module and hold the version.
        for (String[] mv : List.of(new String[]{"golang.org/x/net", "v0.22.0"}, new String[]{"golang.org/x/crypto", "v0.1.0"},
                new String[]{"golang.org/x/text", "v0.3.5"}, new String[]{"gopkg.in/yaml.v2", "v2.2.2"}, new String[]{"stdlib", "go1.20.1"})) {
            List<String> expected = db.entries().stream().filter(e -> e.affects(mv[0], mv[1])).map(OsvEntry::id).sorted().toList();
            List<String> found = db.lookup(mv[0], mv[1]).stream().map(m -> m.entry().id()).toList();
            assertEquals(expected, found, mv[0] + "@" + mv[1]);
            assertFalse(found.isEmpty(), mv[0] + "@" + mv[1] + " has known vulnerabilities");
        }
        assertTrue(db.lookup("golang.org/x/text", "v0.3.5").stream().anyMatch(m -> m.entry().aliases().contains("CVE-2021-38561")));
    }

    @Test
    void everyEntryHoldsWhatItsJsonSays() throws Exception {
        ObjectMapper json = new ObjectMapper();
        List<String> problems = new ArrayList<>();
        for (OsvEntry e : db.entries()) {
            JsonNode root = json.readTree(module.dir().resolve("data/osv/" + e.id() + ".json").toFile());
            int symbols = 0;
            int events = 0;
            for (JsonNode a : root.path("affected")) {
                for (JsonNode r : a.path("ranges")) {
                    events += r.path("events").size();
                }
                for (JsonNode i : a.path("ecosystem_specific").path("imports")) {
                    symbols += i.path("symbols").size();
                }
            }
            int ourSymbols = e.affected().stream().flatMap(a -> a.imports().stream()).mapToInt(i -> i.symbols().size()).sum();
            int ourEvents = e.affected().stream().flatMap(a -> a.ranges().stream()).mapToInt(r -> r.events().size()).sum();
            if (symbols != ourSymbols || events != ourEvents || root.path("aliases").size() != e.aliases().size()
                    || !root.path("summary").asText().equals(e.summary()) || root.has("withdrawn") != e.withdrawn().isPresent()) {
                problems.add(e.id());
            }
        }
        assertEquals(List.of(), problems);
    }
}
