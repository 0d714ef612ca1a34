package io.gohygiene.remotecache;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import static io.gohygiene.remotecache.CacheProtocolClient.diskPath;
import static io.gohygiene.remotecache.CacheProtocolClient.isMiss;
import static io.gohygiene.remotecache.CacheProtocolClient.outputId;
import static io.gohygiene.remotecache.CacheProtocolClient.sha256;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The cache program driven in this JVM the way go drives it (get/put/close over its stdin/stdout), against a real
 * nginx WebDAV store and against JDK HTTP servers that misbehave on purpose. Each test checks what go gets back
 * (hit, miss, error, the bytes at DiskPath) and what the user is told (the report line the build prints): counts,
 * and each kind of problem said once, not once per object.
 */
class CacheProgramTest {

    private static final HexFormat HEX = HexFormat.of();

    private static final String LOGIN_PAGE = "<html><body><h1>Please sign in</h1></body></html>";

    private static NginxWebDav nginx;

    @TempDir
    static Path shared;

    @TempDir
    Path dir;

    /** Not seeded: the tests share one server store, and IDs repeated across tests would see each other's objects. */
    private final Random random = new Random();

    @BeforeAll
    static void startNginx() throws IOException {
        nginx = NginxWebDav.startIn(shared.resolve("nginx"));
    }

    @AfterAll
    static void stopNginx() {
        if (nginx != null) {
            nginx.stop();
        }
    }

    // a.
    @Test
    void anObjectPutIsALocalHitForTheNextGoCommand() throws Exception {
        byte[] action = randomId();
        byte[] body = randomBytes(70_000);
        Path local = dir.resolve("local");
        try (CacheProtocolClient go = client(cache(nginx.url(), false, local), report("first"))) {
            assertEquals(List.of("get", "put", "close"), go.knownCommands());
            JsonNode stored = go.put(action, body);
            assertFalse(stored.has("Err"), stored.toString());
            assertArrayEquals(body, Files.readAllBytes(diskPath(stored)));
            assertEquals(0, go.sendClose());
        }
        try (CacheProtocolClient go = client(cache(nginx.url(), false, local), report("second"))) {
            JsonNode hit = go.get(action);
            assertFalse(isMiss(hit), hit.toString());
            assertArrayEquals(body, Files.readAllBytes(diskPath(hit)));
            assertArrayEquals(sha256(body), outputId(hit));
            assertEquals(body.length, hit.get("Size").asLong());
            assertTrue(hit.hasNonNull("Time"), "go expires entries by their time: " + hit);
            assertEquals(0, go.sendClose());
            assertEquals(List.of(), go.unexpected());
        }
        RemoteCacheSummary second = RemoteCacheSummary.read(report("second"));
        assertEquals(1, second.localHits(), second.line());
        assertEquals(0, second.remoteHits() + second.misses(), second.line());
        assertEquals(List.of(), second.warnings());
    }

    // b.
    @Test
    void whatMachineAPushesMachineBReadsBackWithoutWriting() throws Exception {
        Map<String, byte[]> bodies = new TreeMap<>();   // action ID hex → body
        long sum = 0;
        try (CacheProtocolClient a = client(cache(nginx.url(), true, dir.resolve("a")), report("a"))) {
            for (int i = 0; i < 20; i++) {
                byte[] body = randomBytes(1 + random.nextInt(40_000));
                byte[] action = randomId();
                assertFalse(a.put(action, body).has("Err"));
                bodies.put(HEX.formatHex(action), body);
                sum += body.length;
            }
            // The uploads run in the background: close must wait for all of them.
            assertEquals(0, a.sendClose());
        }
        for (var e : bodies.entrySet()) {
            String output = HEX.formatHex(sha256(e.getValue()));
            assertArrayEquals(e.getValue(), Files.readAllBytes(nginx.store().resolve("cas").resolve(output)));
            assertEquals(output + " " + e.getValue().length + "\n", Files.readString(nginx.store().resolve("ac").resolve(e.getKey())));
        }
        RemoteCacheSummary pushed = RemoteCacheSummary.read(report("a"));
        assertEquals(20, pushed.pushed(), pushed.line());
        assertEquals(sum, pushed.bytesUp(), pushed.line());
        assertEquals(List.of(), pushed.warnings());

        Map<Path, byte[]> before = snapshot(nginx.store());
        try (CacheProtocolClient b = client(cache(nginx.url(), false, dir.resolve("b")), report("b"))) {
            for (var e : bodies.entrySet()) {
                JsonNode hit = b.get(HEX.parseHex(e.getKey()));
                assertFalse(isMiss(hit), hit.toString());
                assertArrayEquals(e.getValue(), Files.readAllBytes(diskPath(hit)));
                assertTrue(diskPath(hit).startsWith(dir.resolve("b")), "go reads machine B's own copy: " + hit);
            }
            assertEquals(0, b.sendClose());
        }
        RemoteCacheSummary read = RemoteCacheSummary.read(report("b"));
        assertEquals(20, read.remoteHits(), read.line());
        assertEquals(0, read.pushed(), read.line());
        assertEquals(sum, read.bytesDown(), read.line());
        assertEquals(List.of(), read.warnings());
        assertStoreUnchanged(before, snapshot(nginx.store()));
    }

