package io.gohygiene.rules;

import io.gohygiene.binary.ExecutableFile;
import io.gohygiene.binary.InspectedImage;
import io.gohygiene.binary.elf.ElfFile;
import io.gohygiene.binary.macho.Dylib;
import io.gohygiene.binary.macho.MachoFile;
import io.gohygiene.binary.pe.PeFile;
import io.gohygiene.finding.Finding;
import io.gohygiene.finding.Verdict;
import io.gohygiene.platform.Target;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * What an executable loads and where it looks: every needed library (ELF DT_NEEDED, Mach-O dylibs, PE DLLs, by
 * file name; case-insensitive for DLLs) on {@code <allowedLibraries>} when that is set; no library, DT_RPATH,
 * DT_RUNPATH or LC_RPATH under {@code <forbiddenLibraryPaths>}; none pointing into a build machine's prefixes
 * (Homebrew, /usr/local, home and temporary directories, a sysroot) even unasked; and on macOS no libstdc++,
 * which left the macOS SDK with Xcode 10.
 */
public final class LibrariesRule implements ImageRule {

    public static final String ID = "libraries";

    /** Directories that exist on the machine that built the binary, not on the machines that run it. */
    private static final List<String> BUILD_MACHINE_PREFIXES = List.of("/opt/homebrew/", "/usr/local/", "/home/", "/Users/", "/tmp/");
    private static final String BUILD_MACHINE_TEXT = "no /opt/homebrew, /usr/local, /home, /Users, /tmp or sysroot path";

    /** A path the loader will use, and the field it came from (DT_RUNPATH, LC_RPATH, a library's install name). */
    private record LoaderPath(String field, String path) {
        boolean isLibrary() {
            return field.equals("library");
        }
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public void evaluate(InspectedImage image, String prefix, Target target, RuleSettings settings, List<Finding> findings) {
        ExecutableFile exe = image.executable();
        List<String> libraries = libraries(exe);
        checkAllowed(exe, libraries, settings.allowedLibraries(), prefix, findings);
        List<LoaderPath> paths = paths(exe, libraries);
        List<LoaderPath> forbidden = checkForbidden(paths, settings.forbiddenLibraryPaths(), prefix, findings);
        checkBuildMachinePaths(paths, forbidden, prefix, findings);
        if (exe instanceof MachoFile) {
            checkLibstdcxx(libraries, prefix, findings);
        }
    }

    private static void checkAllowed(ExecutableFile exe, List<String> libraries, List<String> allowed, String prefix,
                                     List<Finding> findings) {
        if (allowed.isEmpty()) {
            if (libraries.isEmpty()) {
                findings.add(Finding.pass(ID, prefix + "libraries", "none", "any (<allowedLibraries> not set)"));
            } else {
                findings.add(Finding.info(ID, prefix + "libraries", String.join(", ", libraries.stream().map(LibrariesRule::fileName).toList()),
                        "<allowedLibraries> is not set, so any library is accepted"));
            }
            return;
        }
        boolean ignoreCase = exe instanceof PeFile;
        List<String> allowedNames = allowed.stream().map(LibrariesRule::fileName).map(n -> key(n, ignoreCase)).toList();
        String expected = "on <allowedLibraries>";
        if (libraries.isEmpty()) {
            findings.add(Finding.pass(ID, prefix + "libraries", "none", expected));
        }
        for (String library : libraries) {
            String name = fileName(library);
            if (allowedNames.contains(key(name, ignoreCase))) {
                findings.add(Finding.pass(ID, prefix + name, library, expected));
            } else {
                findings.add(Finding.problem(ID, prefix + name, library, expected, Verdict.FAIL,
                        name + " is needed but not on <allowedLibraries> (" + String.join(", ", allowed) + ")",
                        "add " + name + " to <allowedLibraries> if every system the binary runs on provides it; otherwise link it"
                                + " statically or drop the dependency"));
            }
        }
    }

    /** One FAIL per path under a forbidden prefix; returns those paths so they are not warned about again. */
    private static List<LoaderPath> checkForbidden(List<LoaderPath> paths, List<String> forbidden, String prefix, List<Finding> findings) {
        List<LoaderPath> hits = new ArrayList<>();
        if (forbidden.isEmpty()) {
            return hits;
        }
        for (LoaderPath p : paths) {
            Optional<String> hit = forbidden.stream().filter(f -> under(p.path(), f)).findFirst();
            if (hit.isPresent()) {
                hits.add(p);
                String dir = withSlash(hit.get());
                findings.add(Finding.problem(ID, prefix + p.field(), p.path(), "nothing under " + String.join(", ", forbidden), Verdict.FAIL,
                        (p.isLibrary() ? "the binary loads " + p.path() : p.field() + " names " + p.path()) + ", under the forbidden path " + dir,
                        hintFor(p)));
            }
        }
        if (hits.isEmpty()) {
            findings.add(Finding.pass(ID, prefix + "forbidden paths", summary(paths), "nothing under " + String.join(", ", forbidden)));
        }
        return hits;
    }

