package io.gohygiene.remotecache;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Random;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The remote cache's test server speaks the wire layout the plugin uses: the fixture proven with plain java.net.http. */
class NginxWebDavTest {

    @TempDir
    Path dir;

    @Test
    void anObjectPutUnderCasComesBackByteForByte() throws Exception {
        try (NginxWebDav server = NginxWebDav.startIn(dir)) {
            byte[] object = "the bytes of a compiled package\n".getBytes(StandardCharsets.UTF_8);
            String id = sha256(object);

            assertEquals(201, put(server.url() + "cas/" + id, object, null).statusCode());
            HttpResponse<byte[]> got = get(server.url() + "cas/" + id, null);

            assertEquals(200, got.statusCode());
            assertArrayEquals(object, got.body());
            assertArrayEquals(object, Files.readAllBytes(server.store().resolve("cas").resolve(id)));
        }
    }

    @Test
    void putCreatesTheAcDirectoryAndAReputReplacesTheEntry() throws Exception {
        try (NginxWebDav server = NginxWebDav.startIn(dir)) {
            String action = sha256("action".getBytes(StandardCharsets.UTF_8));
            String entry = sha256("output".getBytes(StandardCharsets.UTF_8)) + " 6\n";
            assertFalse(Files.exists(server.store().resolve("ac")));

            assertEquals(201, put(server.url() + "ac/" + action, bytes(entry), null).statusCode());
            assertEquals(204, put(server.url() + "ac/" + action, bytes(entry), null).statusCode());

            assertEquals(entry, Files.readString(server.store().resolve("ac").resolve(action)));
            assertEquals(entry, new String(get(server.url() + "ac/" + action, null).body(), StandardCharsets.UTF_8));
        }
    }

    @Test
    void aMissingKeyIs404() throws Exception {
        try (NginxWebDav server = NginxWebDav.startIn(dir)) {
            assertEquals(404, get(server.url() + "ac/" + "0".repeat(64), null).statusCode());
            assertEquals(404, get(server.url() + "cas/" + "0".repeat(64), null).statusCode());
        }
    }

    @Test
    void bytesChangedInTheStoreAreWhatTheServerServes() throws Exception {
        try (NginxWebDav server = NginxWebDav.startIn(dir)) {
            byte[] object = bytes("genuine");
            String id = sha256(object);
            put(server.url() + "cas/" + id, object, null);

            Files.write(server.store().resolve("cas").resolve(id), bytes("poisoned"));

            assertArrayEquals(bytes("poisoned"), get(server.url() + "cas/" + id, null).body());
        }
    }

    @Test
    void afterStopConnectsAreRefusedAndStartServesTheStoredObjectOnTheSamePort() throws Exception {
        try (NginxWebDav server = NginxWebDav.startIn(dir)) {
            String url = server.url();
            byte[] object = bytes("kept across a restart");
            String id = sha256(object);
            put(url + "cas/" + id, object, null);

            server.stop();
            server.stop();   // idempotent

            assertFalse(server.isRunning());
            assertThrows(ConnectException.class, () -> connect(server.port()));
            assertThrows(ConnectException.class, () -> get(url + "cas/" + id, null));

            server.start();

            assertEquals(url, server.url());
            HttpResponse<byte[]> got = get(url + "cas/" + id, null);
            assertEquals(200, got.statusCode());
            assertArrayEquals(object, got.body());
        }
    }

    @Test
    void aFiveMegabyteObjectRoundTrips() throws Exception {
        try (NginxWebDav server = NginxWebDav.startIn(dir)) {
            byte[] object = new byte[5 * 1024 * 1024];
            new Random(20).nextBytes(object);
            String id = sha256(object);

            assertEquals(201, put(server.url() + "cas/" + id, object, null).statusCode());
            HttpResponse<byte[]> got = get(server.url() + "cas/" + id, null);

            assertEquals(200, got.statusCode());
            assertEquals(id, sha256(got.body()));
        }
    }

    @Test
    void withBasicAuthEveryRequestNeedsTheCredentials() throws Exception {
        try (NginxWebDav server = NginxWebDav.withBasicAuth(dir, "ci", "s3cret")) {
            byte[] object = bytes("for authenticated builds");
            String at = server.url() + "cas/" + sha256(object);

            assertEquals(401, put(at, object, null).statusCode());
            assertEquals(401, put(at, object, basic("ci", "wrong")).statusCode());
            assertEquals(201, put(at, object, basic("ci", "s3cret")).statusCode());
            assertEquals(204, put(at, object, basic("ci", "s3cret")).statusCode());
            assertEquals(401, get(at, null).statusCode());
            assertArrayEquals(object, get(at, basic("ci", "s3cret")).body());
        }
    }

