package io.gohygiene.toolchain;

import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * The variables that decide what {@code go build} produces: the build goal never inherits them (it sets them per
 * target), and the go probe clears them, so that a GOOS/GOARCH pair exported in a shell cannot break
 * {@code go env -json}; the inheritedEnvironment check reports them instead.
 */
public final class DecisiveVariables {

    public static final Set<String> NAMES = Collections.unmodifiableSet(new TreeSet<>(List.of(
            "GOOS", "GOARCH", "GOAMD64", "GOARM", "GOARM64", "GO386", "GOMIPS", "GOMIPS64", "GOPPC64", "GORISCV64",
            "GOWASM", "CGO_ENABLED", "CC", "CXX", "CGO_CFLAGS", "CGO_CPPFLAGS", "CGO_CXXFLAGS", "CGO_FFLAGS",
            "CGO_LDFLAGS", "GOFLAGS", "PKG_CONFIG_PATH", "PKG_CONFIG_LIBDIR", "PKG_CONFIG_SYSROOT_DIR")));

    private DecisiveVariables() {
    }
}
