package io.gohygiene.gobuild;

import io.gohygiene.platform.Target;

import java.util.Optional;

/**
 * A target could not be built. The message names the target, says what happened and what to do about it;
 * the Mojo turns it into a {@code MojoExecutionException} (or a failure) without adding anything.
 */
public class BuildException extends Exception {

    private final transient Target target;

    public BuildException(Target target, String message) {
        super(message);
        this.target = target;
    }

    public BuildException(Target target, String message, Throwable cause) {
        super(message, cause);
        this.target = target;
    }

    /** The target that failed; empty for a failure that concerns several targets or none. */
    public Optional<Target> target() {
        return Optional.ofNullable(target);
    }
}
