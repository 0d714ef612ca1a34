package io.gohygiene.toolchain;

import io.gohygiene.binary.BinaryReport;
import io.gohygiene.platform.Target;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Everything the toolchain checks look at, gathered once: the go that will run and its own header, the host,
 * Go's settings with their sources, the targets, and the module's go.mod.
 *
 * @param goHeader         the go executable's header, or empty when it could not be read ({@code goHeaderError} says why)
 * @param targetsDefaulted no targets were configured, so the go's host platform stands in for them
 */
public record ToolchainContext(GoToolchain go, Optional<BinaryReport> goHeader, String goHeaderError, HostPlatform host,
                               GoSettings settings, SystemProbe probe, List<Target> targets, boolean targetsDefaulted,
                               Path moduleDirectory, Optional<GoModFile> goMod, ToolchainPolicy policy) {

    public ToolchainContext {
        targets = List.copyOf(targets);
    }

    /** True when the target is the platform the go toolchain runs on, so Go's native defaults (cgo on) apply. */
    public boolean isNative(Target target) {
        return target.platform().equals(go.hostPlatform());
    }
}
