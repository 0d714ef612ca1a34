package io.gohygiene.gobuild;

import io.gohygiene.platform.Target;
import io.gohygiene.toolchain.GoModFile;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

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
     * The file name of {@code pkg}'s output as {@code go build} without {@code -o} names it ({@link #goName}), plus
     * the extension of the build mode and GOOS ({@code .exe}, {@code .so}, {@code .dll}, {@code .a} …).
     */
    public static String fileName(Path moduleDirectory, String buildmode, Target target, String pkg) throws BuildException {
        requireOnePackage(pkg);
        return fileName(goName(moduleDirectory, pkg), buildmode, target);
    }

    /** {@code baseName} (a package's {@link #baseNames base name}) plus the extension of the build mode and GOOS. */
    public static String fileName(String baseName, String buildmode, Target target) {
        return baseName + extension(buildmode, target.goos());
    }

    /**
     * The base name of each of the request's packages, in their order: the {@code <name>} given for it, else the name
     * {@code go build} gives it ({@link #goName}).
     *
     * @throws BuildException a pattern naming several packages, or two packages with the same name (the message names both
     *                        and {@code <name>})
     */
    public static Map<String, String> baseNames(BuildRequest request) throws BuildException {
        Map<String, String> names = new LinkedHashMap<>();
        Map<String, String> owners = new HashMap<>();
        for (String pkg : request.packages()) {
            String explicit = request.names().get(pkg);
            if (explicit == null) {
                requireOnePackage(pkg);
            }
            String name = explicit != null ? explicit : goName(request.moduleDirectory(), pkg);
            String other = owners.putIfAbsent(name, pkg);
            if (other != null) {
                throw new BuildException(null, "packages " + other + " and " + pkg + " both build to a binary named '" + name
                        + "' (go names a binary after the last element of its import path); give one of them a name of its own:"
                        + " <packages><package><path>" + pkg + "</path><name>" + name + "-2</name></package></packages>");
            }
            names.put(pkg, name);
        }
        return names;
    }

    /**
     * The name {@code go build} without {@code -o} gives {@code pkg}'s binary (cmd/go's {@code DefaultExecName}): the
     * last element of its import path, or the one before it when that is a major version ({@code example.com/tool/v2}
     * → {@code tool}). A relative or absolute directory's import path is the path of the nearest go.mod's module plus
     * the directory below it, so a checkout's directory name ({@code workspace}, {@code src}) never names a binary. Without
     * a go.mod that names a module (go would not build it) the directory's own name.
     */
    public static String goName(Path moduleDirectory, String pkg) {
        String trimmed = pkg.replace('\\', '/').replaceAll("(.)/+$", "$1");
        if (!isDirectory(trimmed)) {
            return execName(trimmed);
        }
        Path directory = moduleDirectory.toAbsolutePath().resolve(trimmed).normalize();
        return importPath(directory).map(OutputNames::execName)
                .orElseGet(() -> directory.getFileName() == null ? directory.toString() : directory.getFileName().toString());
    }

    /** cmd/go's rule for a package given as a directory ({@code .}, {@code ./cmd/x}, {@code ../x}, {@code /abs}), not an import path. */
    private static boolean isDirectory(String pkg) {
        return pkg.isEmpty() || pkg.equals(".") || pkg.equals("..") || pkg.startsWith("./") || pkg.startsWith("../")
                || pkg.startsWith("/") || Path.of(pkg).isAbsolute();
    }

    /** The import path of the package in {@code directory}: the nearest go.mod at or above it names its module. */
    static Optional<String> importPath(Path directory) {
        for (Path dir = directory; dir != null; dir = dir.getParent()) {
            Path goMod = dir.resolve("go.mod");
            if (Files.isRegularFile(goMod)) {
                Optional<String> module;
                try {
                    module = GoModFile.parse(goMod, Files.readString(goMod)).modulePath();
                } catch (IOException | UncheckedIOException e) {
                    // go cannot read it either and says so when it builds; the directory's name until then
                    return Optional.empty();
                }
                String below = dir.relativize(directory).toString().replace('\\', '/');
                return module.filter(m -> !m.isBlank()).map(m -> below.isEmpty() ? m : m + "/" + below);
            }
        }
        return Optional.empty();
    }

    /** cmd/go's {@code exeFromImportPath} in module mode. */
    static String execName(String importPath) {
        int slash = importPath.lastIndexOf('/');
        String last = importPath.substring(slash + 1);
        if (slash > 0 && isVersionElement(last)) {
            String parent = importPath.substring(0, slash);
            return parent.substring(parent.lastIndexOf('/') + 1);
        }
        return last;
    }

    /** {@code v2}, {@code v3}, {@code v10}; not {@code v0}, {@code v1}, {@code v05} (cmd/go's {@code isVersionElement}). */
    static boolean isVersionElement(String element) {
        if (element.length() < 2 || element.charAt(0) != 'v' || element.charAt(1) == '0'
                || element.charAt(1) == '1' && element.length() == 2) {
            return false;
        }
        return element.chars().skip(1).allMatch(c -> c >= '0' && c <= '9');
    }

    private static void requireOnePackage(String pkg) throws BuildException {
        if (pkg.contains("...")) {
            throw new BuildException(null, "package pattern '" + pkg + "' names several packages; list each main package"
                    + " (./cmd/a, ./cmd/b) so that each gets its own binary");
        }
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
