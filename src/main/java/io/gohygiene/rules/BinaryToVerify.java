package io.gohygiene.rules;

import io.gohygiene.platform.Target;

import java.nio.file.Path;

/**
 * A file verify must check, the target it must match, and whether it must be a Go binary (the build made it, or the
 * user declared it): for such a file, build info that cannot be read is a failure, never "not a Go binary".
 */
public record BinaryToVerify(Path file, Target target, boolean goBinary) {
}
