package io.gohygiene.vulndb;

import io.gohygiene.modfetch.FetchedModule;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The index on the real database: built once, read back equal to the parse, rebuilt when it is damaged in any way;
 * the three layouts (module tree, module zip, a mirror's flat directory); a malformed OSV file named.
 */
class VulnDatabaseIndexTest {

    private static FetchedModule module;
    private static VulnDatabase parsed;

    @TempDir
    Path temp;

    @BeforeAll
    static void load() throws Exception {
        module = RealVulnDb.module();
        parsed = VulnDatabase.parse(module.dir());
    }

    private String identity() {
        return VulnDatabaseSource.MODULE + "@" + module.version() + " " + module.zipHash();
    }

    @Test
    void coldBuildThenWarmReadEqualsTheParse() throws Exception {
        Path index = temp.resolve("index");
        VulnDatabase cold = VulnDatabase.open(module.dir(), identity(), index);
        VulnDatabase warm = VulnDatabase.open(module.dir(), identity(), index);

        assertEquals(VulnDatabase.Origin.INDEX_BUILT, cold.origin());
        assertEquals(VulnDatabase.Origin.INDEX_READ, warm.origin());
        assertEquals(parsed.entries(), cold.entries());
        assertEquals(parsed.entries(), warm.entries(), "the index holds every field of every entry");
        // Two shared cores: the best of five warm opens, and lookups after a warm-up, are what a steady machine gives.
        long bestWarm = Long.MAX_VALUE;
        for (int i = 0; i < 5; i++) {
            bestWarm = Math.min(bestWarm, VulnDatabase.open(module.dir(), identity(), index).openTime().toMillis());
        }
        List<String[]> modules = List.of(new String[]{"golang.org/x/net", "v0.22.0"}, new String[]{"stdlib", "go1.22.1"},
                new String[]{"golang.org/x/crypto", "v0.1.0"}, new String[]{"github.com/example/none", "v1.0.0"});
        for (int i = 0; i < 2000; i++) {
            modules.forEach(mv -> warm.lookup(mv[0], mv[1]));
        }
        long lookups = System.nanoTime();
        for (int i = 0; i < 2000; i++) {
            modules.forEach(mv -> warm.lookup(mv[0], mv[1]));
        }
        double lookupMicros = (System.nanoTime() - lookups) / 1000.0 / (2000 * modules.size());
        System.out.printf("vulndb %d entries: parse %d ms, cold index build %d ms, warm open %d ms (best of 5: %d ms), index %d KB, lookup %.1f us%n",
                parsed.size(), parsed.openTime().toMillis(), cold.openTime().toMillis(), warm.openTime().toMillis(), bestWarm,
                Files.size(VulnDatabaseIndex.file(index, identity())) / 1024, lookupMicros);
        assertEquals(parsed.lookup("stdlib", "go1.22.1"), warm.lookup("stdlib", "go1.22.1"));
    }

    @Test
    void aCutShortOrGarbledIndexIsRebuiltNeverTrusted() throws Exception {
        Path index = temp.resolve("index");
        VulnDatabase.open(module.dir(), identity(), index);
        Path file = VulnDatabaseIndex.file(index, identity());
        byte[] good = Files.readAllBytes(file);

        for (int cut : List.of(0, 5, 30, good.length / 2, good.length - 1)) {
            Files.write(file, java.util.Arrays.copyOf(good, cut));
            VulnDatabase db = VulnDatabase.open(module.dir(), identity(), index);
            assertEquals(VulnDatabase.Origin.INDEX_REBUILT, db.origin(), "cut at " + cut);
            assertEquals(parsed.entries(), db.entries());
            assertTrue(java.util.Arrays.equals(good, Files.readAllBytes(file)), "rewritten whole");
        }
        byte[] flipped = good.clone();
        flipped[good.length - 100] ^= 0x01;
        Files.write(file, flipped);
        VulnDatabase db = VulnDatabase.open(module.dir(), identity(), index);
        assertEquals(VulnDatabase.Origin.INDEX_REBUILT, db.origin());
        assertTrue(db.rebuiltBecause().orElseThrow().contains("SHA-256"), db.rebuiltBecause().orElseThrow());
        assertEquals(parsed.entries(), db.entries());
        assertEquals(VulnDatabase.Origin.INDEX_READ, VulnDatabase.open(module.dir(), identity(), index).origin());
    }

    @Test
    void anIndexOfAnotherDatabaseIsNotUsed() throws Exception {
        Path index = temp.resolve("index");
        VulnDatabase.open(module.dir(), identity(), index);
        Files.copy(VulnDatabaseIndex.file(index, identity()), VulnDatabaseIndex.file(index, "other"));
        assertThrows(VulnDatabaseIndex.Corrupt.class, () -> VulnDatabaseIndex.read(VulnDatabaseIndex.file(index, "other"), "other"));
    }

    @Test
    void theModuleZipAndAFlatMirrorGiveTheSameEntries() throws Exception {
        Path zip = RealVulnDb.MODCACHE.resolve("cache/download/golang.org/x/vulndb/@v/" + module.version() + ".zip");
        VulnDatabase fromZip = VulnDatabase.open(zip, temp.resolve("index"));
        assertEquals(parsed.entries(), fromZip.entries());
        VulnDatabase warmZip = VulnDatabase.open(zip, temp.resolve("index"));
        assertEquals(VulnDatabase.Origin.INDEX_READ, warmZip.origin(), "the zip's identity is stable");
        VulnDatabase.open(module.dir(), temp.resolve("index"));
        VulnDatabase warmDir = VulnDatabase.open(module.dir(), temp.resolve("index"));
        assertEquals(VulnDatabase.Origin.INDEX_READ, warmDir.origin(), "the tree's identity is stable");
        assertEquals(parsed.entries(), warmDir.entries());
        System.out.printf("vulndb warm open keyed by names/sizes/times: zip (central directory) %d ms, tree (%d files listed) %d ms%n",
                warmZip.openTime().toMillis(), warmDir.size(), warmDir.openTime().toMillis());

        Path mirror = Files.createDirectories(temp.resolve("mirror"));
        for (String id : List.of("GO-2024-2687", "GO-2021-0113")) {
            Files.copy(module.dir().resolve("data/osv/" + id + ".json"), mirror.resolve(id + ".json"));
        }
        VulnDatabase flat = VulnDatabase.open(mirror, temp.resolve("index"));
        assertEquals(2, flat.size());
        assertEquals(parsed.entry("GO-2024-2687"), flat.entry("GO-2024-2687"));
        assertEquals(VulnDatabase.Origin.INDEX_READ, VulnDatabase.open(mirror, temp.resolve("index")).origin());

        Files.copy(module.dir().resolve("data/osv/GO-2022-0617.json"), mirror.resolve("GO-2022-0617.json"));
        VulnDatabase changed = VulnDatabase.open(mirror, temp.resolve("index"));
        assertEquals(VulnDatabase.Origin.INDEX_BUILT, changed.origin(), "a new file is a new database");
        assertEquals(3, changed.size());
    }

    @Test
    void aMalformedFileIsNamed() throws Exception {
        Path mirror = Files.createDirectories(temp.resolve("bad/data/osv"));
        Files.copy(module.dir().resolve("data/osv/GO-2024-2687.json"), mirror.resolve("GO-2024-2687.json"));
        String good = Files.readString(module.dir().resolve("data/osv/GO-2021-0113.json"));
        Files.writeString(mirror.resolve("GO-2021-0113.json"), good.substring(0, good.length() / 2));
        VulnDbException e = assertThrows(VulnDbException.class, () -> VulnDatabase.open(temp.resolve("bad"), temp.resolve("index")));
        assertTrue(e.getMessage().contains(mirror.resolve("GO-2021-0113.json").toString()) && e.getMessage().contains("not valid JSON"), e.getMessage());

        Files.writeString(mirror.resolve("GO-2021-0113.json"), "{\"id\": \"GO-2021-0113\", \"affected\": [{\"package\": {\"name\": \"x\"}, \"ranges\": [{\"type\": \"SEMVER\", \"events\": [{\"fixed\": 3}]}]}]}");
        e = assertThrows(VulnDbException.class, () -> VulnDatabase.parse(temp.resolve("bad")));
        assertTrue(e.getMessage().contains("GO-2021-0113.json") && e.getMessage().contains("fixed"), e.getMessage());

        Path zip = temp.resolve("bad.zip");
        try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(zip))) {
            out.putNextEntry(new ZipEntry("GO-2000-0001.json"));
            out.write("[1, 2".getBytes());
        }
        e = assertThrows(VulnDbException.class, () -> VulnDatabase.parse(zip));
        assertTrue(e.getMessage().contains(zip + "!GO-2000-0001.json"), e.getMessage());

        Files.createDirectories(temp.resolve("empty"));
        e = assertThrows(VulnDbException.class, () -> VulnDatabase.parse(temp.resolve("empty")));
        assertTrue(e.getMessage().contains("no OSV entries in " + temp.resolve("empty")), e.getMessage());
        try (OutputStream out = Files.newOutputStream(temp.resolve("notazip.zip"))) {
            out.write("hello".getBytes());
        }
        e = assertThrows(VulnDbException.class, () -> VulnDatabase.parse(temp.resolve("notazip.zip")));
        assertTrue(e.getMessage().contains(temp.resolve("notazip.zip").toString()), e.getMessage());
    }
}