    // c.
    @Test
    void aPoisonedObjectIsAMissAndNeverReachesTheDisk() throws Exception {
        List<byte[]> actions = new ArrayList<>();
        List<byte[]> poisoned = new ArrayList<>();
        try (CacheProtocolClient a = client(cache(nginx.url(), true, dir.resolve("a")), report("a"))) {
            for (int i = 0; i < 3; i++) {
                byte[] action = randomId();
                byte[] body = randomBytes(5_000);
                a.put(action, body);
                actions.add(action);
            }
            assertEquals(0, a.sendClose());
        }
        for (byte[] action : actions) {
            String output = Files.readString(nginx.store().resolve("ac").resolve(HEX.formatHex(action))).split(" ")[0];
            Path object = nginx.store().resolve("cas").resolve(output);
            byte[] other = randomBytes((int) Files.size(object));   // same size: only the hash can tell
            Files.write(object, other);
            poisoned.add(other);
        }
        try (CacheProtocolClient b = client(cache(nginx.url(), false, dir.resolve("b")), report("b"))) {
            for (byte[] action : actions) {
                JsonNode response = b.get(action);
                assertTrue(isMiss(response), response.toString());
            }
            assertEquals(0, b.sendClose());
        }
        for (Path file : files(dir.resolve("b"))) {
            for (byte[] bad : poisoned) {
                assertFalse(java.util.Arrays.equals(bad, Files.readAllBytes(file)), "poisoned bytes kept in " + file);
            }
        }
        RemoteCacheSummary b = RemoteCacheSummary.read(report("b"));
        assertEquals(3, b.misses(), b.line());
        assertEquals(3, b.rejected(), b.line());
        assertOneWarning(b, "SHA-256 is not its ID");
    }

    // d.
    @Test
    void aLoginPageForEveryGetIsAMissWithOneWarning() throws Exception {
        try (Misbehaving server = Misbehaving.start(exchange -> respond(exchange, 200, "text/html; charset=utf-8",
                "<!DOCTYPE html><html><body><form action=/login>Sign in</form></body></html>"))) {
            Path local = dir.resolve("local");
            try (CacheProtocolClient go = client(cache(server.url(), false, local), report("go"))) {
                for (CompletableFuture<JsonNode> response : sendGets(go, 8)) {
                    assertTrue(isMiss(response.get()), response.get().toString());
                }
                assertEquals(0, go.sendClose());
            }
            assertEquals(List.of(), files(local), "nothing of a login page is stored");
            RemoteCacheSummary summary = RemoteCacheSummary.read(report("go"));
            assertEquals(8, summary.misses(), summary.line());
            assertOneWarning(summary, "login or error page");
        }
    }

    // e.
    @Test
    void refusedCredentialsTurnTheServerOffAfterTheFirstAnswer() throws Exception {
        try (Misbehaving server = Misbehaving.start(exchange -> respond(exchange, 401, "text/plain", "Unauthorized"))) {
            RemoteCache settings = new RemoteCache(URI.create(server.url()), Optional.of("team-cache"), Optional.of("ci"),
                    Optional.of("wrong"), false, Duration.ofSeconds(5), dir.resolve("local"));
            assertMissesThenOffAfterOneRequest(server, settings);
            assertOneWarning(RemoteCacheSummary.read(report("go")), "team-cache", "credentials");
        }
    }

    // f.
    @Test
    void aServerErrorTurnsTheServerOffAfterTheFirstAnswer() throws Exception {
        try (Misbehaving server = Misbehaving.start(exchange -> respond(exchange, 500, "text/plain", "Internal Server Error"))) {
            assertMissesThenOffAfterOneRequest(server, cache(server.url(), false, dir.resolve("local")));
            assertOneWarning(RemoteCacheSummary.read(report("go")), "HTTP 500");
        }
    }

