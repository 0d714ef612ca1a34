package io.gohygiene.remotecache;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The cache program's counters, updated from its worker threads, and its warnings: one per kind of problem (keyed),
 * so a server that is down says so once, not once per object.
 */
final class CacheCounters {

    final AtomicLong gets = new AtomicLong();
    final AtomicLong localHits = new AtomicLong();
    final AtomicLong remoteHits = new AtomicLong();
    final AtomicLong misses = new AtomicLong();
    final AtomicLong rejected = new AtomicLong();
    final AtomicLong puts = new AtomicLong();
    final AtomicLong pushed = new AtomicLong();
    final AtomicLong bytesDown = new AtomicLong();
    final AtomicLong bytesUp = new AtomicLong();
    final AtomicLong networkNanos = new AtomicLong();
    private final Map<String, String> warnings = new LinkedHashMap<>();
    private int requestsInFlight;
    private long networkSince;

    /**
     * A request to the server starts. The network time counts the wall-clock time with at least one request in flight:
     * summed per request, 16 parallel gets would report 16 times the time the build actually waited.
     */
    synchronized void requestStarted() {
        if (requestsInFlight++ == 0) {
            networkSince = System.nanoTime();
        }
    }

    /** A request started with {@link #requestStarted()} ended (answered, failed or timed out). */
    synchronized void requestEnded() {
        if (--requestsInFlight == 0) {
            networkNanos.addAndGet(System.nanoTime() - networkSince);
        }
    }

    /** Records {@code message} unless a warning of {@code kind} was recorded already; true when it was the first. */
    synchronized boolean warnOnce(String kind, String message) {
        return warnings.putIfAbsent(kind, message) == null;
    }

    synchronized RemoteCacheSummary summary() {
        return new RemoteCacheSummary(gets.get(), localHits.get(), remoteHits.get(), misses.get(), rejected.get(), puts.get(),
                pushed.get(), bytesDown.get(), bytesUp.get(), Duration.ofNanos(networkNanos.get()), new ArrayList<>(warnings.values()));
    }
}
