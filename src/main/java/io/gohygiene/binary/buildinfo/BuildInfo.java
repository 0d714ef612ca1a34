package io.gohygiene.binary.buildinfo;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The build information the Go linker embeds in an executable, as {@code go version -m} shows it
 * (runtime/debug.BuildInfo), plus the facts of the blob it came from.
 *
 * @param goVersion   the toolchain that built the binary, e.g. {@code go1.22.4} (never empty)
 * @param path        the main package's import path; empty for binaries built without module information
 * @param main        the main module; {@link Module#NONE} when the binary has no module information
 * @param deps        the dependency modules, in file order
 * @param settings    the build settings, in file order
 * @param pointerSize byte 14 of the blob header: the target's pointer size (4 or 8; for the inline format only a fact)
 * @param bigEndian   bit 0 of the flags byte: the target is big-endian (for the pointer format: how pointers are read)
 * @param inline      bit 1 of the flags byte: strings follow the header inline (Go 1.18+), instead of being
 *                    reached through pointers (before 1.18)
 */
public record BuildInfo(String goVersion, String path, Module main, List<Module> deps, List<BuildSetting> settings,
                        int pointerSize, boolean bigEndian, boolean inline) {

    public BuildInfo {
        Objects.requireNonNull(goVersion, "goVersion");
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(main, "main");
        deps = List.copyOf(deps);
        settings = List.copyOf(settings);
    }

    /** The value of the first build setting named {@code key} ({@code -trimpath}, {@code GOARCH}, {@code vcs.modified}). */
    public Optional<String> setting(String key) {
        return settings.stream().filter(s -> s.key().equals(key)).map(BuildSetting::value).findFirst();
    }

    /** False for binaries built outside module mode, whose build info holds only the Go version. */
    public boolean hasModuleInfo() {
        return !path.isEmpty() || !main.isEmpty() || !deps.isEmpty() || !settings.isEmpty();
    }
}
