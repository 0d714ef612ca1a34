package io.gohygiene.vulndb;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** golang.org/x/vulndb from the real proxy: newest from @v/list, pinned, offline from the cache, and the errors. */
class VulnDatabaseSourceTest {

    @TempDir
    Path temp;

    @Test
    void newestIsTheHighestListedVersion() throws Exception {
        String newest = RealVulnDb.source(temp.resolve("modcache"), RealVulnDb.PROXY, false).newestVersion();
        assertTrue(GoSemver.compare(newest, RealVulnDb.VERSION) >= 0, newest);
        assertTrue(VulnDatabaseSource.publishedAt(newest).isPresent(), newest);
    }

    @Test
    void pinnedVersionOpensThroughTheModuleCacheAndItsIndex() throws Exception {
        RealVulnDb.module();
        VulnDatabaseSource online = RealVulnDb.source(RealVulnDb.MODCACHE, RealVulnDb.PROXY, false);
        VulnDatabase db = online.open(Optional.of(RealVulnDb.VERSION), temp.resolve("index"));
        assertTrue(db.identity().startsWith("golang.org/x/vulndb@" + RealVulnDb.VERSION + " h1:"), db.identity());
        assertTrue(db.size() > 3000);

        VulnDatabaseSource offline = RealVulnDb.source(RealVulnDb.MODCACHE, RealVulnDb.PROXY, true);
        VulnDatabase warm = offline.open(Optional.of(RealVulnDb.VERSION), temp.resolve("index"));
        assertEquals(VulnDatabase.Origin.INDEX_READ, warm.origin());
        System.out.println("vulndb warm open through the source (module cache + index): " + warm.openTime().toMillis() + " ms");
    }

    @Test
    void offlineNewestIsTheNewestInTheCache() throws Exception {
        RealVulnDb.module();
        VulnDatabaseSource offline = RealVulnDb.source(RealVulnDb.MODCACHE, RealVulnDb.PROXY, true);
        String newest = offline.newestVersion();
        assertTrue(GoSemver.compare(newest, RealVulnDb.VERSION) >= 0, newest);
        assertEquals(Optional.of(newest), offline.newestCached());

        VulnDatabaseSource empty = RealVulnDb.source(temp.resolve("empty-cache"), RealVulnDb.PROXY, true);
        VulnDbException e = assertThrows(VulnDbException.class, empty::newestVersion);
        assertTrue(e.getMessage().contains("no version of golang.org/x/vulndb is in the module cache " + temp.resolve("empty-cache"))
                && e.getMessage().contains("offline"), e.getMessage());
        e = assertThrows(VulnDbException.class, () -> empty.fetch(Optional.of(RealVulnDb.VERSION)));
        assertTrue(e.getMessage().contains("golang.org/x/vulndb@" + RealVulnDb.VERSION), e.getMessage());
    }

    @Test
    void aVersionThatDoesNotExistIsNamedWithTheProxy() throws Exception {
        VulnDatabaseSource online = RealVulnDb.source(temp.resolve("modcache"), RealVulnDb.PROXY, false);
        VulnDbException e = assertThrows(VulnDbException.class, () -> online.fetch(Optional.of("v0.0.0-20000101000000-000000000000")));
        assertTrue(e.getMessage().contains("golang.org/x/vulndb@v0.0.0-20000101000000-000000000000") && e.getMessage().contains("proxy.golang.org"), e.getMessage());
        assertTrue(Files.notExists(temp.resolve("modcache/golang.org/x/vulndb@v0.0.0-20000101000000-000000000000")));
    }

    @Test
    void pseudoVersionTime() {
        assertEquals(Optional.of(Instant.parse("2026-11-05T23:49:57Z")), VulnDatabaseSource.publishedAt(RealVulnDb.VERSION));
        assertEquals(Optional.of(Instant.parse("2024-01-01T00:00:00Z")), VulnDatabaseSource.publishedAt("v0.22.1-0.20240101000000-abcdefabcdef"));
        assertEquals(Optional.empty(), VulnDatabaseSource.publishedAt("v1.2.3"));
    }
}
