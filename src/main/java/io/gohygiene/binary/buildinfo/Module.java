package io.gohygiene.binary.buildinfo;

import java.util.Objects;
import java.util.Optional;

/**
 * A module in a Go binary's build info (runtime/debug.Module): the main module or a dependency, with the module
 * that replaced it when go.mod has a {@code replace} directive. Absent fields are empty strings, as in Go: a
 * main module built from a checkout has version {@code (devel)} and no sum; a replacement by a local directory
 * has a path like {@code ./local} and no sum.
 */
public record Module(String path, String version, String sum, Optional<Module> replace) {

    /** The main module of a binary built without module information (GOPATH mode, or no modinfo at all). */
    public static final Module NONE = new Module("", "", "", Optional.empty());

    public Module {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(sum, "sum");
        Objects.requireNonNull(replace, "replace");
    }

    public Module(String path, String version, String sum) {
        this(path, version, sum, Optional.empty());
    }

    public Module withReplace(Module replacement) {
        return new Module(path, version, sum, Optional.of(replacement));
    }

    /** True for {@link #NONE}: Go prints no {@code mod} line then. */
    public boolean isEmpty() {
        return path.isEmpty() && version.isEmpty() && sum.isEmpty() && replace.isEmpty();
    }

    /** {@code path@version}, and {@code => path@version} of the replacement, as a person reads it. */
    @Override
    public String toString() {
        String self = version.isEmpty() ? path : path + "@" + version;
        return replace.map(r -> self + " => " + r).orElse(self);
    }
}
