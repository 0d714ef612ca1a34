package io.gohygiene.gobuild;

import java.util.Optional;

/**
 * How a cgo target's C side is pinned when its compiler is {@code zig}: a glibc floor ({@code 2.17}),
 * a libc ({@code musl} or {@code gnu}) and a macOS minimum ({@code 11.0}). Kept beside
 * {@link io.gohygiene.platform.Target} rather than in it, so the target record and its callers stay as they are.
 */
public record CToolchain(Optional<String> glibc, Optional<String> libc, Optional<String> macos) {

    public static final CToolchain DEFAULT = new CToolchain(Optional.empty(), Optional.empty(), Optional.empty());

    public CToolchain {
        glibc = blankToEmpty(glibc);
        libc = blankToEmpty(libc);
        macos = blankToEmpty(macos);
    }

    private static Optional<String> blankToEmpty(Optional<String> value) {
        return value == null ? Optional.empty() : value.map(String::strip).filter(s -> !s.isEmpty());
    }
}
