package io.gohygiene.gotest;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * A {@code go test -coverprofile} file read per source file of the module: statements, covered statements and the
 * hits of each line. Files of other modules and of vendor/ are left out, and so are generated files (Go's
 * convention: a line {@code // Code generated ... DO NOT EDIT.} before the package clause), whose coverage says
 * nothing about the tests. A block listed twice (once per package that ran it) counts once, with its hits added.
 */
public record CoverageProfile(String mode, List<FileCoverage> files, List<String> excluded) {

    /** Go's marker of a generated file (https://go.dev/s/generatedcode). */
    private static final Pattern GENERATED = Pattern.compile("^// Code generated .* DO NOT EDIT\\.$");

    public CoverageProfile {
        files = List.copyOf(files);
        excluded = List.copyOf(excluded);
    }

    /**
     * One source file.
     *
     * @param importPath   the file as the profile names it ({@code example.com/m/pkg/file.go})
     * @param relativePath the file under the module directory ({@code pkg/file.go})
     * @param lineHits     by line number, the most hits of a block covering it
     */
    public record FileCoverage(String importPath, String relativePath, int statements, int coveredStatements,
                               Map<Integer, Long> lineHits) {

        /** The package's import path: the file's without its name. */
        public String packagePath() {
            int slash = importPath.lastIndexOf('/');
            return slash < 0 ? importPath : importPath.substring(0, slash);
        }

        public long coveredLines() {
            return lineHits.values().stream().filter(h -> h > 0).count();
        }
    }

    public int statements() {
        return files.stream().mapToInt(FileCoverage::statements).sum();
    }

    public int coveredStatements() {
        return files.stream().mapToInt(FileCoverage::coveredStatements).sum();
    }

    /** Covered statements in percent, as {@code go tool cover -func} totals them; 0 without statements. */
    public double percent() {
        return statements() == 0 ? 0 : 100.0 * coveredStatements() / statements();
    }

    /**
     * Reads {@code profile} for the module in {@code moduleDirectory} (its go.mod names the module path).
     *
     * @throws IOException when a file cannot be read, or a line is not a profile line (the message names it)
     */
    public static CoverageProfile read(Path profile, Path moduleDirectory) throws IOException {
        String module = modulePath(moduleDirectory);
        String mode = "set";
        Map<String, Map<String, long[]>> blocks = new LinkedHashMap<>();
        try (BufferedReader in = Files.newBufferedReader(profile, StandardCharsets.UTF_8)) {
            int number = 0;
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                number++;
                if (line.startsWith("mode: ")) {
                    mode = line.substring(6).strip();
                    continue;
                }
                if (line.isBlank()) {
                    continue;
                }
                addBlock(blocks, line, mode, profile, number);
            }
        }
        List<FileCoverage> files = new ArrayList<>();
        List<String> excluded = new ArrayList<>();
        for (Map.Entry<String, Map<String, long[]>> file : blocks.entrySet()) {
            Optional<String> relative = relative(file.getKey(), module);
            if (relative.isEmpty() || relative.get().startsWith("vendor/") || generated(moduleDirectory.resolve(relative.get()))) {
                excluded.add(file.getKey());
                continue;
            }
            files.add(fileCoverage(file.getKey(), relative.get(), file.getValue().values()));
        }
        return new CoverageProfile(mode, files, excluded);
    }

    /** {@code name:startLine.startCol,endLine.endCol statements count}; the name may hold ':' and spaces, so it is read from the right. */
    private static void addBlock(Map<String, Map<String, long[]>> blocks, String line, String mode, Path profile, int number) throws IOException {
        try {
            int countAt = line.lastIndexOf(' ');
            int statementsAt = line.lastIndexOf(' ', countAt - 1);
            int rangeAt = line.lastIndexOf(':', statementsAt);
            String name = line.substring(0, rangeAt);
            String range = line.substring(rangeAt + 1, statementsAt);
            String[] ends = range.split(",");
            long start = Long.parseLong(ends[0].substring(0, ends[0].indexOf('.')));
            long end = Long.parseLong(ends[1].substring(0, ends[1].indexOf('.')));
            long statements = Long.parseLong(line.substring(statementsAt + 1, countAt));
            long count = Long.parseLong(line.substring(countAt + 1));
            long[] block = blocks.computeIfAbsent(name, n -> new LinkedHashMap<>()).computeIfAbsent(range, r -> new long[] {start, end, statements, 0});
            block[3] = mode.equals("set") ? Math.max(block[3], count) : block[3] + count;
        } catch (RuntimeException e) {
            throw new IOException(profile + " line " + number + " is not a coverage profile line: '" + line
                    + "'; delete the file and run the tests again", e);
        }
    }

    private static FileCoverage fileCoverage(String importPath, String relative, Iterable<long[]> blocks) {
        int statements = 0;
        int covered = 0;
        Map<Integer, Long> hits = new TreeMap<>();
        for (long[] b : blocks) {
            statements += (int) b[2];
            covered += b[3] > 0 ? (int) b[2] : 0;
            if (b[2] == 0) {
                continue;
            }
            for (long line = b[0]; line <= b[1]; line++) {
                hits.merge((int) line, b[3], Math::max);
            }
        }
        return new FileCoverage(importPath, relative, statements, covered, hits);
    }

    private static Optional<String> relative(String importPath, String module) {
        return importPath.startsWith(module + "/") ? Optional.of(importPath.substring(module.length() + 1)) : Optional.empty();
    }

    /** True when the file carries Go's generated-code line before its package clause; a file that cannot be read is kept. */
    static boolean generated(Path file) {
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                if (line.startsWith("package ")) {
                    return false;
                }
                if (GENERATED.matcher(line).matches()) {
                    return true;
                }
            }
        } catch (IOException | RuntimeException e) {
            return false;
        }
        return false;
    }

    /** The {@code module} line of go.mod. */
    static String modulePath(Path moduleDirectory) throws IOException {
        for (String line : Files.readAllLines(moduleDirectory.resolve("go.mod"), StandardCharsets.UTF_8)) {
            String s = line.strip();
            if (s.startsWith("module")) {
                String rest = s.substring("module".length()).strip();
                int comment = rest.indexOf("//");
                rest = (comment >= 0 ? rest.substring(0, comment) : rest).strip();
                return rest.startsWith("\"") && rest.endsWith("\"") && rest.length() > 1 ? rest.substring(1, rest.length() - 1) : rest;
            }
        }
        throw new IOException(moduleDirectory.resolve("go.mod") + " has no module line; coverage is reported per file of the module it names");
    }
}
