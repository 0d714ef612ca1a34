package io.gohygiene.gobuild;

import io.gohygiene.platform.Platform;
import io.gohygiene.platform.Target;
import io.gohygiene.process.DaemonThreads;
import io.gohygiene.process.ProcessRunner;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Builds every target, at most {@code request.parallelism()} at once. A failing target does not stop the others;
 * when all have finished, one {@link BuildException} names every target that failed.
 */
public final class BuildMatrix {

    /**
     * Hears about each target as it starts and ends. Called from the build threads, possibly at the same time
     * for different targets: implementations must be thread-safe (Maven's Log is).
     */
    public interface Listener {
        void started(Target t);

        void finished(BuildResult r);

        void failed(Target t, BuildException e);

        /** A line go printed while building {@code t}; ignored unless overridden. */
        default void output(Target t, String line, boolean stderr) {
        }

        Listener NONE = new Listener() {
            @Override
            public void started(Target t) {
            }

            @Override
            public void finished(BuildResult r) {
            }

            @Override
            public void failed(Target t, BuildException e) {
            }
        };
    }

    private BuildMatrix() {
    }

    /** Results in the order of {@code targets}. */
    public static List<BuildResult> buildAll(Path go, BuildRequest request, List<Target> targets, Listener listener)
            throws BuildException {
        return buildAll(go, request, targets, Map.of(), listener);
    }

    /**
     * As {@link #buildAll(Path, BuildRequest, List, Listener)}, with C toolchain pins per target for {@code <cc>zig</cc>};
     * asks go for its host platform first. A caller that has probed go calls
     * {@link #buildAll(Path, Platform, BuildRequest, List, Map, ProcessRunner, Listener)} instead.
     */
    public static List<BuildResult> buildAll(Path go, BuildRequest request, List<Target> targets,
                                             Map<Target, CToolchain> cToolchains, Listener listener) throws BuildException {
        if (targets.isEmpty()) {
            return List.of();
        }
        ProcessRunner runner = new ProcessRunner();
        return buildAll(go, GoBuild.hostOf(go, request, runner, null), request, targets, cToolchains, runner, listener);
    }

    /**
     * Builds every target with {@code go}, whose GOHOSTOS/GOHOSTARCH is {@code host} ({@code GoToolchain.hostPlatform()}),
     * running each go build through {@code runner}. Results in the order of {@code targets}.
     */
    public static List<BuildResult> buildAll(Path go, Platform host, BuildRequest request, List<Target> targets,
                                             Map<Target, CToolchain> cToolchains, ProcessRunner runner, Listener listener)
            throws BuildException {
        Listener l = listener == null ? Listener.NONE : listener;
        if (targets.isEmpty()) {
            return List.of();
        }
        OutputNames.baseNames(request); // two packages with one name fail once, before any target builds
        int threads = Math.min(Math.max(1, request.parallelism()), targets.size());
        ExecutorService pool = Executors.newFixedThreadPool(threads, DaemonThreads.numbered("go-hygiene-build"));
        try {
            List<Future<BuildResult>> futures = new ArrayList<>();
            for (Target target : targets) {
                CToolchain c = cToolchains.getOrDefault(target, CToolchain.DEFAULT);
                futures.add(pool.submit(() -> {
                    l.started(target);
                    try {
                        BuildResult result = GoBuild.build(go, host, request, target, c, runner,
                                (line, stderr) -> l.output(target, line, stderr));
                        l.finished(result);
                        return result;
                    } catch (BuildException e) {
                        l.failed(target, e);
                        throw e;
                    } catch (RuntimeException e) {
                        BuildException wrapped = new BuildException(target, "building " + target.name()
                                + " failed unexpectedly: " + e + "; please report this with the build log", e);
                        l.failed(target, wrapped);
                        throw wrapped;
                    }
                }));
            }
            List<BuildResult> results = new ArrayList<>();
            List<BuildException> failures = new ArrayList<>();
            for (Future<BuildResult> future : futures) {
                try {
                    results.add(future.get());
                } catch (ExecutionException e) {
                    Throwable cause = e.getCause();
                    failures.add(cause instanceof BuildException b ? b
                            : new BuildException(null, "a build failed unexpectedly: " + cause, cause));
                }
            }
            if (!failures.isEmpty()) {
                throw summary(targets.size(), failures);
            }
            return results;
        } catch (InterruptedException e) {
            DaemonThreads.stopAndAwait(pool);
            Thread.currentThread().interrupt();
            throw new BuildException(null, "interrupted while building " + targets.size() + " targets", e);
        } finally {
            pool.shutdownNow();
        }
    }

    private static BuildException summary(int total, List<BuildException> failures) {
        StringBuilder message = new StringBuilder().append(failures.size()).append(" of ").append(total)
                .append(" targets failed to build: ");
        message.append(String.join(", ", failures.stream()
                .map(f -> f.target().map(Target::name).orElse("?")).toList()));
        for (BuildException f : failures) {
            message.append("\n\n[").append(f.target().map(Target::name).orElse("?")).append("] ").append(f.getMessage());
        }
        BuildException summary = new BuildException(failures.size() == 1 ? failures.get(0).target().orElse(null) : null,
                message.toString(), failures.get(0));
        failures.stream().skip(1).forEach(summary::addSuppressed);
        return summary;
    }
}