    // g.
    @Test
    void aSlowServerCostsOneTimeoutNotOnePerObject() throws Exception {
        try (Misbehaving server = Misbehaving.start(exchange -> {
            try {
                Thread.sleep(5_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            respond(exchange, 404, "text/plain", "not found");
        })) {
            RemoteCache settings = new RemoteCache(URI.create(server.url()), Optional.empty(), Optional.empty(), Optional.empty(),
                    false, Duration.ofMillis(300), dir.resolve("local"));
            long start = System.nanoTime();
            int gets = 10;
            try (CacheProtocolClient go = client(settings, report("go"))) {
                for (int i = 0; i < gets; i++) {
                    JsonNode response = go.get(randomId());
                    assertTrue(isMiss(response), response.toString());
                }
                assertEquals(0, go.sendClose());
            }
            Duration took = Duration.ofNanos(System.nanoTime() - start);
            // One timeout (300 ms) and then nothing more on the network: far less than a single 5 s answer.
            assertTrue(took.compareTo(Duration.ofSeconds(4)) < 0, "10 gets against a stalled server took " + took);
            assertEquals(1, server.requests.get(), "after the first timeout the server is not asked again");
            RemoteCacheSummary summary = RemoteCacheSummary.read(report("go"));
            assertEquals(gets, summary.misses(), summary.line());
            assertOneWarning(summary, "did not answer within 300 ms");
        }
    }

    // h.
    @Test
    void anUnreachableServerIsOneWarning() throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = socket.getLocalPort();   // closed below: nothing listens there now
        }
        try (CacheProtocolClient go = client(cache("http://127.0.0.1:" + port + "/", false, dir.resolve("local")), report("go"))) {
            for (CompletableFuture<JsonNode> response : sendGets(go, 6)) {
                assertTrue(isMiss(response.get()), response.get().toString());
            }
            assertEquals(0, go.sendClose());
        }
        RemoteCacheSummary summary = RemoteCacheSummary.read(report("go"));
        assertEquals(6, summary.misses(), summary.line());
        assertOneWarning(summary, "unreachable");
    }

    // i.
    @Test
    void aServerThatTakesUploadsButNeverReturnsThemGivesMissesWithoutWarning() throws Exception {
        try (Misbehaving server = Misbehaving.start(exchange -> {
            exchange.getRequestBody().readAllBytes();
            respond(exchange, exchange.getRequestMethod().equals("PUT") ? 201 : 404, "text/plain", "");
        })) {
            List<byte[]> actions = new ArrayList<>();
            long sum = 0;
            try (CacheProtocolClient a = client(cache(server.url(), true, dir.resolve("a")), report("a"))) {
                for (int i = 0; i < 3; i++) {
                    byte[] body = randomBytes(2_000 + i);
                    actions.add(randomId());
                    a.put(actions.get(i), body);
                    sum += body.length;
                }
                assertEquals(0, a.sendClose());
            }
            assertEquals(6, server.puts.get(), "an object and an entry per put");
            RemoteCacheSummary pushed = RemoteCacheSummary.read(report("a"));
            assertEquals(3, pushed.pushed(), pushed.line());
            assertEquals(sum, pushed.bytesUp(), pushed.line());
            try (CacheProtocolClient b = client(cache(server.url(), false, dir.resolve("b")), report("b"))) {
                for (byte[] action : actions) {
                    assertTrue(isMiss(b.get(action)));
                }
                assertEquals(0, b.sendClose());
            }
            RemoteCacheSummary read = RemoteCacheSummary.read(report("b"));
            assertEquals(3, read.misses(), read.line());
            assertEquals(List.of(), pushed.warnings());
            assertEquals(List.of(), read.warnings());
        }
    }

    // j.
    @Test
    void aRefusedUploadStopsPushingButTheLocalTierStillServes() throws Exception {
        try (Misbehaving server = Misbehaving.start(exchange -> {
            exchange.getRequestBody().readAllBytes();
            respond(exchange, exchange.getRequestMethod().equals("PUT") ? 403 : 404, "text/plain", "Forbidden");
        })) {
            Map<String, byte[]> bodies = new TreeMap<>();
            try (CacheProtocolClient go = client(cache(server.url(), true, dir.resolve("local")), report("go"))) {
                for (int i = 0; i < 30; i++) {
                    byte[] action = randomId();
                    byte[] body = randomBytes(1_000 + i);
                    assertFalse(go.put(action, body).has("Err"));
                    bodies.put(HEX.formatHex(action), body);
                }
                for (var e : bodies.entrySet()) {
                    JsonNode hit = go.get(HEX.parseHex(e.getKey()));
                    assertArrayEquals(e.getValue(), Files.readAllBytes(diskPath(hit)));
                }
                assertEquals(0, go.sendClose());
            }
            // Only the uploads already in flight when the first 403 came back.
            assertTrue(server.puts.get() <= CacheProgram.PUSH_THREADS, server.puts.get() + " PUTs after a refusal");
            RemoteCacheSummary summary = RemoteCacheSummary.read(report("go"));
            assertEquals(0, summary.pushed(), summary.line());
            assertEquals(30, summary.localHits(), summary.line());
            assertOneWarning(summary, "refused an upload");
        }
    }