    @Test
    void withBasicAuthForWritesAnyoneReadsButOnlyTheUserWrites() throws Exception {
        try (NginxWebDav server = NginxWebDav.withBasicAuthForWrites(dir, "pusher", "p@ss:word")) {
            byte[] object = bytes("pushed by a trusted branch");
            String at = server.url() + "cas/" + sha256(object);

            assertEquals(401, put(at, object, null).statusCode());
            assertEquals(404, get(at, null).statusCode());
            assertEquals(201, put(at, object, basic("pusher", "p@ss:word")).statusCode());
            HttpResponse<byte[]> anonymous = get(at, null);
            assertEquals(200, anonymous.statusCode());
            assertArrayEquals(object, anonymous.body());
        }
    }

    @Test
    void theDocsNginxRecipeGivesAnonymousReadsAndAuthenticatedWrites() throws Exception {
        String recipe = nginxBlockOf(Path.of("docs/remote-cache-servers.md"));
        String block = replaceOnce(replaceOnce(replaceOnce(recipe,
                "listen 8080;", "listen 127.0.0.1:" + NginxWebDav.PORT + ";"),
                "root /srv/go-cache;", "root " + NginxWebDav.STORE + ";"),
                "/etc/nginx/go-cache.htpasswd", NginxWebDav.HTPASSWD);
        try (NginxWebDav server = NginxWebDav.withServerBlock(dir, block, "ci-push", "the-password")) {
            String entry = sha256(bytes("output")) + " 6\n";
            String at = server.url() + "go/ac/" + sha256(bytes("action"));

            assertEquals(404, get(at, null).statusCode());
            assertEquals(401, put(at, bytes(entry), null).statusCode());
            assertEquals(401, put(at, bytes(entry), basic("ci-push", "wrong")).statusCode());
            assertEquals(201, put(at, bytes(entry), basic("ci-push", "the-password")).statusCode());
            assertEquals(204, put(at, bytes(entry), basic("ci-push", "the-password")).statusCode());
            HttpResponse<byte[]> anonymous = get(at, null);

            assertEquals(200, anonymous.statusCode());
            assertEquals(entry, new String(anonymous.body(), StandardCharsets.UTF_8));
            assertTrue(Files.isRegularFile(server.store().resolve("go/ac").resolve(sha256(bytes("action")))));
        }
    }

    @Test
    void theServersOwnFilesStayInItsDirectory() throws Exception {
        try (NginxWebDav server = NginxWebDav.startIn(dir)) {
            get(server.url() + "ac/" + "1".repeat(64), null);

            assertTrue(Files.exists(dir.resolve("nginx.conf")));
            assertTrue(Files.exists(dir.resolve("nginx.pid")));
            assertTrue(Files.readString(server.accessLog()).contains("GET /ac/" + "1".repeat(64) + " HTTP/1.1\" 404"));
            assertTrue(server.store().startsWith(dir));
        }
    }

    /** The first ```nginx block of a markdown file. */
    private static String nginxBlockOf(Path markdown) throws IOException {
        String text = Files.readString(markdown);
        int start = text.indexOf("```nginx\n");
        assertTrue(start >= 0, markdown + " has no ```nginx block");
        int from = start + "```nginx\n".length();
        return text.substring(from, text.indexOf("```", from));
    }

    /** The recipe must still say what the test replaces, or the test would silently test something else. */
    private static String replaceOnce(String text, String what, String with) {
        assertEquals(1, text.split(Pattern.quote(what), -1).length - 1, "the recipe should contain once: " + what);
        return text.replace(what, with);
    }

    private static HttpResponse<byte[]> get(String url, String authorization) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).GET();
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return send(request.build());
    }

    private static HttpResponse<byte[]> put(String url, byte[] body, String authorization) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).PUT(HttpRequest.BodyPublishers.ofByteArray(body));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return send(request.build());
    }

    /** A client per request: a pooled connection to a stopped server would fail differently from a refused connect. */
    private static HttpResponse<byte[]> send(HttpRequest request) throws IOException, InterruptedException {
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        return client.send(request, HttpResponse.BodyHandlers.ofByteArray());
    }

    private static void connect(int port) throws IOException {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 2000);
        }
    }

    private static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static String sha256(byte[] data) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(data));
    }
}
