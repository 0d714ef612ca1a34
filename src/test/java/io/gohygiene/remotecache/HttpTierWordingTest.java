package io.gohygiene.remotecache;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What a person reads about the server: the network time of parallel requests, a server that hangs up. */
class HttpTierWordingTest {

    @TempDir
    Path dir;

    @Test
    void overlappingRequestsCountTheirWallClockTimeOnce() throws Exception {
        CacheCounters counters = new CacheCounters();
        long before = System.nanoTime();
        counters.requestStarted();
        counters.requestStarted();
        Thread.sleep(30);
        counters.requestEnded();
        assertEquals(0, counters.networkNanos.get(), "one request is still in flight: the interval is not over");
        counters.requestEnded();
        long window = System.nanoTime() - before;
        long counted = counters.networkNanos.get();
        // Summed per request it would be at least 60 ms and more than the window the two shared.
        assertTrue(counted >= Duration.ofMillis(30).toNanos() && counted <= window, counted + " ns counted in a window of " + window);

        counters.requestStarted();
        counters.requestEnded();
        assertTrue(counters.networkNanos.get() > counted, "a later request adds its own time");
    }

    @Test
    void aServerThatHangsUpIsSaidInWords() throws Exception {
        try (ServerSocket server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            Thread hangUp = new Thread(() -> {
                while (!server.isClosed()) {
                    try (Socket s = server.accept()) {
                        s.getInputStream().read(new byte[512]);  // take the request, answer nothing
                    } catch (Exception e) {
                        return;
                    }
                }
            });
            hangUp.setDaemon(true);
            hangUp.start();
            CacheCounters counters = new CacheCounters();
            RemoteCache settings = new RemoteCache(URI.create("http://127.0.0.1:" + server.getLocalPort() + "/cache/"), Optional.empty(),
                    Optional.empty(), Optional.empty(), false, Duration.ofSeconds(5), dir);
            HttpTier tier = new HttpTier(settings, counters);
            assertTrue(tier.entry(new byte[32]).isEmpty());
            RemoteCacheSummary summary = counters.summary();
            assertEquals(1, summary.warnings().size(), summary.warnings().toString());
            String warning = summary.warnings().get(0);
            assertTrue(warning.contains("is unreachable (it closed the connection without an answer)"), warning);
            assertTrue(!warning.contains("header parser"), warning);
        }
    }
}
