package io.gohygiene.modvendor;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * {@code vendor/modules.txt}: which modules (and which of their packages) {@code go mod vendor} copied, with the
 * {@code ## explicit} markers that {@code -mod=vendor} checks against go.mod.
 * <pre>
 * # golang.org/x/sys v0.20.0
 * ## explicit; go 1.18
 * golang.org/x/sys/unix
 * # example.com/a v1.0.0 => ../a
 * # example.com/b => example.com/c v1.2.0
 * </pre>
 */
public record ModulesTxt(List<VendoredModule> modules) {

    /**
     * One {@code # path version [=> replacement [version]]} section.
     *
     * @param replacementPath    the right side of {@code =>}: a module path or a local directory (./, ../ or absolute); null if not replaced
     * @param replacementVersion the version of a module replacement; null for a directory or no replacement
     */
    public record VendoredModule(String path, String version, String replacementPath, String replacementVersion,
                                 boolean explicit, String goVersion, List<String> packages) {

        public VendoredModule {
            packages = List.copyOf(packages);
        }

        /** True when the replacement is a directory on disk rather than another module. */
        public boolean replacedByDirectory() {
            return replacementPath != null && isLocalPath(replacementPath);
        }

        /** {@code path@version}, or {@code path => ../dir} for a directory replacement. */
        public String display() {
            String left = version == null ? path : path + "@" + version;
            if (replacementPath == null) {
                return left;
            }
            return left + " => " + replacementPath + (replacementVersion == null ? "" : "@" + replacementVersion);
        }
    }

    public static ModulesTxt read(Path file) throws IOException {
        return parse(Files.readString(file, StandardCharsets.UTF_8));
    }

    public static ModulesTxt parse(String text) {
        List<VendoredModule> modules = new ArrayList<>();
        String path = null;
        String version = null;
        String replacementPath = null;
        String replacementVersion = null;
        boolean explicit = false;
        String go = null;
        List<String> packages = new ArrayList<>();
        for (String raw : text.split("\n")) {
            String line = raw.strip();
            if (line.isEmpty()) {
                continue;
            }
            if (line.startsWith("## ")) {
                for (String part : line.substring(3).split(";")) {
                    String p = part.strip();
                    if (p.equals("explicit")) {
                        explicit = true;
                    } else if (p.startsWith("go ")) {
                        go = p.substring(3).strip();
                    }
                }
            } else if (line.startsWith("# ")) {
                if (path != null) {
                    modules.add(new VendoredModule(path, version, replacementPath, replacementVersion, explicit, go, packages));
                }
                String[] sides = line.substring(2).split("=>", 2);
                String[] left = sides[0].strip().split("\\s+");
                path = left[0];
                version = left.length > 1 ? left[1] : null;
                replacementPath = null;
                replacementVersion = null;
                if (sides.length == 2) {
                    String[] right = sides[1].strip().split("\\s+");
                    replacementPath = right[0];
                    replacementVersion = right.length > 1 ? right[1] : null;
                }
                explicit = false;
                go = null;
                packages = new ArrayList<>();
            } else if (!line.startsWith("#") && path != null) {
                packages.add(line);
            }
        }
        if (path != null) {
            modules.add(new VendoredModule(path, version, replacementPath, replacementVersion, explicit, go, packages));
        }
        return new ModulesTxt(Collections.unmodifiableList(modules));
    }

    /**
     * The module whose vendored directory holds {@code vendorRelative} (a path under vendor/ with forward slashes):
     * the one with the longest matching module path, as module paths nest (example.com/a and example.com/a/b).
     * Sections without a version ({@code # example.com/a => ../a}) only record a replacement and own no files.
     */
    public Optional<VendoredModule> owner(String vendorRelative) {
        return modules.stream()
                .filter(m -> m.version() != null)
                .filter(m -> vendorRelative.equals(m.path()) || vendorRelative.startsWith(m.path() + "/"))
                .max(Comparator.comparingInt(m -> m.path().length()));
    }

    static boolean isLocalPath(String p) {
        return p.startsWith("./") || p.startsWith("../") || p.startsWith("/") || p.equals(".") || p.equals("..")
                || (p.length() > 2 && p.charAt(1) == ':') || p.startsWith(".\\") || p.startsWith("..\\");
    }
}
