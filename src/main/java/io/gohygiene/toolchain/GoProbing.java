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

    /** What provisioning needs: the release wanted and why, the range the gate checks, the host, the provisioner. */
    public record Provisioning(ToolchainProvisioner.Wanted wanted, Optional<io.gohygiene.version.VersionRange> range, HostPlatform host,
                               ProvisionerFactory provisioner) {
    }

    /** Builds the provisioner only when a go must be fetched: reading GOPROXY and opening HTTP costs nothing otherwise. */
    @FunctionalInterface
    public interface ProvisionerFactory {
        ToolchainProvisioner get() throws ToolchainException;
    }

    /**
     * Like {@link #locateAndProbe}, but when the located go is missing, of another release than wanted, or built for
     * another architecture than the hardware's, the wanted release is provisioned for the native platform and
     * probed instead. The located go is kept when it satisfies what was asked: the exact release for
     * {@code [1.22.12]}; else a release at least the wanted one (as GOTOOLCHAIN=auto would not switch) and in the range.
     */
    public static GoToolchain locateProvisionAndProbe(SystemProbe probe, ProcessRunner runner, Optional<String> go, Optional<String> goFromToolchains,
                                                      Optional<Path> cacheDir, Duration timeout, Provisioning provisioning) throws ToolchainException {
        String nativeArch = provisioning.host().nativeArch().or(() -> provisioning.host().jvmArch()).orElseThrow(() -> new ToolchainException(
                "the host's architecture could not be determined (" + provisioning.host().evidence() + "), so no toolchain can be chosen for it",
                "turn <provision> off and install go for this machine yourself"));
        String why;
        try {
            GoToolchain located = locateAndProbe(probe, runner, go, goFromToolchains, cacheDir.map(d -> d.resolve("go-probe.properties")), timeout);
            why = mismatch(located, provisioning, nativeArch);
            if (why.isEmpty()) {
                return located;
            }
        } catch (ToolchainException e) {
            why = "no usable go was found (" + e.getMessage() + ")";
        }
        ToolchainProvisioner.Wanted wanted = provisioning.wanted();
        ToolchainProvisioner.Provisioned provisioned = provisioning.provisioner().get()
                .provision(wanted.release(), provisioning.host().goos(), nativeArch, wanted.reason() + "; " + why);
        Optional<Path> cacheFile = cacheDir.map(d -> d.resolve("go-probe-provisioned.properties"));
        Optional<GoToolchain> cached = cacheFile.flatMap(file -> GoProbeCache.read(file, provisioned.located(), probe.environment()));
        if (cached.isPresent()) {
            return cached.get();
        }
        GoToolchain probed = GoToolchain.probe(provisioned.located(), probe.environment(), timeout, runner);
        cacheFile.ifPresent(file -> GoProbeCache.write(file, probed, probe.environment()));
        return probed;
    }

    /** Why the located go will not do, or "" when it will. */
    private static String mismatch(GoToolchain located, Provisioning provisioning, String nativeArch) {
        ToolchainProvisioner.Wanted wanted = provisioning.wanted();
        io.gohygiene.version.GoVersion version = located.version();
        String where = located.executable().toString();
        if (wanted.exact() && !version.equals(wanted.release())) {
            return "the located " + where + " is " + version.goName() + ", not " + wanted.release().goName();
        }
        if (version.compareTo(wanted.release()) < 0) {
            return "the located " + where + " is " + version.goName() + ", older than " + wanted.release().goName();
        }
        if (provisioning.range().isPresent() && !provisioning.range().get().contains(version)) {
            return "the located " + where + " is " + version.goName() + ", outside " + provisioning.range().get();
        }
        String arch = located.hostPlatform().goarch();
        if (!arch.equals(nativeArch) || !located.hostPlatform().goos().equals(provisioning.host().goos())) {
            return "the located " + where + " is built for " + located.hostPlatform().goos() + "/" + arch + ", not this machine's "
                    + provisioning.host().goos() + "/" + nativeArch;
        }
        return "";
    }
}
