package io.gohygiene.remotecache;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The one warning a build shows when the server goes away says why in words a user reads, not the JDK's
 * (RemoteCacheMatrixTest saw "unreachable (ConnectException)" when nginx was killed mid-target, and a request in
 * flight at the kill reads "HTTP/1.1 header parser received no bytes").
 */
class HttpTierUnreachableWordingTest {

    @TempDir
    Path dir;

    @Test
    void aPortNobodyListensOnSaysItCannotConnect() throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = socket.getLocalPort();
        }
        String warning = warningOfOneGet(port);
        assertTrue(warning.startsWith("the remote cache http://127.0.0.1:" + port + "/ is unreachable (cannot connect)"), warning);
        assertFalse(warning.contains("Exception"), warning);
    }

    @Test
    void aServerThatClosesTheConnectionWithoutAnAnswerIsSaidSo() throws Exception {
        // What a killed nginx does to a request in flight: the connection ends before any byte of an answer.
        try (ServerSocket socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            Thread server = new Thread(() -> {
                while (!socket.isClosed()) {
                    try (Socket connection = socket.accept()) {
                        connection.getInputStream().read();
                    } catch (java.io.IOException e) {
                        return;
                    }
                }
            }, "closes-without-answer");
            server.setDaemon(true);
            server.start();
            String warning = warningOfOneGet(socket.getLocalPort());
            assertTrue(warning.contains("is unreachable (it closed the connection without answering)"), warning);
            assertFalse(warning.contains("header parser"), warning);
        }
    }

    private String warningOfOneGet(int port) throws Exception {
        CacheCounters counters = new CacheCounters();
        RemoteCache settings = new RemoteCache(URI.create("http://127.0.0.1:" + port + "/"), Optional.empty(), Optional.empty(),
                Optional.empty(), false, Duration.ofSeconds(5), dir.resolve("tier"));
        HttpTier tier = new HttpTier(settings, counters);
        assertEquals(Optional.empty(), tier.entry(new byte[32]));
        assertFalse(tier.usable());
        List<String> warnings = counters.summary().warnings();
        assertEquals(1, warnings.size(), warnings.toString());
        return warnings.get(0);
    }
}
