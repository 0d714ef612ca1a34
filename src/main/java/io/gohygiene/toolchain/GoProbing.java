package io.gohygiene.toolchain;

import io.gohygiene.process.ProcessRunner;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/** Finds the go a build uses and asks it what it is: the one way every goal and the gate do it. */
public final class GoProbing {

    private GoProbing() {
    }

    /**
     * Locates go (the {@code <go>} parameter, toolchains.xml, GOROOT, then PATH) and probes it, reusing the probe
     * kept in {@code cacheFile} by an earlier run while go, its settings and the environment are unchanged.
     *
     * @param cacheFile where the last probe is kept (target/go-hygiene/go-probe.properties); empty: always probe
     */
    public static GoToolchain locateAndProbe(SystemProbe probe, ProcessRunner runner, Optional<String> go, Optional<String> goFromToolchains,
                                             Optional<Path> cacheFile, Duration timeout) throws ToolchainException {
        LocatedGo located = new GoLocator(probe).locate(go, goFromToolchains);
        Optional<GoToolchain> cached = cacheFile.flatMap(file -> GoProbeCache.read(file, located, probe.environment()));
        if (cached.isPresent()) {
            return cached.get();
        }
        GoToolchain probed = GoToolchain.probe(located, probe.environment(), timeout, runner);
        cacheFile.ifPresent(file -> GoProbeCache.write(file, probed, probe.environment()));
        return probed;
    }
}
