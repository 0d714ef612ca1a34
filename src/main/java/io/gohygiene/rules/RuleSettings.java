package io.gohygiene.rules;

import io.gohygiene.version.VersionRange;

import java.util.List;
import java.util.Optional;

/**
 * The rule values of the pom's {@code <rules>} (possibly overridden for one target). Empty means "not
 * configured": the rule then checks only what holds for every binary (e.g. header and build info agree).
 *
 * @param linkage               static, dynamic or any
 * @param libc                  glibc or musl: which dynamic loader a dynamic Linux binary must name
 * @param maxGlibc              highest GLIBC_x.y a binary may need, e.g. "2.28"
 * @param maxGlibcxx            highest GLIBCXX_x.y.z a binary may need
 * @param maxMacos              highest LC_BUILD_VERSION minos allowed, e.g. "12.0"
 * @param allowedLibraries      needed libraries (DT_NEEDED / dylib / DLL names, compared by file name) allowed; empty: any
 * @param forbiddenLibraryPaths path prefixes no library, rpath or runpath may name, e.g. /usr/local/, /opt/homebrew/
 * @param windowsSubsystem      console or gui
 * @param minWindowsVersion     the highest subsystem version a PE may require, e.g. "6.1"
 * @param goVersion             Go releases allowed to have built the binary
 * @param trimpath              build info must record -trimpath=true
 * @param vcsClean              build info must not record vcs.modified=true
 * @param allowLocalReplace     a replace directive to a local directory is allowed (not in a release build)
 * @param pie                   required, forbidden or any (hardening)
 */
public record RuleSettings(Optional<Linkage> linkage, Optional<String> libc, Optional<String> maxGlibc, Optional<String> maxGlibcxx,
                           Optional<String> maxMacos, List<String> allowedLibraries, List<String> forbiddenLibraryPaths,
                           Optional<String> windowsSubsystem, Optional<String> minWindowsVersion, Optional<VersionRange> goVersion,
                           boolean trimpath, boolean vcsClean, boolean allowLocalReplace, Optional<String> pie) {

    public RuleSettings {
        allowedLibraries = List.copyOf(allowedLibraries);
        forbiddenLibraryPaths = List.copyOf(forbiddenLibraryPaths);
    }

    /** Nothing configured. */
    public static RuleSettings none() {
        return new RuleSettings(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), List.of(),
                List.of(), Optional.empty(), Optional.empty(), Optional.empty(), false, false, true, Optional.empty());
    }

    public static Builder builder() {
        return new Builder(none());
    }

    /** A builder starting from these values: how a per-target override is layered on the project's rules. */
    public Builder toBuilder() {
        return new Builder(this);
    }

    /** Fluent construction, for the Mojo and for tests. */
    public static final class Builder {
        private Optional<Linkage> linkage;
        private Optional<String> libc;
        private Optional<String> maxGlibc;
        private Optional<String> maxGlibcxx;
        private Optional<String> maxMacos;
        private List<String> allowedLibraries;
        private List<String> forbiddenLibraryPaths;
        private Optional<String> windowsSubsystem;
        private Optional<String> minWindowsVersion;
        private Optional<VersionRange> goVersion;
        private boolean trimpath;
        private boolean vcsClean;
        private boolean allowLocalReplace;
        private Optional<String> pie;

        private Builder(RuleSettings s) {
            linkage = s.linkage;
            libc = s.libc;
            maxGlibc = s.maxGlibc;
            maxGlibcxx = s.maxGlibcxx;
            maxMacos = s.maxMacos;
            allowedLibraries = s.allowedLibraries;
            forbiddenLibraryPaths = s.forbiddenLibraryPaths;
            windowsSubsystem = s.windowsSubsystem;
            minWindowsVersion = s.minWindowsVersion;
            goVersion = s.goVersion;
            trimpath = s.trimpath;
            vcsClean = s.vcsClean;
            allowLocalReplace = s.allowLocalReplace;
            pie = s.pie;
        }

        public Builder linkage(Linkage v) { linkage = Optional.of(v); return this; }
        public Builder libc(String v) { libc = Optional.of(v); return this; }
        public Builder maxGlibc(String v) { maxGlibc = Optional.of(v); return this; }
        public Builder maxGlibcxx(String v) { maxGlibcxx = Optional.of(v); return this; }
        public Builder maxMacos(String v) { maxMacos = Optional.of(v); return this; }
        public Builder allowedLibraries(List<String> v) { allowedLibraries = List.copyOf(v); return this; }
        public Builder forbiddenLibraryPaths(List<String> v) { forbiddenLibraryPaths = List.copyOf(v); return this; }
        public Builder windowsSubsystem(String v) { windowsSubsystem = Optional.of(v); return this; }
        public Builder minWindowsVersion(String v) { minWindowsVersion = Optional.of(v); return this; }
        public Builder goVersion(VersionRange v) { goVersion = Optional.of(v); return this; }
        public Builder trimpath(boolean v) { trimpath = v; return this; }
        public Builder vcsClean(boolean v) { vcsClean = v; return this; }
        public Builder allowLocalReplace(boolean v) { allowLocalReplace = v; return this; }
        public Builder pie(String v) { pie = Optional.of(v); return this; }

        public RuleSettings build() {
            return new RuleSettings(linkage, libc, maxGlibc, maxGlibcxx, maxMacos, allowedLibraries, forbiddenLibraryPaths,
                    windowsSubsystem, minWindowsVersion, goVersion, trimpath, vcsClean, allowLocalReplace, pie);
        }
    }
}
