package io.gohygiene.maven;

import io.gohygiene.rules.Linkage;
import io.gohygiene.rules.RuleSettings;
import io.gohygiene.version.VersionRange;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * The {@code <rules>} block: what the project requires of its toolchain and binaries. At the project level each
 * value can be overridden by a {@code go-hygiene.<name>} user property; inside a {@code <target>} it overrides
 * the project's value for that target only.
 */
public class RulesConfig {

    /** Allowed Go releases, Maven range syntax: {@code [1.22,)}. */
    String goVersion;
    /** A go executable of a foreign architecture fails the build (true) or only warns (false). */
    Boolean nativeToolchain;
    /** static, dynamic or any. */
    String linkage;
    /** glibc or musl: the dynamic loader a Linux binary must name. */
    String libc;
    /** Highest GLIBC_ version a binary may need, e.g. 2.28. */
    String maxGlibc;
    /** Highest GLIBCXX_ version a binary may need. */
    String maxGlibcxx;
    /** Highest macOS minimum (LC_BUILD_VERSION minos) allowed, e.g. 12.0. */
    String maxMacos;
    /** Comma-separated library names a binary may need (libc.so.6, libSystem.B.dylib, kernel32.dll); empty: any. */
    String allowedLibraries;
    /** Comma-separated path prefixes no library, rpath or runpath may name, e.g. /usr/local/,/opt/homebrew/. */
    String forbiddenLibraryPaths;
    /** console or gui. */
    String windowsSubsystem;
    /** The newest Windows subsystem version a PE may require, e.g. 6.1. */
    String minWindowsVersion;
    /** Build info must record -trimpath. */
    Boolean trimpath;
    /** Build info must not record vcs.modified=true. */
    Boolean vcsClean;
    /** A replace directive to a local directory is allowed. */
    Boolean allowLocalReplace;
    /** required, forbidden or any (the hardening rule). */
    String pie;

    public void setGoVersion(String v) { goVersion = v; }
    public void setNativeToolchain(Boolean v) { nativeToolchain = v; }
    public void setLinkage(String v) { linkage = v; }
    public void setLibc(String v) { libc = v; }
    public void setMaxGlibc(String v) { maxGlibc = v; }
    public void setMaxGlibcxx(String v) { maxGlibcxx = v; }
    public void setMaxMacos(String v) { maxMacos = v; }
    public void setAllowedLibraries(String v) { allowedLibraries = v; }
    public void setForbiddenLibraryPaths(String v) { forbiddenLibraryPaths = v; }
    public void setWindowsSubsystem(String v) { windowsSubsystem = v; }
    public void setMinWindowsVersion(String v) { minWindowsVersion = v; }
    public void setTrimpath(Boolean v) { trimpath = v; }
    public void setVcsClean(Boolean v) { vcsClean = v; }
    public void setAllowLocalReplace(Boolean v) { allowLocalReplace = v; }
    public void setPie(String v) { pie = v; }

    /**
     * Layers these values on {@code base}: what is set here wins. {@code property} gives the command-line
     * override for a name (go-hygiene.NAME), or empty.
     */
    RuleSettings applyTo(RuleSettings base, Function<String, Optional<String>> property) {
        RuleSettings.Builder b = base.toBuilder();
        value("linkage", linkage, property).map(Linkage::parse).ifPresent(b::linkage);
        value("libc", libc, property).ifPresent(b::libc);
        value("maxGlibc", maxGlibc, property).ifPresent(b::maxGlibc);
        value("maxGlibcxx", maxGlibcxx, property).ifPresent(b::maxGlibcxx);
        value("maxMacos", maxMacos, property).ifPresent(b::maxMacos);
        value("allowedLibraries", allowedLibraries, property).map(RulesConfig::list).ifPresent(b::allowedLibraries);
        value("forbiddenLibraryPaths", forbiddenLibraryPaths, property).map(RulesConfig::list).ifPresent(b::forbiddenLibraryPaths);
        value("windowsSubsystem", windowsSubsystem, property).ifPresent(b::windowsSubsystem);
        value("minWindowsVersion", minWindowsVersion, property).ifPresent(b::minWindowsVersion);
        value("goVersion", goVersion, property).map(VersionRange::parse).ifPresent(b::goVersion);
        value("trimpath", str(trimpath), property).map(Boolean::parseBoolean).ifPresent(b::trimpath);
        value("vcsClean", str(vcsClean), property).map(Boolean::parseBoolean).ifPresent(b::vcsClean);
        value("allowLocalReplace", str(allowLocalReplace), property).map(Boolean::parseBoolean).ifPresent(b::allowLocalReplace);
        value("pie", pie, property).ifPresent(b::pie);
        return b.build();
    }

    private static Optional<String> value(String name, String configured, Function<String, Optional<String>> property) {
        return property.apply(name).or(() -> Optional.ofNullable(configured)).map(String::strip).filter(v -> !v.isEmpty());
    }

    private static String str(Boolean b) {
        return b == null ? null : b.toString();
    }

    private static List<String> list(String commaSeparated) {
        return Arrays.stream(commaSeparated.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }
}
