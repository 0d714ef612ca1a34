package io.gohygiene.modfetch;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The proxy transport against a local proxy on 127.0.0.1 that serves the recorded sum.golang.org answers under
 * /sumdb/sum.golang.org/ and counts requests, with a temporary GOMODCACHE.
 */
class ProxySumDbTransportTest {

    private static final SumDbRecordings.Version TOOLCHAIN = SumDbRecordings.VERSIONS.get(0);

    @TempDir
    Path goModCache;

    private HttpServer server;
    private final List<String> requests = new CopyOnWriteArrayList<>();
    private final Map<String, byte[]> replaced = new ConcurrentHashMap<>();
    private URI proxy;

    @BeforeEach
    void startProxy() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            String path = exchange.getRequestURI().getPath();
            requests.add(path);
            String prefix = "/sumdb/sum.golang.org/";
            byte[] body = null;
            int status = 404;
            if (path.equals(prefix + "supported")) {
                status = 200;
                body = new byte[0];
            } else if (path.startsWith(prefix)) {
                String dbPath = path.substring(prefix.length());
                body = replaced.containsKey(dbPath) ? replaced.get(dbPath) : recorded(dbPath);
                status = body == null ? 404 : 200;
            }
            if (body == null) {
                body = ("not found: " + path).getBytes(StandardCharsets.UTF_8);
            }
            exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
        proxy = URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/");
    }

    @AfterEach
    void stopProxy() {
        server.stop(0);
    }

    @Test
    void verifiedTilesAreCachedSoTheSecondLookupAsksOnlyForTheLookup() throws Exception {
        SumDbRecord first = lookup();
        List<String> tiles = requests.stream().filter(p -> p.contains("/tile/")).toList();
        assertEquals(1 + tiles.size(), requests.size(), requests.toString());
        assertTrue(tiles.size() >= 4, tiles.toString());
        for (String tile : tiles) {
            String dbPath = tile.substring("/sumdb/sum.golang.org/".length());
            assertArrayEquals(recorded(dbPath), Files.readAllBytes(cache().resolve(dbPath)), "cmd/go's layout: " + dbPath);
        }
        assertArrayEquals(recorded(TOOLCHAIN.lookupPath()), Files.readAllBytes(cache().resolve(TOOLCHAIN.lookupPath())));

        requests.clear();
        assertEquals(first, lookup());
        assertEquals(List.of("/sumdb/sum.golang.org/" + TOOLCHAIN.lookupPath()), requests, "a lookup always asks; tiles come from the cache");
    }

    @Test
    void tilesGoWroteIntoGoModCacheAreRead() throws Exception {
        SumDbRecordings.Replay replay = SumDbRecordings.transport();
        SumDbClientTest.lookup(replay, TOOLCHAIN);
        for (String path : replay.reads.subList(1, replay.reads.size())) {
            Files.createDirectories(cache().resolve(path).getParent());
            Files.write(cache().resolve(path), replay.recorded(path));
        }
        assertEquals(TOOLCHAIN.zipHash(), lookup().zipHash());
        assertEquals(List.of("/sumdb/sum.golang.org/" + TOOLCHAIN.lookupPath()), requests);
    }

    @Test
    void aPoisonedCachedTileFailsTheProofAndAnEmptyOneIsIgnored() throws Exception {
        lookup();
        String tile = onlyTile(".p/");
        byte[] poisoned = Files.readAllBytes(cache().resolve(tile));
        poisoned[5] ^= 1;
        Files.write(cache().resolve(tile), poisoned);
        ChecksumException e = assertThrows(ChecksumException.class, this::lookup);
        assertTrue(e.getMessage().contains("tiles do not hash to the signed tree root"), e.getMessage());

        Files.write(cache().resolve(tile), new byte[0]); // cmd/go's sign of a write it did not finish
        requests.clear();
        lookup();
        assertEquals(2, requests.size(), requests.toString());
        assertArrayEquals(recorded(tile), Files.readAllBytes(cache().resolve(tile)), "the tile proven again is cached again");
    }

    @Test
    void onlyWhatTheClientVerifiedIsWritten() throws Exception {
        String tile = firstTile();
        byte[] changed = recorded(tile);
        changed[0] ^= 1;
        replaced.put(tile, changed);
        assertThrows(ChecksumException.class, this::lookup);
        assertFalse(Files.exists(cache()), "nothing of a refused answer reaches the cache");

        ProxySumDbTransport transport = transport();
        assertArrayEquals(changed, transport.read(tile));
        assertFalse(Files.exists(cache()), "reading writes nothing");
        transport.verified(tile, recorded(tile));
        assertArrayEquals(recorded(tile), Files.readAllBytes(cache().resolve(tile)));
        try (Stream<Path> files = Files.list(cache().resolve(tile).getParent())) {
            assertEquals(List.of(cache().resolve(tile)), files.toList(), "the temporary file was moved into place");
        }
    }

    @Test
    void absentFilesAreFileNotFoundWithTheServersAnswerOtherStatusesIOException() throws Exception {
        FileNotFoundException e = assertThrows(FileNotFoundException.class, () -> transport().read("lookup/example.com/none@v1.0.0"));
        assertEquals("reading " + proxy + "sumdb/sum.golang.org/lookup/example.com/none@v1.0.0: HTTP 404\n"
                + "\tserver response: not found: /sumdb/sum.golang.org/lookup/example.com/none@v1.0.0", e.getMessage());
        ChecksumException notFound = assertThrows(ChecksumException.class,
                () -> new SumDbClient(SumDbSetting.sumGolangOrg(), transport()).lookup("example.com/none", "v1.0.0"));
        assertTrue(notFound.getMessage().startsWith("example.com/none@v1.0.0: not found in the checksum database sum.golang.org: reading "),
                notFound.getMessage());

        assertTrue(ProxySumDbTransport.supported(proxy, "sum.golang.org", HttpClient.newHttpClient(), Duration.ofSeconds(10)));
        assertFalse(ProxySumDbTransport.supported(proxy, "sum.example.com", HttpClient.newHttpClient(), Duration.ofSeconds(10)));
        server.createContext("/broken/", exchange -> {
            exchange.sendResponseHeaders(500, -1);
            exchange.close();
        });
        URI broken = URI.create(proxy + "broken");
        IOException failure = assertThrows(IOException.class,
                () -> ProxySumDbTransport.supported(broken, "sum.golang.org", HttpClient.newHttpClient(), Duration.ofSeconds(10)));
        assertEquals("reading " + broken + "/sumdb/sum.golang.org/supported: HTTP 500", failure.getMessage());
        assertThrows(IllegalArgumentException.class, () -> transport().read("tile/../../x"));

        replaced.put("tile/8/0/000", new byte[(1 << 20) + 1]);
        IOException tooLarge = assertThrows(IOException.class, () -> transport().read("tile/8/0/000"));
        assertTrue(tooLarge.getMessage().endsWith("the answer is larger than 1048576 bytes, which no lookup or tile of a checksum database is"),
                tooLarge.getMessage());
    }

    private SumDbRecord lookup() throws IOException, ChecksumException {
        return new SumDbClient(SumDbSetting.sumGolangOrg(), transport()).lookup(TOOLCHAIN.path(), TOOLCHAIN.version());
    }

    private ProxySumDbTransport transport() {
        return new ProxySumDbTransport(proxy, "sum.golang.org", HttpClient.newHttpClient(), Duration.ofSeconds(10), Optional.of(goModCache));
    }

    private Path cache() {
        return goModCache.resolve("cache/download/sumdb/sum.golang.org");
    }

    private String onlyTile(String containing) throws Exception {
        SumDbRecordings.Replay replay = SumDbRecordings.transport();
        SumDbClientTest.lookup(replay, TOOLCHAIN);
        return replay.reads.stream().filter(p -> p.startsWith("tile/") && p.contains(containing)).findFirst().orElseThrow();
    }

    private String firstTile() throws Exception {
        return onlyTile("tile/");
    }

    private static byte[] recorded(String dbPath) throws IOException {
        try {
            return Files.readAllBytes(SumDbRecordings.DIR.resolve(dbPath));
        } catch (NoSuchFileException e) {
            return null;
        }
    }
}
