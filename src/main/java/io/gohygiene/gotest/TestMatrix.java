package io.gohygiene.gotest;

import io.gohygiene.gobuild.CToolchain;
import io.gohygiene.platform.Platform;
import io.gohygiene.platform.Target;
import io.gohygiene.process.DaemonThreads;
import io.gohygiene.process.ProcessRunner;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * The host's {@code go test} and each emulated target's, run at once up to the request's parallelism, as the build
 * goal builds its targets: a linux/arm64 suite under qemu takes as long as the host's or longer, and neither needs the
 * other. Each run has its own go process, its own reports ({@code TEST-<package>.xml} for the host,
 * {@code TEST-<package>-<goos>-<goarch>.xml} for a target) and its own timeout; the results come back in a fixed
 * order, the host first, whatever finished first, so the log reads the same every time.
 */
public final class TestMatrix {

    /** One go test run: the host's ({@code plan} empty) or an emulated target's. */
    public record Run(Optional<EmulatedTestPlan> plan, GoTestResult result) {

        /** Empty for the host run, else the target's name. */
        public String label() {
            return plan.map(p -> p.target().name()).orElse("");
        }

        public Target target(Target host) {
            return plan.map(EmulatedTestPlan::target).orElse(host);
        }
    }

    private TestMatrix() {
    }

    /**
     * Runs the host's tests and those of every plan that has an emulator (plans without one are the caller's to
     * report), {@code request.build().parallelism()} at a time.
     *
     * @param cToolchains the C toolchain pinned per configured target ({@code <cc>zig</cc>}), by the target as configured
     * @throws GoTestException the first failure in the order of the runs, after every run has ended
     */
    public static List<Run> runAll(Path go, Platform host, Target hostTarget, List<EmulatedTestPlan> plans,
                                   Map<Target, CToolchain> cToolchains, GoTestRequest request) throws GoTestException {
        List<EmulatedTestPlan> runnable = plans.stream().filter(p -> p.emulator().isPresent()).toList();
        int threads = Math.min(Math.max(1, request.build().parallelism()), 1 + runnable.size());
        ExecutorService pool = Executors.newFixedThreadPool(threads, DaemonThreads.numbered("go-hygiene-test"));
        try {
            List<Future<Run>> futures = new ArrayList<>();
            futures.add(pool.submit(() -> new Run(Optional.empty(), GoTestRun.run(go, host, hostTarget,
                    cToolchains.getOrDefault(hostTarget, CToolchain.DEFAULT), request, new ProcessRunner()))));
            for (EmulatedTestPlan plan : runnable) {
                futures.add(pool.submit(() -> new Run(Optional.of(plan), GoTestRun.runEmulated(go, host, plan.target(),
                        cToolchains.getOrDefault(plan.configured(), CToolchain.DEFAULT), request, plan.emulator().orElseThrow(),
                        new ProcessRunner()))));
            }
            List<Run> runs = new ArrayList<>();
            GoTestException first = null;
            for (Future<Run> future : futures) {
                try {
                    runs.add(future.get());
                } catch (ExecutionException e) {
                    GoTestException failure = e.getCause() instanceof GoTestException g ? g
                            : new GoTestException("go test failed unexpectedly: " + e.getCause() + "; please report this with the build log", e.getCause());
                    if (first == null) {
                        first = failure;
                    } else {
                        first.addSuppressed(failure);
                    }
                }
            }
            if (first != null) {
                throw first;
            }
            return runs;
        } catch (InterruptedException e) {
            DaemonThreads.stopAndAwait(pool);
            Thread.currentThread().interrupt();
            throw new GoTestException("interrupted while running the tests", e);
        } finally {
            pool.shutdownNow();
        }
    }
}
