package io.gohygiene.binary;

import io.gohygiene.binary.buildinfo.BuildInfo;

import java.util.Optional;

/**
 * One executable image and the Go build info found in it: empty for a non-Go binary, and also empty, with
 * {@code buildInfoError} saying why, when a build-info blob is there but malformed (kept only by
 * {@link BinaryInspector#inspectKeepingBuildInfoErrors}).
 */
public record InspectedImage(ExecutableFile executable, Optional<BuildInfo> buildInfo, Optional<BinaryFormatException> buildInfoError) {

    public InspectedImage(ExecutableFile executable, Optional<BuildInfo> buildInfo) {
        this(executable, buildInfo, Optional.empty());
    }
}
