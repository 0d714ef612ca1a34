package io.gohygiene.binary;

import io.gohygiene.binary.buildinfo.BuildInfo;

import java.util.Optional;

/** One executable image and the Go build info found in it (empty for a non-Go binary). */
public record InspectedImage(ExecutableFile executable, Optional<BuildInfo> buildInfo) {
}
