package io.gohygiene.binary.buildinfo;

import java.util.Objects;

/**
 * One {@code build} line of a Go binary's build info: a setting that influenced the build ({@code -trimpath=true},
 * {@code CGO_ENABLED=0}, {@code GOARCH=arm64}, {@code vcs.modified=false} …), unquoted as Go unquotes it
 * (runtime/debug.BuildSetting).
 */
public record BuildSetting(String key, String value) {

    public BuildSetting {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(value, "value");
    }

    @Override
    public String toString() {
        return key + "=" + value;
    }
}
