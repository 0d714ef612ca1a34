package io.gohygiene.maven;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One main package in {@code <packages>}: the short form {@code <package>./cmd/server</package>} (or the plain list
 * {@code <packages>./cmd/a,./cmd/b</packages>}), or the long form {@code <package><path>./cmd/server</path>
 * <name>myserver</name></package>}, whose {@code <name>} replaces the name go gives the binary (the extension is added).
 */
public class PackageConfig {

    private String path;
    private String name;

    public PackageConfig() {
    }

    public PackageConfig(String path) {
        this.path = path;
    }

    /** Called by Maven for the short form and for each element of a comma-separated list. */
    public void set(String path) {
        this.path = path;
    }

    public void setPath(String path) {
        this.path = path;
    }

    /** The binary's file name without extension, e.g. myserver; by default go's (the import path's last element). */
    public void setName(String name) {
        this.name = name;
    }

    String path() {
        return path;
    }

    String name() {
        return name == null || name.isBlank() ? null : name;
    }

    /** The packages' paths in order; an entry without {@code <name>} may hold a comma-separated list. */
    static List<String> paths(List<PackageConfig> packages) {
        List<String> paths = new ArrayList<>();
        if (packages != null) {
            for (PackageConfig p : packages) {
                if (p != null && p.path != null) {
                    paths.addAll(p.name() == null ? AbstractGoHygieneMojo.list(List.of(p.path)) : List.of(p.path.strip()));
                }
            }
        }
        return paths;
    }

    /**
     * {@code <name>} by package path.
     *
     * @throws IllegalArgumentException a {@code <name>} without a {@code <path>}, or with a path listing several packages
     */
    static Map<String, String> names(List<PackageConfig> packages) {
        Map<String, String> names = new LinkedHashMap<>();
        if (packages != null) {
            for (PackageConfig p : packages) {
                if (p == null || p.name() == null) {
                    continue;
                }
                if (p.path == null || p.path.isBlank()) {
                    throw new IllegalArgumentException("<packages>: <name>" + p.name() + "</name> has no <path>; write"
                            + " <package><path>./cmd/server</path><name>" + p.name() + "</name></package>");
                }
                if (p.path.contains(",")) {
                    throw new IllegalArgumentException("<packages>: <name>" + p.name() + "</name> names one binary, but its <path> "
                            + p.path.strip() + " lists several packages; give each package its own <package>");
                }
                names.put(p.path.strip(), p.name());
            }
        }
        return names;
    }
}
