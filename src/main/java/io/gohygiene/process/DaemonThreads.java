package io.gohygiene.process;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Threads that run go processes for a goal (a target's build, a target's tests): daemons, so a JVM that Maven ends
 * is not held open by them, and named so a thread dump says what each was doing.
 */
public final class DaemonThreads {

    private DaemonThreads() {
    }

    /** Daemon threads named {@code prefix-1}, {@code prefix-2}, … */
    public static ThreadFactory numbered(String prefix) {
        AtomicInteger counter = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, prefix + "-" + counter.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }

    /**
     * Interrupts what still runs in {@code pool}, each task of which then kills its go and every process go started
     * ({@link ProcessRunner}), and waits up to 30 s for that: the caller may exit as soon as it returns, and nothing
     * must keep running behind it.
     */
    public static void stopAndAwait(ExecutorService pool) {
        pool.shutdownNow();
        try {
            pool.awaitTermination(30, TimeUnit.SECONDS);
        } catch (InterruptedException again) {
            Thread.currentThread().interrupt();
        }
    }
}