    private static void checkBuildMachinePaths(List<LoaderPath> paths, List<LoaderPath> alreadyFailed, String prefix, List<Finding> findings) {
        boolean any = false;
        for (LoaderPath p : paths) {
            Optional<String> where = buildMachinePrefix(p.path());
            if (where.isEmpty()) {
                continue;
            }
            any = true;
            if (alreadyFailed.contains(p)) {
                continue;
            }
            findings.add(Finding.problem(ID, prefix + p.field(), p.path(), BUILD_MACHINE_TEXT, Verdict.WARN,
                    (p.isLibrary() ? "the binary loads " + p.path() : p.field() + " names " + p.path()) + ", a path into the build machine's "
                            + where.get() + ": on other machines it is missing or holds something else",
                    hintFor(p)));
        }
        if (!any) {
            findings.add(Finding.pass(ID, prefix + "build-machine paths", summary(paths), BUILD_MACHINE_TEXT));
        }
    }

    private static void checkLibstdcxx(List<String> libraries, String prefix, List<Finding> findings) {
        Optional<String> libstdcxx = libraries.stream().filter(l -> fileName(l).startsWith("libstdc++")).findFirst();
        String expected = "no libstdc++ (gone from the macOS SDK since Xcode 10)";
        if (libstdcxx.isEmpty()) {
            findings.add(Finding.pass(ID, prefix + "libstdc++", "not linked", expected));
            return;
        }
        findings.add(Finding.problem(ID, prefix + "libstdc++", libstdcxx.get(), expected, Verdict.FAIL,
                "the binary loads " + libstdcxx.get() + ", but libstdc++ was removed from the macOS SDK with Xcode 10 (2018):"
                        + " current macOS versions do not ship it",
                "build the C++ code against libc++, the default of Apple clang: drop -stdlib=libstdc++ and -lstdc++ from"
                        + " CGO_CXXFLAGS/CGO_LDFLAGS and use -lc++"));
    }

    private static String hintFor(LoaderPath p) {
        if (p.isLibrary()) {
            return "link the library statically, or ship it with the binary and load it through @rpath/$ORIGIN"
                    + " (install_name_tool -change on macOS)";
        }
        return "drop the -rpath from -ldflags=-extldflags, CGO_LDFLAGS or the pkg-config file that adds it; ship libraries"
                + " next to the binary with an $ORIGIN (@loader_path) relative path, or link them statically";
    }

    private static List<String> libraries(ExecutableFile exe) {
        if (exe instanceof ElfFile elf) {
            return elf.needed();
        }
        if (exe instanceof MachoFile macho) {
            return macho.dylibs().stream().map(Dylib::name).toList();
        }
        if (exe instanceof PeFile pe) {
            return pe.importedDlls();
        }
        return List.of();
    }

    private static List<LoaderPath> paths(ExecutableFile exe, List<String> libraries) {
        List<LoaderPath> paths = new ArrayList<>();
        libraries.stream().filter(l -> l.startsWith("/")).forEach(l -> paths.add(new LoaderPath("library", l)));
        if (exe instanceof ElfFile elf) {
            elf.rpath().forEach(p -> paths.add(new LoaderPath("DT_RPATH", p)));
            elf.runpath().forEach(p -> paths.add(new LoaderPath("DT_RUNPATH", p)));
        } else if (exe instanceof MachoFile macho) {
            macho.rpaths().forEach(p -> paths.add(new LoaderPath("LC_RPATH", p)));
        }
        return paths;
    }

    /** What the loader searches, for a pass row: the run paths, or that there are none. */
    private static String summary(List<LoaderPath> paths) {
        List<String> search = paths.stream().filter(p -> !p.isLibrary()).map(p -> p.field() + " " + p.path()).toList();
        return search.isEmpty() ? "no rpath or runpath" : String.join(", ", search);
    }

    private static Optional<String> buildMachinePrefix(String path) {
        String dir = withSlash(path);
        Optional<String> prefix = BUILD_MACHINE_PREFIXES.stream().filter(dir::startsWith).findFirst();
        if (prefix.isPresent()) {
            return prefix;
        }
        return path.toLowerCase(Locale.ROOT).contains("sysroot") ? Optional.of("sysroot") : Optional.empty();
    }

    /** {@code /usr/local/lib} is under {@code /usr/local/} and {@code /usr/local}; {@code /usr/localized} is not. */
    private static boolean under(String path, String prefix) {
        return !prefix.isBlank() && withSlash(path).startsWith(withSlash(prefix.strip()));
    }

    private static String withSlash(String path) {
        return path.endsWith("/") ? path : path + "/";
    }

    private static String fileName(String path) {
        String p = path.strip();
        return p.substring(Math.max(p.lastIndexOf('/'), p.lastIndexOf('\\')) + 1);
    }

    private static String key(String name, boolean ignoreCase) {
        return ignoreCase ? name.toLowerCase(Locale.ROOT) : name;
    }
}
