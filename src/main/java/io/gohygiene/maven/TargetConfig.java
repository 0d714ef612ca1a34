package io.gohygiene.maven;

import io.gohygiene.platform.Target;

/**
 * One {@code <target>} in the pom: either the short form {@code <target>linux/amd64</target>} or the long form
 * with {@code <platform>}, {@code <variant>}, {@code <cgo>} and {@code <cc>}.
 */
public class TargetConfig {

    private String platform;
    private String variant;
    private Boolean cgo;
    private String cc;
    private RulesConfig rules;
    private String glibc;
    private String libc;
    private String macos;
    private java.io.File sysroot;
    private boolean test;

    public TargetConfig() {
    }

    public TargetConfig(String platform) {
        this.platform = platform;
    }

    /** Called by Maven for the short form, {@code <target>linux/arm64</target>}. */
    public void set(String platform) {
        this.platform = platform;
    }

    public void setPlatform(String platform) {
        this.platform = platform;
    }

    public void setVariant(String variant) {
        this.variant = variant;
    }

    public void setCgo(Boolean cgo) {
        this.cgo = cgo;
    }

    public void setCc(String cc) {
        this.cc = cc;
    }

    /** Rule values for this target only, e.g. a lower {@code <maxGlibc>} for linux/arm64. */
    public void setRules(RulesConfig rules) {
        this.rules = rules;
    }

    /** With {@code <cc>zig</cc>}: the glibc floor, e.g. 2.17. */
    public void setGlibc(String glibc) {
        this.glibc = glibc;
    }

    /** With {@code <cc>zig</cc>}: gnu or musl. */
    public void setLibc(String libc) {
        this.libc = libc;
    }

    /** With {@code <cc>zig</cc>}: the macOS minimum, e.g. 11.0. */
    public void setMacos(String macos) {
        this.macos = macos;
    }

    /** The root file system of a cross cgo target's C headers and libraries (--sysroot, PKG_CONFIG_SYSROOT_DIR). */
    public void setSysroot(java.io.File sysroot) {
        this.sysroot = sysroot;
    }

    /**
     * The test goal also runs this target's tests: compiled for it and run under qemu-user (another architecture of
     * the host's OS only).
     */
    public void setTest(boolean test) {
        this.test = test;
    }

    boolean test() {
        return test;
    }

    java.io.File sysroot() {
        return sysroot;
    }

    io.gohygiene.gobuild.CToolchain cToolchain() {
        return new io.gohygiene.gobuild.CToolchain(java.util.Optional.ofNullable(glibc), java.util.Optional.ofNullable(libc),
                java.util.Optional.ofNullable(macos));
    }

    RulesConfig rules() {
        return rules;
    }

    /** Turns the pom's words into a core {@link Target}; a wrong value fails with a message naming it. */
    Target toTarget() {
        if (platform == null || platform.isBlank()) {
            throw new IllegalArgumentException("a <target> has no platform; write <target>linux/amd64</target> or <platform>linux/amd64</platform>");
        }
        Target parsed = Target.parse(platform);
        String v = variant != null ? variant : parsed.variant();
        return new Target(parsed.platform(), v, cgo, cc);
    }

    @Override
    public String toString() {
        return platform;
    }
}
