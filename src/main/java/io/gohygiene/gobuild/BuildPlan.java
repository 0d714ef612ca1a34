package io.gohygiene.gobuild;

import io.gohygiene.platform.Platform;
import io.gohygiene.platform.Target;
import io.gohygiene.platform.UnknownTargetException;
import io.gohygiene.toolchain.CrossCompilers;
import io.gohygiene.toolchain.GoToolchain;
import io.gohygiene.toolchain.SystemProbe;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * The targets a build makes, as it will make them: the configured ones (each known to this go), or the host's
 * platform when none is configured; a native target that leaves {@code <cgo>} open while its rules ask for static
 * linkage builds with cgo off (go would turn cgo on for a native build with a C compiler, and link dynamically); a cgo cross
 * target that names no C compiler gets the conventional one found on PATH. Every decision the pom did not spell out is said in {@link #notes()}, so the log explains the build.
 *
 * @param targets what is built, in the configured order
 * @param notes   one line per decision taken for the user
 */
public record BuildPlan(List<Target> targets, List<String> notes) {

    public BuildPlan {
        targets = List.copyOf(targets);
        notes = List.copyOf(notes);
    }

    public static BuildPlan resolve(List<Target> configured, GoToolchain go, SystemProbe probe) throws UnknownTargetException {
        return resolve(configured, t -> false, go, probe);
    }

    /** @param wantsStatic whether a target's rules ask for {@code <linkage>static</linkage>} */
    public static BuildPlan resolve(List<Target> configured, Predicate<Target> wantsStatic, GoToolchain go, SystemProbe probe)
            throws UnknownTargetException {
        go.platforms().requireKnown(configured);
        Platform host = go.hostPlatform();
        List<String> notes = new ArrayList<>();
        List<Target> targets = new ArrayList<>();
        List<Target> wanted = configured;
        if (configured.isEmpty()) {
            wanted = List.of(Target.of(host));
            notes.add("no <targets> configured: building for " + host + ", the platform go runs on");
        }
        for (Target t : wanted) {
            // Only a native target changes: go already builds a cross target without cgo unless told otherwise.
            if (t.cgo() == null && t.platform().equals(host) && wantsStatic.test(t)) {
                t = new Target(t.platform(), t.variant(), false, t.cc());
                notes.add(t.name() + ": cgo off (CGO_ENABLED=0), since <linkage> is static and the target sets no <cgo>;"
                        + " set <cgo>true</cgo> on the target to build it with cgo");
            }
            Target filled = CrossCompilers.withDiscoveredCompiler(t, host, probe);
            if (filled != t) {
                notes.add(t.name() + " wants cgo and names no <cc>: using " + filled.cc() + " found on PATH");
            }
            targets.add(filled);
        }
        return new BuildPlan(targets, notes);
    }

    /**
     * With {@code <packaging>go</packaging>} the binary is the project's artifact, the one {@code mvn install} and
     * {@code deploy} publish without a classifier: that needs exactly one. Said before anything builds.
     *
     * @throws IllegalArgumentException with the message and hint, when the build makes more than one binary
     */
    public void requireOneBinary(List<String> packages) {
        int binaries = targets.size() * Math.max(1, packages.size());
        if (binaries != 1) {
            throw new IllegalArgumentException("<packaging>go</packaging> publishes one binary as the project's artifact, but this build makes "
                    + binaries + " (" + targets.size() + " target(s): " + String.join(", ", targets.stream().map(Target::name).toList())
                    + (packages.size() > 1 ? "; " + packages.size() + " packages" : "") + ")"
                    + "\n  hint: use <packaging>pom</packaging>, where every binary is attached with its goos-goarch classifier,"
                    + " or configure one target and one package");
        }
    }
}
