package io.gohygiene.toolchain;

import io.gohygiene.platform.Target;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * What a caller (the Mojo, a test) asks the gate to check.
 *
 * @param go               the {@code <go>} parameter, if set
 * @param goFromToolchains the go named by a toolchains.xml {@code go} toolchain, if any
 * @param targets          configured targets; empty means "the host platform"
 * @param moduleDirectory  the directory holding go.mod
 * @param timeout          how long one go command may run
 */
public record ToolchainRequest(Optional<String> go, Optional<String> goFromToolchains, List<Target> targets,
                               Path moduleDirectory, ToolchainPolicy policy, Duration timeout) {
    public ToolchainRequest {
        targets = List.copyOf(targets);
    }
}
