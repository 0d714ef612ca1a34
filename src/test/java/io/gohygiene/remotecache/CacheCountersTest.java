package io.gohygiene.remotecache;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The time on the network a person reads in the summary: parallel requests count their wall-clock time once. */
class CacheCountersTest {

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
}
