package io.gohygiene.platform;

import io.gohygiene.files.JsonFiles;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * The include, library and pkg-config settings a cgo build needs beyond the package's own {@code #cgo} lines, each
 * with its reason: a target's sysroot ({@code --sysroot}, PKG_CONFIG_SYSROOT_DIR, PKG_CONFIG_LIBDIR) and, for a
 * native macOS build only, Homebrew's include and lib directories of the host's own architecture. The vendor goal
 * writes them to {@code target/go-hygiene/cgo-paths.json}; the build goal adds them to each cgo target's
 * environment. Vendored C files need no entry: they are restored in place, where their relative {@code #cgo -I}
 * and {@code #include "../x.h"} lines find them.
 *
 * @param entries in the order they apply
 */
public record CgoPaths(List<Entry> entries) {

    public static final String FILE_NAME = "cgo-paths.json";

    /**
     * @param platform the target this applies to ({@code linux/arm64})
     * @param variable CGO_CFLAGS, CGO_CPPFLAGS, CGO_LDFLAGS (flags, appended with spaces) or PKG_CONFIG_* (set)
     */
    public record Entry(String platform, String variable, String value, String reason) {
    }

    /** A cgo target and the root file system its C libraries and headers come from. */
    public record Sysroot(Platform platform, Path root) {
    }

    public static final CgoPaths NONE = new CgoPaths(List.of());

    public CgoPaths {
        entries = List.copyOf(entries);
    }

    /**
     * @param sysroots    the targets that name a {@code <sysroot>}
     * @param nativeCgo   the targets that build natively with cgo (Homebrew applies to them only, on macOS)
     * @param host        the platform go runs on
     * @param isDirectory how to tell that a directory exists (the real file system, or a test's)
     */
    public static CgoPaths compute(List<Sysroot> sysroots, List<Platform> nativeCgo, Platform host, Predicate<Path> isDirectory) {
        List<Entry> entries = new ArrayList<>();
        for (Sysroot s : sysroots) {
            String p = s.platform().toString();
            String root = s.root().toAbsolutePath().normalize().toString();
            String why = "<sysroot>" + root + "</sysroot> of " + p;
            entries.add(new Entry(p, "CGO_CFLAGS", "--sysroot=" + root, why + ": headers from the sysroot"));
            entries.add(new Entry(p, "CGO_LDFLAGS", "--sysroot=" + root, why + ": libraries from the sysroot"));
            entries.add(new Entry(p, "PKG_CONFIG_SYSROOT_DIR", root, why + ": pkg-config prefixes its -I/-L paths with it"));
            entries.add(new Entry(p, "PKG_CONFIG_LIBDIR", String.join(":", pkgConfigDirs(s.root(), isDirectory)),
                    why + ": only the sysroot's .pc files, never the build machine's"));
        }
        if (host.goos().equals("darwin")) {
            // Homebrew keeps arm64 in /opt/homebrew and x86_64 in /usr/local; the other prefix holds the wrong arch.
            Path prefix = Path.of(host.goarch().equals("arm64") ? "/opt/homebrew" : "/usr/local");
            for (Platform p : nativeCgo) {
                if (p.equals(host) && isDirectory.test(prefix.resolve("include"))) {
                    String why = "Homebrew for " + host.goarch() + " (" + prefix + "), native build";
                    entries.add(new Entry(p.toString(), "CGO_CPPFLAGS", "-I" + prefix.resolve("include"), why));
                    entries.add(new Entry(p.toString(), "CGO_LDFLAGS", "-L" + prefix.resolve("lib"), why));
                    entries.add(new Entry(p.toString(), "PKG_CONFIG_PATH", prefix.resolve("lib/pkgconfig").toString(), why));
                }
            }
        }
        return new CgoPaths(entries);
    }

    private static List<String> pkgConfigDirs(Path root, Predicate<Path> isDirectory) {
        List<String> dirs = new ArrayList<>();
        Path lib = root.resolve("usr/lib");
        if (Files.isDirectory(lib)) {
            try (Stream<Path> list = Files.list(lib)) {
                list.map(d -> d.resolve("pkgconfig")).filter(isDirectory).sorted().forEach(d -> dirs.add(d.toString()));
            } catch (IOException e) {
                // an unreadable sysroot shows up when the compiler uses it; the standard directories still apply
            }
        }
        for (String d : List.of("usr/lib/pkgconfig", "usr/share/pkgconfig", "usr/local/lib/pkgconfig")) {
            if (!dirs.contains(root.resolve(d).toString())) {
                dirs.add(root.resolve(d).toString());
            }
        }
        return dirs;
    }

    /** The variables for one target: flags joined with spaces, pkg-config paths with colons. */
    public Map<String, String> forPlatform(Platform platform) {
        Map<String, String> out = new LinkedHashMap<>();
        for (Entry e : entries) {
            if (e.platform().equals(platform.toString())) {
                String separator = e.variable().startsWith("CGO_") ? " " : ":";
                out.merge(e.variable(), e.value(), (a, b) -> a + separator + b);
            }
        }
        return out;
    }

    /** One line per entry: {@code linux/arm64 CGO_CFLAGS += --sysroot=/sr  (reason)}. */
    public List<String> explain() {
        List<String> lines = new ArrayList<>();
        for (Entry e : entries) {
            lines.add(e.platform() + "  " + e.variable() + (e.variable().startsWith("CGO_") ? " += " : " = ") + e.value() + "  (" + e.reason() + ")");
        }
        return lines;
    }

    public static Optional<CgoPaths> read(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        return Optional.of(JsonFiles.read(file, CgoPaths.class));
    }

    /**
     * Written whole or not at all; with no entries there is no file (the build computes the same nothing), so that
     * the usual run, without sysroots, starts no JSON writer or parser.
     */
    public void write(Path file) throws IOException {
        if (entries.isEmpty()) {
            Files.deleteIfExists(file);
        } else {
            JsonFiles.write(this, file);
        }
    }
}
