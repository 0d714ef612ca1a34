package io.gohygiene.maven;

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
}
