package io.gohygiene.bench;

import io.gohygiene.modfetch.HttpSettings;
import io.gohygiene.toolchain.GoProbing;
import io.gohygiene.toolchain.LiveSystemProbe;
import io.gohygiene.toolchain.ToolchainProvisioner;
import io.gohygiene.version.VersionRange;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The provisioning core timed from a command line (bench/provision.sh): one provisioning into the given module
 * cache (a download when it is empty), then {@code cachedRuns} more, each finding the toolchain complete in the
 * cache. Prints "first_ms N" and "cached_ms_median N" for the script.
 */
public final class ProvisionTiming {

    public static void main(String[] args) throws Exception {
        String release = args[0];
        Path modCache = Path.of(args[1]);
        int cachedRuns = Integer.parseInt(args[2]);
        Map<String, String> env = new HashMap<>(System.getenv());
        env.put("GOMODCACHE", modCache.toString());
        LiveSystemProbe probe = new LiveSystemProbe(env);
        HttpSettings http = new HttpSettings(Optional.empty(), Duration.ofSeconds(30), Duration.ofMinutes(10), false);
        String arch = probe.property("os.arch").map(a -> a.equals("x86_64") ? "amd64" : a.equals("aarch64") ? "arm64" : a).orElseThrow();
        long start = System.nanoTime();
        GoProbing.Provisioning p = ToolchainProvisioner.forProject(probe, http, Optional.of(VersionRange.parse("[" + release + "]")), modCache);
        ToolchainProvisioner.Provisioned first = p.provisioner().get().provision(p.wanted().release(), probe.goos(), arch, "bench");
        System.out.println("first_ms " + (System.nanoTime() - start) / 1_000_000);
        System.out.println("source " + first.provenance());
        long[] cached = new long[cachedRuns];
        for (int i = 0; i < cachedRuns; i++) {
            long s = System.nanoTime();
            GoProbing.Provisioning again = ToolchainProvisioner.forProject(probe, http, Optional.of(VersionRange.parse("[" + release + "]")), modCache);
            again.provisioner().get().provision(again.wanted().release(), probe.goos(), arch, "bench");
            cached[i] = (System.nanoTime() - s) / 1000;
        }
        Arrays.sort(cached);
        if (cachedRuns > 0) {
            System.out.printf("cached_ms_first %.1f%n", cached.length > 0 ? cachedFirst(cached) : 0.0);
            System.out.printf("cached_ms_median %.1f%n", cached[cachedRuns / 2] / 1000.0);
        }
    }

    private static double cachedFirst(long[] sorted) {
        return sorted[sorted.length - 1] / 1000.0;
    }
}
