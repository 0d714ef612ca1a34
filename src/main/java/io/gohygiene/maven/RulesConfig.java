package io.gohygiene.maven;

/**
 * The {@code <rules>} block: what the project requires of its toolchain and binaries. Each value can be
 * overridden by a {@code go-hygiene.<name>} user property.
 */
public class RulesConfig {

    /** Allowed Go releases, Maven range syntax: {@code [1.22,)}. */
    String goVersion;

    /** A go executable of a foreign architecture fails the build (true) or only warns (false). */
    Boolean nativeToolchain;

    public void setGoVersion(String goVersion) {
        this.goVersion = goVersion;
    }

    public void setNativeToolchain(Boolean nativeToolchain) {
        this.nativeToolchain = nativeToolchain;
    }
}
