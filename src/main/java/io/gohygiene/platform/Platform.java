package io.gohygiene.platform;

import java.util.Objects;

/** A Go platform in Go's own vocabulary: {@code GOOS/GOARCH}, as {@code go tool dist list} prints it. */
public record Platform(String goos, String goarch) implements Comparable<Platform> {

    public Platform {
        Objects.requireNonNull(goos, "goos");
        Objects.requireNonNull(goarch, "goarch");
    }

    /** Parses {@code linux/amd64}; says what is wrong with anything else. */
    public static Platform parse(String text) {
        String[] parts = text.strip().split("/", -1);
        if (parts.length != 2 || parts[0].isBlank() || parts[1].isBlank()) {
            throw new IllegalArgumentException("'" + text + "' is not a platform; write it as GOOS/GOARCH, e.g. linux/amd64");
        }
        return new Platform(parts[0].strip(), parts[1].strip());
    }

    @Override
    public int compareTo(Platform other) {
        return toString().compareTo(other.toString());
    }

    @Override
    public String toString() {
        return goos + "/" + goarch;
    }
}