    // k.
    @Test
    void anUnusableLocalDirectoryLeavesGoWithoutACacheAndSaysWhichDirectory() throws Exception {
        Path notADirectory = dir.resolve("cache-dir");
        Files.writeString(notADirectory, "a file where the cache directory should be");   // not chmod: tests may run as root
        try (CacheProtocolClient go = client(cache(nginx.url(), true, notADirectory), report("go"))) {
            assertEquals(List.of("close"), go.knownCommands());
            assertEquals(0, go.sendClose());
        }
        assertOneWarning(RemoteCacheSummary.read(report("go")), notADirectory.toString());
    }

    // l.
    @Test
    void aPutWhoseBodyIsNotItsOutputIdIsAnErrorAndNothingIsStored() throws Exception {
        byte[] action = randomId();
        byte[] body = randomBytes(3_000);
        byte[] claimed = sha256("something else".getBytes(StandardCharsets.UTF_8));
        Path local = dir.resolve("local");
        try (CacheProtocolClient go = client(cache(nginx.url(), true, local), report("go"))) {
            JsonNode response = go.put(action, claimed, body);
            assertTrue(response.hasNonNull("Err") && !response.has("DiskPath"), response.toString());
            // The stream stays in step: the next request is read where it starts.
            byte[] good = randomBytes(10);
            assertFalse(go.put(randomId(), good).has("Err"));
            assertTrue(isMiss(go.get(action)));
            assertEquals(0, go.sendClose());
        }
        for (Path file : files(local)) {
            assertFalse(java.util.Arrays.equals(body, Files.readAllBytes(file)), "the body was kept in " + file);
        }
        assertFalse(Files.exists(nginx.store().resolve("cas").resolve(HEX.formatHex(claimed))));
        assertFalse(Files.exists(nginx.store().resolve("ac").resolve(HEX.formatHex(action))));
    }

    @Test
    void anEmptyOutputRoundTripsThroughTheServer() throws Exception {
        // go caches empty outputs too (an empty file, a package with nothing to export): no body follows its put.
        byte[] action = randomId();
        try (CacheProtocolClient a = client(cache(nginx.url(), true, dir.resolve("a")), report("a"))) {
            JsonNode stored = a.put(action, new byte[0]);
            assertFalse(stored.has("Err"), stored.toString());
            assertEquals(0, Files.size(diskPath(stored)));
            assertEquals(0, a.sendClose());
        }
        try (CacheProtocolClient b = client(cache(nginx.url(), false, dir.resolve("b")), report("b"))) {
            JsonNode hit = b.get(action);
            assertFalse(isMiss(hit), hit.toString());
            assertArrayEquals(sha256(new byte[0]), outputId(hit));
            assertEquals(0, Files.size(diskPath(hit)));
            assertEquals(0, b.sendClose());
        }
        assertEquals(1, RemoteCacheSummary.read(report("a")).pushed());
        assertEquals(1, RemoteCacheSummary.read(report("b")).remoteHits());
    }

    @Test
    void anEntryWhoseObjectTheServerEvictedIsAPlainMiss() throws Exception {
        // bazel-remote and cleanup jobs drop objects on their own schedule: a dangling entry is normal, not a fault.
        byte[] action = randomId();
        byte[] body = randomBytes(4_000);
        try (CacheProtocolClient a = client(cache(nginx.url(), true, dir.resolve("a")), report("a"))) {
            a.put(action, body);
            assertEquals(0, a.sendClose());
        }
        Files.delete(nginx.store().resolve("cas").resolve(HEX.formatHex(sha256(body))));
        try (CacheProtocolClient b = client(cache(nginx.url(), false, dir.resolve("b")), report("b"))) {
            assertTrue(isMiss(b.get(action)));
            // The server stays in use: another object is still fetched.
            byte[] other = randomId();
            byte[] otherBody = randomBytes(100);
            try (CacheProtocolClient c = client(cache(nginx.url(), true, dir.resolve("c")), report("c"))) {
                c.put(other, otherBody);
                assertEquals(0, c.sendClose());
            }
            assertArrayEquals(otherBody, Files.readAllBytes(diskPath(b.get(other))));
            assertEquals(0, b.sendClose());
        }
        RemoteCacheSummary b = RemoteCacheSummary.read(report("b"));
        assertEquals(1, b.misses(), b.line());
        assertEquals(1, b.remoteHits(), b.line());
        assertEquals(List.of(), b.warnings());
    }

    @Test
    void aPutTheLocalDiskCannotTakeIsAnErrorWithOneWarningAndTheNextRequestIsReadInStep() throws Exception {
        Path local = dir.resolve("local");
        try (CacheProtocolClient go = client(cache(nginx.url(), false, local), report("go"))) {
            assertEquals(List.of("get", "put", "close"), go.knownCommands());
            // As a full disk would: the program's temporary files can no longer be created.
            Files.delete(local.resolve("tmp"));
            Files.writeString(local.resolve("tmp"), "not a directory");
            for (int i = 0; i < 3; i++) {
                JsonNode response = go.put(randomId(), randomBytes(50_000));
                assertTrue(response.hasNonNull("Err"), response.toString());
            }
            // Each body was read to its end, so the get after them is understood as a get.
            assertTrue(isMiss(go.get(randomId())));
            assertEquals(0, go.sendClose());
        }
        RemoteCacheSummary summary = RemoteCacheSummary.read(report("go"));
        assertEquals(3, summary.puts(), summary.line());
        assertOneWarning(summary, local.toString(), "free the disk");
    }

