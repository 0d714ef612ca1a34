package io.gohygiene.gobuild;

import io.gohygiene.platform.Target;
import io.gohygiene.remotecache.RemoteCacheSummary;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * One target built.
 *
 * @param target      what was built
 * @param outputs     the binaries, one per package, in package order
 * @param elapsed     how long the target took
 * @param argv        the {@code go build} command of the first package, with its final output path (the {@code .sh}
 *                    script beside holds the commands of every package)
 * @param environment the complete environment go ran with
 * @param unchanged   true when every output came out byte for byte as it was before (its file was left alone)
 * @param remoteCache what the remote cache did for this target's go commands, or null without one
 */
public record BuildResult(Target target, List<Path> outputs, Duration elapsed, List<String> argv,
                          Map<String, String> environment, boolean unchanged, RemoteCacheSummary remoteCache) {

    /** A target built without a remote cache. */
    public BuildResult(Target target, List<Path> outputs, Duration elapsed, List<String> argv, Map<String, String> environment,
                       boolean unchanged) {
        this(target, outputs, elapsed, argv, environment, unchanged, null);
    }

    public BuildResult {
        outputs = List.copyOf(outputs);
        argv = List.copyOf(argv);
        environment = Map.copyOf(environment);
    }
}
