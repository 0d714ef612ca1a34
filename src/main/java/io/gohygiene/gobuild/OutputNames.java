package io.gohygiene.gobuild;

import io.gohygiene.platform.Target;

import java.nio.file.Path;

/**
 * THE naming of what the build goal writes: the folder of a target's outputs, the file name of each package's
 * binary, and a library's C header. The verify goal finds the build's binaries with the same functions, so the two
 * can never disagree about where a target's binaries are.
 */
public final class OutputNames {

    private OutputNames() {
    }

    /** {@code linux_amd64}, {@code linux_amd64_v3}, {@code linux_arm_7-softfloat}: the folder and file key of a target. */
    public static String key(Target target) {
        String key = target.goos() + "_" + target.goarch();
        if (target.variant() != null) {
            key += "_" + target.variant().replaceAll("[^A-Za-z0-9.]", "-");
        }
        return key;
    }

    /** Where the binaries of {@code target} go: {@code <outputRoot>/<goos>_<goarch>[_<variant>]}. */
    public static Path directory(Path outputRoot, Target target) {
        return outputRoot.resolve(key(target));
    }

    /**
     * The file name of {@code pkg}'s output: its last path element (the module directory's name for "."), plus the
     * extension of the build mode and GOOS ({@code .exe}, {@code .so}, {@code .dll}, {@code .a} …).
     */
    public static String fileName(Path moduleDirectory, String buildmode, Target target, String pkg) throws BuildException {
        if (pkg.contains("...")) {
            throw new BuildException(target, "package pattern '" + pkg + "' names several packages; list each main package"
                    + " (./cmd/a, ./cmd/b) so that each gets its own binary");
        }
        String trimmed = pkg.replace('\\', '/').replaceAll("/+$", "");
        String name;
        if (trimmed.isEmpty() || trimmed.equals(".")) {
            name = moduleDirectory.getFileName().toString();
        } else {
            String last = trimmed.substring(trimmed.lastIndexOf('/') + 1);
            if (last.equals(".") || last.equals("..")) {
                last = moduleDirectory.resolve(trimmed).normalize().getFileName().toString();
            }
            name = last;
        }
        return name + extension(buildmode, target.goos());
    }

    /** The C header go writes for a c-archive or c-shared output: its name with .h in place of the extension. */
    public static Path header(Path output) {
        String name = output.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return output.resolveSibling((dot > 0 ? name.substring(0, dot) : name) + ".h");
    }

    static String extension(String buildmode, String goos) {
        if (buildmode != null) {
            switch (buildmode) {
                case "c-archive":
                    return goos.equals("windows") ? ".lib" : ".a";
                case "c-shared":
                    return goos.equals("windows") ? ".dll" : goos.equals("darwin") || goos.equals("ios") ? ".dylib" : ".so";
                case "plugin":
                    return ".so";
                default:
                    break;
            }
        }
        return goos.equals("windows") ? ".exe" : "";
    }
}