    @Test
    void aCommandOfALaterGoIsAnErrorForThatRequestOnly() throws Exception {
        byte[] action = randomId();
        byte[] body = randomBytes(10);
        try (CacheProtocolClient go = client(cache(nginx.url(), false, dir.resolve("local")), report("go"))) {
            go.put(action, body);
            JsonNode response = go.send("stat");
            assertTrue(response.path("Err").asText().contains("stat"), response.toString());
            assertArrayEquals(body, Files.readAllBytes(diskPath(go.get(action))));
            assertEquals(0, go.sendClose());
        }
    }

    @Test
    void whenGoGoesAwayWithoutCloseTheUploadsAreStillFlushedAndReported() throws Exception {
        Map<String, byte[]> bodies = new TreeMap<>();
        try (CacheProtocolClient go = client(cache(nginx.url(), true, dir.resolve("local")), report("go"))) {
            for (int i = 0; i < 8; i++) {
                byte[] action = randomId();
                byte[] body = randomBytes(20_000);
                go.put(action, body);
                bodies.put(HEX.formatHex(action), body);
            }
            assertEquals(0, go.endInput());
        }
        for (var e : bodies.entrySet()) {
            assertTrue(Files.exists(nginx.store().resolve("ac").resolve(e.getKey())), "entry " + e.getKey() + " not pushed");
        }
        RemoteCacheSummary summary = RemoteCacheSummary.read(report("go"));
        assertEquals(8, summary.puts(), summary.line());
        assertEquals(8, summary.pushed(), summary.line());
    }

    @Test
    void aServerThatStallsInTheMiddleOfAnObjectCostsOneTimeout() throws Exception {
        assertAStallAfterTheHeadersCostsOneTimeout("/cas/");
    }

    @Test
    void aServerThatStallsInTheMiddleOfAnEntryCostsOneTimeout() throws Exception {
        assertAStallAfterTheHeadersCostsOneTimeout("/ac/");
    }

