package io.gohygiene.modvendor;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Finds the files a module's cgo packages need beyond their own package directories, which is what
 * {@code go mod vendor} copies (golang/go#26366): headers and C sources reached through {@code #include "…"} chains
 * (followed transitively), the headers of {@code #cgo -I} directories and the libraries of {@code #cgo -L}
 * directories inside the module.
 * <p>
 * The scan reads every file of a package whatever its build constraints, unlike {@code go list}, which reports
 * only the files of the host's GOOS/GOARCH: a darwin or windows target needs its own C files vendored too.
 * Conditional includes are all followed, so the result is a superset, and restoring a file too many is harmless.
 * <p>
 * Over 300 lines: the {@code #include} and {@code #cgo} line scanner and the transitive walk share the per-module
 * state (visited files, reasons); split, they would pass that state back and forth.
 */
public final class CgoNeedFinder {

    /** A file (relative to the module root, with forward slashes) that some cgo package needs, and why. */
    public record Need(String path, String reason) {
    }

    /** An {@code #include "…"} found in no directory the compiler would search inside the module. */
    public record Unresolved(String includedFrom, String include) {
    }

    /** @param cgoPackages the package directories (relative to the module root) that use cgo or hold C/assembly files */
    public record Result(List<Need> needs, List<Unresolved> unresolved, List<String> cgoPackages) {
    }

    /** Larger files are not scanned for includes: no C source is this big, a data blob may be. */
    private static final long MAX_SCANNED = 8L << 20;

    private static final Pattern IMPORT_C = Pattern.compile("(?m)^\\s*import\\s+\"C\"");
    private static final Pattern CGO_DIRECTIVE = Pattern.compile("^#cgo\\s+(?:[^:]*\\s)?([A-Za-z-]+):(.*)$");
    private static final Pattern INCLUDE = Pattern.compile("^\\s*#\\s*(include|import|include_next)\\s*([<\"])([^>\"]+)[>\"]");
    /** {@code #include SOME_MACRO}: resolved through a {@code #define SOME_MACRO "file.h"} seen in the package's files. */
    private static final Pattern INCLUDE_MACRO = Pattern.compile("^\\s*#\\s*(include|import|include_next)\\s+([A-Za-z_][A-Za-z0-9_]*)\\s*(?:$|/[/*])");
    private static final Pattern DEFINE_PATH = Pattern.compile("^\\s*#\\s*define\\s+([A-Za-z_][A-Za-z0-9_]*)\\s+([<\"])([^>\"]+)[>\"]");

    private static final Set<String> C_FAMILY = Set.of("c", "h", "cc", "cpp", "cxx", "c++", "hh", "hpp", "hxx", "h++", "inc",
            "ipp", "tcc", "m", "mm", "s", "sx", "def", "f", "f90", "f95", "for");
    private static final Set<String> HEADERS = Set.of("h", "hh", "hpp", "hxx", "h++", "inc", "ipp", "tcc", "def");
    /** Headers the go tool itself supplies to Go assembly files; they are never in a module. */
    private static final Set<String> GO_ASM_HEADERS = Set.of("textflag.h", "go_asm.h", "funcdata.h", "go_tls.h", "asm_amd64.h",
            "asm_ppc64x.h", "asm_arm64.h");

    private final Path moduleRoot;
    private final Map<String, Need> needs = new LinkedHashMap<>();
    private final List<Unresolved> unresolved = new ArrayList<>();
    private final List<String> cgoPackages = new ArrayList<>();

    private CgoNeedFinder(Path moduleRoot) {
        this.moduleRoot = moduleRoot.toAbsolutePath().normalize();
    }

    /**
     * @param moduleRoot  the module's source tree (in the module cache, or a replacement directory)
     * @param packageDirs the directories of its vendored packages, relative to {@code moduleRoot} ("" for the root)
     */
    public static Result find(Path moduleRoot, Collection<String> packageDirs) throws IOException {
        CgoNeedFinder finder = new CgoNeedFinder(moduleRoot);
        for (String dir : packageDirs) {
            finder.scanPackage(dir);
        }
        return new Result(List.copyOf(finder.needs.values()), List.copyOf(finder.unresolved), List.copyOf(finder.cgoPackages));
    }

    /** Search paths and the files left to scan, for one package. */
    private final class PackageScan {
        final Path dir;
        /** -I directories in order; the package directory first, as go build passes {@code -I <package dir>}. */
        final List<Path> includeDirs = new ArrayList<>();
        final Deque<Path> queue = new ArrayDeque<>();
        final Set<Path> scanned = new java.util.HashSet<>();
        /** {@code #define NAME "x.h"} lines: name to the quote character and path. */
        final Map<String, String[]> pathMacros = new java.util.HashMap<>();
        /** {@code #include NAME} lines waiting for their define: the including file and the macro name. */
        final List<Map.Entry<Path, String>> macroIncludes = new ArrayList<>();

        PackageScan(Path dir) {
            this.dir = dir;
            includeDirs.add(dir);
        }
    }

    private void scanPackage(String relativeDir) throws IOException {
        Path dir = moduleRoot.resolve(relativeDir).normalize();
        if (!Files.isDirectory(dir) || !dir.startsWith(moduleRoot)) {
            return;
        }
        List<Path> files;
        try (Stream<Path> list = Files.list(dir)) {
            files = list.filter(Files::isRegularFile).sorted().toList();
        }
        PackageScan scan = new PackageScan(dir);
        Map<Path, List<String>> preambles = new LinkedHashMap<>();
        boolean usesC = false;
        for (Path file : files) {
            String name = file.getFileName().toString();
            if (name.endsWith(".go") && !name.endsWith("_test.go")) {
                String text = read(file);
                Matcher m = IMPORT_C.matcher(text);
                if (m.find()) {
                    usesC = true;
                    preambles.put(file, commentLines(text.substring(0, m.start())));
                }
            } else if (C_FAMILY.contains(extension(name))) {
                usesC = true;
                scan.queue.add(file);
            }
        }
        if (!usesC) {
            return;
        }
        cgoPackages.add(relativeDir);
        for (Map.Entry<Path, List<String>> e : preambles.entrySet()) {
            for (String line : e.getValue()) {
                Matcher m = CGO_DIRECTIVE.matcher(line.strip());
                if (m.matches()) {
                    directive(scan, e.getKey(), m.group(1), m.group(2));
                }
            }
        }
        for (Map.Entry<Path, List<String>> e : preambles.entrySet()) {
            includes(scan, e.getKey(), e.getValue());
        }
        drain(scan);
        // A define may come from a file scanned after the include that uses it: resolve the macro includes once
        // the queue is empty, and scan what they reach, until nothing new turns up.
        for (int resolved = -1; resolved != 0; ) {
            resolved = 0;
            for (Map.Entry<Path, String> pending : List.copyOf(scan.macroIncludes)) {
                String[] definition = scan.pathMacros.get(pending.getValue());
                if (definition != null) {
                    scan.macroIncludes.remove(pending);
                    resolve(scan, pending.getKey(), "include " + pending.getValue() + " (" + definition[0] + definition[1]
                            + (definition[0].equals("\"") ? "\"" : ">") + ")", definition[0].equals("\""), definition[1]);
                    resolved++;
                }
            }
            drain(scan);
        }
    }

    private void drain(PackageScan scan) throws IOException {
        while (!scan.queue.isEmpty()) {
            Path file = scan.queue.poll();
            if (scan.scanned.add(file) && Files.size(file) <= MAX_SCANNED) {
                includes(scan, file, read(file).lines().toList());
            }
        }
    }

    /** One {@code #cgo VAR: flags} line: -I and -L directories and library files inside the module are needs. */
    private void directive(PackageScan scan, Path goFile, String variable, String flags) throws IOException {
        List<String> args = CgoFlags.split(flags);
        boolean compile = variable.equals("CFLAGS") || variable.equals("CPPFLAGS") || variable.equals("CXXFLAGS")
                || variable.equals("FFLAGS");
        boolean link = variable.equals("LDFLAGS");
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            String option = null;
            String value = null;
            for (String o : new String[] {"-iquote", "-isystem", "-idirafter", "-I", "-L"}) {
                if (arg.equals(o) && i + 1 < args.size()) {
                    option = o;
                    value = args.get(++i);
                    break;
                }
                if (arg.startsWith(o) && arg.length() > o.length()) {
                    option = o;
                    value = arg.substring(o.length());
                    break;
                }
            }
            String where = "#cgo " + variable + " in " + relative(goFile);
            if (option != null && compile && !option.equals("-L")) {
                Path d = resolve(scan.dir, value);
                if (d.startsWith(moduleRoot)) {
                    scan.includeDirs.add(d);
                    addFilesOf(d, HEADERS, option + value + " (" + where + ")");
                }
            } else if (option != null && link && option.equals("-L")) {
                Path d = resolve(scan.dir, value);
                if (d.startsWith(moduleRoot)) {
                    addFilesOf(d, null, "-L" + value + " (" + where + ")");
                }
            } else if (link && !arg.startsWith("-") && (arg.contains("/") || arg.contains("${SRCDIR}")) && isLibrary(arg)) {
                Path f = resolve(scan.dir, arg);
                if (f.startsWith(moduleRoot) && Files.isRegularFile(f)) {
                    need(f, arg + " (" + where + ")");
                }
            }
        }
    }

    private void includes(PackageScan scan, Path file, List<String> lines) throws IOException {
        boolean assembly = file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".s");
        for (String line : lines) {
            Matcher define = DEFINE_PATH.matcher(line);
            if (define.find()) {
                scan.pathMacros.putIfAbsent(define.group(1), new String[] {define.group(2), define.group(3).strip()});
                continue;
            }
            Matcher macro = INCLUDE_MACRO.matcher(line);
            if (macro.find()) {
                scan.macroIncludes.add(Map.entry(file, macro.group(2)));
                continue;
            }
            Matcher m = INCLUDE.matcher(line);
            if (!m.find()) {
                continue;
            }
            boolean quoted = m.group(2).equals("\"");
            String include = m.group(3).strip();
            if (assembly && GO_ASM_HEADERS.contains(include)) {
                continue;
            }
            resolve(scan, file, m.group(1) + " " + m.group(2) + include + (quoted ? "\"" : ">"), quoted, include);
        }
    }

    /** Finds {@code include} where the compiler would, in the module: a need, and a file to scan in its turn. */
    private void resolve(PackageScan scan, Path file, String directive, boolean quoted, String include) {
        List<Path> candidates = new ArrayList<>();
        if (quoted) {
            candidates.add(file.getParent());
        }
        candidates.addAll(scan.includeDirs);
        Path found = null;
        for (Path dir : candidates) {
            Path c = dir.resolve(include).normalize();
            if (c.startsWith(moduleRoot) && Files.isRegularFile(c)) {
                found = c;
                break;
            }
        }
        if (found == null) {
            if (quoted) {
                unresolved.add(new Unresolved(relative(file), include));
            }
            return;
        }
        need(found, "#" + directive + " in " + relative(file));
        if (!scan.scanned.contains(found)) {
            scan.queue.add(found);
        }
    }

    private void addFilesOf(Path dir, Set<String> extensions, String reason) throws IOException {
        if (!Files.isDirectory(dir)) {
            return;
        }
        try (Stream<Path> list = Files.list(dir)) {
            for (Path f : list.filter(Files::isRegularFile).sorted().toList()) {
                String name = f.getFileName().toString();
                if (extensions == null ? isLibrary(name) : extensions.contains(extension(name))) {
                    need(f, reason);
                }
            }
        }
    }

    private void need(Path file, String reason) {
        needs.putIfAbsent(relative(file), new Need(relative(file), reason));
    }

    private Path resolve(Path packageDir, String value) {
        String v = value.replace("${SRCDIR}", packageDir.toString());
        Path p = Path.of(v);
        return (p.isAbsolute() ? p : packageDir.resolve(p)).normalize();
    }

    private String relative(Path file) {
        return moduleRoot.relativize(file).toString().replace('\\', '/');
    }

    private static boolean isLibrary(String name) {
        String n = name.toLowerCase(Locale.ROOT);
        return n.endsWith(".a") || n.endsWith(".so") || n.contains(".so.") || n.endsWith(".dylib") || n.endsWith(".lib")
                || n.endsWith(".dll") || n.endsWith(".tbd") || n.endsWith(".o") || n.endsWith(".syso");
    }

    private static String extension(String name) {
        int dot = name.lastIndexOf('.');
        return dot < 0 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
    }

    private static String read(Path file) throws IOException {
        return new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1);
    }

    /** The text of the // and block comments in Go source, line by line, comment markers removed. */
    static List<String> commentLines(String goSource) {
        List<String> out = new ArrayList<>();
        int i = 0;
        int n = goSource.length();
        while (i < n) {
            char c = goSource.charAt(i);
            if (c == '/' && i + 1 < n && goSource.charAt(i + 1) == '/') {
                int end = goSource.indexOf('\n', i);
                end = end < 0 ? n : end;
                out.add(goSource.substring(i + 2, end));
                i = end;
            } else if (c == '/' && i + 1 < n && goSource.charAt(i + 1) == '*') {
                int end = goSource.indexOf("*/", i + 2);
                end = end < 0 ? n : end;
                out.addAll(goSource.substring(i + 2, end).lines().toList());
                i = end + 2;
            } else if (c == '"' || c == '`' || c == '\'') {
                i = skipLiteral(goSource, i);
            } else {
                i++;
            }
        }
        return out;
    }

    private static int skipLiteral(String s, int start) {
        char quote = s.charAt(start);
        int i = start + 1;
        while (i < s.length()) {
            char c = s.charAt(i);
            if (c == '\\' && quote != '`') {
                i += 2;
                continue;
            }
            if (c == quote || (c == '\n' && quote != '`')) {
                return i + 1;
            }
            i++;
        }
        return i;
    }
}
