package io.gohygiene.modvendor;

import java.nio.file.Path;

/**
 * The go module cache ({@code go env GOMODCACHE}): where {@code module@version} was extracted, read-only.
 * Module paths and versions are case-encoded there: every upper-case letter becomes {@code !} and its lower case
 * ({@code github.com/BurntSushi} is stored as {@code github.com/!burnt!sushi}), so two paths differing only in case
 * stay apart on case-insensitive file systems.
 */
public record ModuleCache(Path root) {

    public ModuleCache {
        root = root.toAbsolutePath().normalize();
    }

    /** The extracted tree of {@code path@version}. */
    public Path moduleDirectory(String path, String version) {
        return root.resolve(escape(path) + "@" + escape(version));
    }

    /**
     * Where the files vendored for {@code module} came from: its replacement directory (relative to the main
     * module), the replacement module's tree, or the module's own tree in the cache.
     */
    public Path sourceOf(ModulesTxt.VendoredModule module, Path mainModuleDirectory) {
        if (module.replacedByDirectory()) {
            return mainModuleDirectory.resolve(module.replacementPath()).toAbsolutePath().normalize();
        }
        if (module.replacementPath() != null) {
            return moduleDirectory(module.replacementPath(), module.replacementVersion());
        }
        return moduleDirectory(module.path(), module.version());
    }

    /** Go's module.EscapePath for the case of module paths and versions: {@code A} becomes {@code !a}. */
    static String escape(String s) {
        StringBuilder out = new StringBuilder(s.length() + 8);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c >= 'A' && c <= 'Z') {
                out.append('!').append(Character.toLowerCase(c));
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }
}