    @Test
    void anObjectThatKeepsComingSlowerThanTheTimeoutAllowsIsStillFetched() throws Exception {
        // A large object on a slow link takes longer than the timeout in all, but bytes keep arriving: not a stall.
        // (1 s rather than 300 ms: the first request of a cold JVM on a busy machine may itself take 300 ms.)
        byte[] object = randomBytes(10_000);
        byte[] entry = (HEX.formatHex(sha256(object)) + " " + object.length + "\n").getBytes(StandardCharsets.US_ASCII);
        try (Misbehaving server = Misbehaving.start(exchange -> {
            boolean isEntry = exchange.getRequestURI().getPath().startsWith("/ac/");
            byte[] body = isEntry ? entry : object;
            exchange.sendResponseHeaders(200, body.length);
            OutputStream out = exchange.getResponseBody();
            int chunks = isEntry ? 1 : 8;
            for (int i = 0; i < chunks; i++) {
                out.write(body, i * body.length / chunks, body.length / chunks);
                out.flush();
                try {
                    Thread.sleep(isEntry ? 0 : 250);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        })) {
            RemoteCache settings = new RemoteCache(URI.create(server.url()), Optional.empty(), Optional.empty(), Optional.empty(),
                    false, Duration.ofSeconds(1), dir.resolve("local"));
            long start = System.nanoTime();
            JsonNode hit;
            try (CacheProtocolClient go = client(settings, report("go"))) {
                hit = go.get(randomId());
                assertEquals(0, go.sendClose());
            }
            assertFalse(isMiss(hit), () -> hit + " " + read(report("go")).warnings());
            assertArrayEquals(object, Files.readAllBytes(diskPath(hit)));
            assertTrue(Duration.ofNanos(System.nanoTime() - start).toMillis() > 1_500, "the object came in 8 chunks 250 ms apart, longer than the 1 s timeout");
            RemoteCacheSummary summary = read(report("go"));
            assertEquals(1, summary.remoteHits(), summary.line());
            assertEquals(List.of(), summary.warnings());
        }
    }

    @Test
    void anUploadThatKeepsMovingMayTakeLongerThanTheTimeout() throws Exception {
        // A test binary of tens of MB over a CI machine's uplink: longer than the timeout in all, but never stalled.
        // The server reads 10 MB/s, so 40 MB take 4 s against a 2 s timeout, while what the socket buffers hold
        // when the client has handed over its last byte drains well within 2 s.
        byte[] body = randomBytes(40 << 20);
        AtomicInteger received = new AtomicInteger();
        try (Misbehaving server = Misbehaving.start(exchange -> {
            InputStream in = exchange.getRequestBody();
            byte[] buffer = new byte[512 << 10];
            for (int n; (n = in.readNBytes(buffer, 0, buffer.length)) > 0; ) {
                if (exchange.getRequestURI().getPath().startsWith("/cas/")) {
                    received.addAndGet(n);
                }
                try {
                    Thread.sleep(50);
                } catch (InterruptedException e) {
                    return;
                }
            }
            respond(exchange, 201, "text/plain", "");
        })) {
            RemoteCache settings = new RemoteCache(URI.create(server.url()), Optional.empty(), Optional.empty(), Optional.empty(),
                    true, Duration.ofSeconds(2), dir.resolve("local"));
            long start = System.nanoTime();
            try (CacheProtocolClient go = client(settings, report("go"))) {
                assertFalse(go.put(randomId(), body).has("Err"));
                assertEquals(0, go.sendClose());
            }
            RemoteCacheSummary summary = read(report("go"));
            assertEquals(List.of(), summary.warnings());
            assertEquals(1, summary.pushed(), summary.line());
            assertEquals(body.length, received.get());
            assertTrue(Duration.ofNanos(System.nanoTime() - start).toMillis() > 3_000, "the upload took longer than the timeout");
        }
    }

    @Test
    void anUploadToAServerThatStopsReadingTimesOutOnce() throws Exception {
        // The other side of the previous test: an upload that no longer moves (the server reads nothing and never
        // answers) must still end after the timeout, so that close, and the build, do not wait for the server.
        try (Misbehaving server = Misbehaving.start(exchange -> {
            try {
                Thread.sleep(10_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        })) {
            RemoteCache settings = new RemoteCache(URI.create(server.url()), Optional.empty(), Optional.empty(), Optional.empty(),
                    true, Duration.ofMillis(500), dir.resolve("local"));
            long start = System.nanoTime();
            try (CacheProtocolClient go = client(settings, report("go"))) {
                assertFalse(go.put(randomId(), randomBytes(16 << 20)).has("Err"));   // more than the socket buffers hold
                for (int i = 0; i < 5; i++) {
                    assertFalse(go.put(randomId(), randomBytes(1_000)).has("Err"));
                }
                assertEquals(0, go.sendClose());
            }
            Duration took = Duration.ofNanos(System.nanoTime() - start);
            assertTrue(took.compareTo(Duration.ofSeconds(5)) < 0, "close waited " + took + " for a server that reads nothing");
            RemoteCacheSummary summary = read(report("go"));
            assertEquals(0, summary.pushed(), summary.line());
            assertOneWarning(summary, "did not answer within 500 ms");
        }
    }

    /**
     * Headers and half the bytes of what is under {@code stalling} come at once, then nothing: the timeout must cover
     * the body, not only the headers, or go waits as long as the server keeps the connection open.
     */
    private void assertAStallAfterTheHeadersCostsOneTimeout(String stalling) throws Exception {
        byte[] object = randomBytes(10_000);
        byte[] entry = (HEX.formatHex(sha256(object)) + " " + object.length + "\n").getBytes(StandardCharsets.US_ASCII);
        try (Misbehaving server = Misbehaving.start(exchange -> {
            byte[] body = exchange.getRequestURI().getPath().startsWith("/ac/") ? entry : object;
            if (!exchange.getRequestURI().getPath().startsWith(stalling)) {
                exchange.sendResponseHeaders(200, body.length);
                exchange.getResponseBody().write(body);
                return;
            }
            exchange.sendResponseHeaders(200, body.length);
            OutputStream out = exchange.getResponseBody();
            out.write(body, 0, body.length / 2);
            out.flush();
            try {
                Thread.sleep(5_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        })) {
            RemoteCache settings = new RemoteCache(URI.create(server.url()), Optional.empty(), Optional.empty(), Optional.empty(),
                    false, Duration.ofMillis(300), dir.resolve("local"));
            long start = System.nanoTime();
            try (CacheProtocolClient go = client(settings, report("go"))) {
                for (int i = 0; i < 3; i++) {
                    assertTrue(isMiss(go.get(randomId())));
                }
                assertEquals(0, go.sendClose());
            }
            Duration took = Duration.ofNanos(System.nanoTime() - start);
            assertTrue(took.compareTo(Duration.ofSeconds(3)) < 0, "3 gets against a server stalled mid-body took " + took);
            RemoteCacheSummary summary = RemoteCacheSummary.read(report("go"));
            assertEquals(3, summary.misses(), summary.line());
            assertOneWarning(summary, "did not answer within 300 ms");
        }
    }

    @Test
    void credentialsFromSettingsReachAServerThatWantsThemForWritesAndWithoutThemPushingStopsOnce() throws Exception {
        // The docs' recipe: anyone reads, only the CI user writes (nginx auth_basic on PUT).
        try (NginxWebDav guarded = NginxWebDav.withBasicAuthForWrites(dir.resolve("guarded"), "ci", "s3cr3t")) {
            byte[] action = randomId();
            byte[] body = randomBytes(3_000);
            RemoteCache trusted = new RemoteCache(URI.create(guarded.url()), Optional.of("team-cache"), Optional.of("ci"),
                    Optional.of("s3cr3t"), true, Duration.ofSeconds(5), dir.resolve("trusted"));
            try (CacheProtocolClient go = client(trusted, report("trusted"))) {
                go.put(action, body);
                assertEquals(0, go.sendClose());
            }
            assertEquals(1, RemoteCacheSummary.read(report("trusted")).pushed(), RemoteCacheSummary.read(report("trusted")).line());
            assertArrayEquals(body, Files.readAllBytes(guarded.store().resolve("cas").resolve(HEX.formatHex(sha256(body)))));

            // A pull-request build that was left with push on but no credentials: told once, reads still work.
            RemoteCache anonymous = new RemoteCache(URI.create(guarded.url()), Optional.empty(), Optional.empty(), Optional.empty(),
                    true, Duration.ofSeconds(5), dir.resolve("anonymous"));
            try (CacheProtocolClient go = client(anonymous, report("anonymous"))) {
                for (int i = 0; i < 10; i++) {
                    assertFalse(go.put(randomId(), randomBytes(100 + i)).has("Err"));
                }
                assertArrayEquals(body, Files.readAllBytes(diskPath(go.get(action))));
                assertEquals(0, go.sendClose());
            }
            RemoteCacheSummary summary = RemoteCacheSummary.read(report("anonymous"));
            assertEquals(0, summary.pushed(), summary.line());
            assertEquals(1, summary.remoteHits(), summary.line());
            assertOneWarning(summary, "refused an upload with HTTP 401", "credentials");
        }
    }

    @Test
    void aRedirectToALoginPageIsAMissWithOneWarning() throws Exception {
        // Single sign-on in front of a repository manager answers 302 to its login page; the redirect is not followed.
        try (Misbehaving server = Misbehaving.start(exchange -> {
            exchange.getResponseHeaders().set("Location", "https://sso.example/login");
            exchange.sendResponseHeaders(302, -1);
        })) {
            try (CacheProtocolClient go = client(cache(server.url(), false, dir.resolve("local")), report("go"))) {
                for (CompletableFuture<JsonNode> response : sendGets(go, 5)) {
                    assertTrue(isMiss(response.get()), response.get().toString());
                }
                assertEquals(0, go.sendClose());
            }
            RemoteCacheSummary summary = RemoteCacheSummary.read(report("go"));
            assertEquals(5, summary.misses(), summary.line());
            assertOneWarning(summary, "HTTP 302");
        }
    }

    // m.
    @Test
    void aRealGoBuildAgainstALoginPageSucceedsWithOneWarningAndTheSameBinary() throws Exception {
        Path module = dir.resolve("m");
        Files.createDirectories(module);
        Files.writeString(module.resolve("go.mod"), "module example.com/m\n\ngo 1.24\n");
        Files.writeString(module.resolve("main.go"),
                "package main\n\nimport \"fmt\"\n\nfunc main() { fmt.Println(\"hello from behind a login page\") }\n");
        try (Misbehaving server = Misbehaving.start(exchange -> respond(exchange, 200, "text/html", LOGIN_PAGE))) {
            Path report = report("build");
            RemoteCache settings = cache(server.url(), false, dir.resolve("gocache").resolve("go-hygiene"));
            Map<String, String> env = new java.util.HashMap<>(settings.environment(report));
            env.put("GOCACHE", dir.resolve("gocache").toString());
            env.put("GOCACHEPROG", CacheProgramCommand.current());
            Path withProgram = dir.resolve("with-cache-program");
            goBuild(module, withProgram, env);
            // The same build with go's own cache only (the user's, usually warm): the cache program must not change
            // a byte of what is linked, whatever the server sends.
            Path plain = dir.resolve("plain");
            goBuild(module, plain, Map.of());
            assertArrayEquals(Files.readAllBytes(plain), Files.readAllBytes(withProgram));
            Process run = new ProcessBuilder(withProgram.toString()).redirectErrorStream(true).start();
            assertEquals("hello from behind a login page\n", new String(run.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
            assertEquals(0, run.waitFor());

            RemoteCacheSummary summary = RemoteCacheSummary.read(report);
            assertTrue(summary.gets() > 10 && summary.misses() == summary.gets(), summary.line());
            assertOneWarning(summary, "login or error page");
            // go's own outputs fill the local tier; the page never becomes one of them.
            for (Path file : files(dir.resolve("gocache").resolve("go-hygiene"))) {
                assertFalse(Files.readString(file, StandardCharsets.ISO_8859_1).contains("Please sign in"), "the page was stored as " + file);
            }
        }
    }

    // ---- helpers

    private static void goBuild(Path module, Path output, Map<String, String> environment) throws Exception {
        ProcessBuilder go = new ProcessBuilder("go", "build", "-trimpath", "-o", output.toString(), ".")
                .directory(module.toFile()).redirectErrorStream(true);
        go.environment().put("GOFLAGS", "-buildvcs=false");
        go.environment().put("GOTOOLCHAIN", "local");
        go.environment().putAll(environment);
        Process process = go.start();
        String log = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, process.waitFor(), "go build: " + log);
    }

    private void assertMissesThenOffAfterOneRequest(Misbehaving server, RemoteCache settings) throws Exception {
        try (CacheProtocolClient go = client(settings, report("go"))) {
            // One at a time, as a build whose packages depend on each other asks: the first answer turns the tier off.
            for (int i = 0; i < 5; i++) {
                JsonNode response = go.get(randomId());
                assertTrue(isMiss(response), response.toString());
            }
            assertEquals(0, go.sendClose());
        }
        assertEquals(1, server.requests.get(), "requests after the server said no");
        RemoteCacheSummary summary = RemoteCacheSummary.read(report("go"));
        assertEquals(5, summary.misses(), summary.line());
    }

    /** The report, for a failure message too. */
    private static RemoteCacheSummary read(Path report) {
        try {
            return RemoteCacheSummary.read(report);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static void assertOneWarning(RemoteCacheSummary summary, String... mentions) {
        assertEquals(1, summary.warnings().size(), summary.warnings().toString());
        for (String mention : mentions) {
            assertTrue(summary.warnings().get(0).contains(mention), "'" + mention + "' in " + summary.warnings());
        }
    }

    private static void assertStoreUnchanged(Map<Path, byte[]> before, Map<Path, byte[]> after) {
        assertEquals(before.keySet(), after.keySet(), "a read-only build must not add to the server");
        before.forEach((file, bytes) -> assertArrayEquals(bytes, after.get(file), file + " changed"));
    }

    private List<CompletableFuture<JsonNode>> sendGets(CacheProtocolClient go, int n) throws IOException {
        List<CompletableFuture<JsonNode>> responses = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            responses.add(go.sendGet(randomId()));
        }
        return responses;
    }

    private CacheProtocolClient client(RemoteCache settings, Path report) throws IOException {
        return new CacheProtocolClient(new CacheProgram(settings, Optional.of(report)));
    }

    private static RemoteCache cache(String url, boolean push, Path local) {
        return new RemoteCache(URI.create(url), Optional.empty(), Optional.empty(), Optional.empty(), push,
                Duration.ofSeconds(5), local);
    }

    private Path report(String name) {
        return dir.resolve("report-" + name + ".jsonl");
    }

    private byte[] randomId() {
        return randomBytes(32);
    }

    private byte[] randomBytes(int n) {
        byte[] bytes = new byte[n];
        random.nextBytes(bytes);
        return bytes;
    }

    private static List<Path> files(Path root) throws IOException {
        if (!Files.exists(root)) {
            return List.of();
        }
        try (Stream<Path> walk = Files.walk(root)) {
            return walk.filter(Files::isRegularFile).toList();
        }
    }

    private static Map<Path, byte[]> snapshot(Path root) throws IOException {
        Map<Path, byte[]> files = new TreeMap<>();
        for (Path file : files(root)) {
            files.put(root.relativize(file), Files.readAllBytes(file));
        }
        return files;
    }

    private static void respond(HttpExchange exchange, int status, String contentType, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", contentType);
        exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    private interface Behaviour {
        void handle(HttpExchange exchange) throws IOException;
    }

    /** A JDK HTTP server on 127.0.0.1 that misbehaves as the test says, counting what it was asked. */
    private static final class Misbehaving implements AutoCloseable {
        final AtomicInteger requests = new AtomicInteger();
        final AtomicInteger puts = new AtomicInteger();
        private final HttpServer server;
        private final ExecutorService threads = Executors.newCachedThreadPool();

        private Misbehaving(Behaviour behaviour) throws IOException {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            server.createContext("/", exchange -> {
                requests.incrementAndGet();
                if (exchange.getRequestMethod().equals("PUT")) {
                    puts.incrementAndGet();
                }
                try (exchange) {
                    behaviour.handle(exchange);
                }
            });
            server.setExecutor(threads);
            server.start();
        }

        static Misbehaving start(Behaviour behaviour) throws IOException {
            return new Misbehaving(behaviour);
        }

        String url() {
            return "http://127.0.0.1:" + server.getAddress().getPort() + "/";
        }

        @Override
        public void close() {
            server.stop(0);
            threads.shutdownNow();   // wakes a handler that sleeps
        }
    }
}
