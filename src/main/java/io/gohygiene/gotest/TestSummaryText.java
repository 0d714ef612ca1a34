package io.gohygiene.gotest;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A {@code go test} run as a build log shows it: per package a header line and an aligned table (test, status,
 * time) with the first lines of each failure under it, then one total line:
 * {@code tests: 42 passed, 1 failed, 3 skipped in 4 packages (1 cached, 1 with no test files) in 3.2 s}.
 */
public final class TestSummaryText {

    /** How many of a failure's own lines the log shows; the report holds them all. */
    static final int FAILURE_LINES = 5;

    private TestSummaryText() {
    }

    /** The summary, one string per line. */
    public static List<String> lines(List<PackageResult> packages, Duration wall) {
        return lines(packages, wall, true);
    }

    /**
     * As {@link #lines(List, Duration)}, with the tables of only the packages that failed (or had no proper result)
     * unless {@code everyTable}: the build log's default, the passing packages being in the total line.
     */
    public static List<String> lines(List<PackageResult> packages, Duration wall, boolean everyTable) {
        List<String> lines = new ArrayList<>();
        for (PackageResult p : packages) {
            if (everyTable || p.status() == Status.FAIL || p.status() == Status.ERROR) {
                lines.addAll(table(p));
            }
        }
        lines.add(total(packages, wall));
        return lines;
    }

    private static List<String> table(PackageResult p) {
        List<String> lines = new ArrayList<>();
        String notes = p.cached() ? "  (cached)" : p.noTestFiles() ? "  (no test files)" : p.buildFailed() ? "  (did not build)" : "";
        lines.add(p.importPath() + "  " + p.status() + "  " + seconds(p.elapsedSeconds()) + notes);
        int width = p.tests().stream().mapToInt(t -> t.name().length()).max().orElse(0);
        for (TestCaseResult t : p.tests()) {
            lines.add(String.format(Locale.ROOT, "  %-" + width + "s  %-5s  %s", t.name(), t.status(), seconds(t.elapsedSeconds())));
            if (t.status() == Status.FAIL || t.status() == Status.ERROR) {
                t.failureMessage().ifPresent(m -> lines.add("      " + printable(m)));
                ownLines(t.output()).stream().filter(l -> !printable(t.failureMessage().orElse("")).equals(l))
                        .forEach(l -> lines.add("      " + l));
            } else if (t.status() == Status.SKIP) {
                t.skipMessage().ifPresent(m -> lines.add("      " + printable(m)));
            }
        }
        return lines;
    }

    /** The first lines the test printed itself, without go's framing ({@code === RUN}, {@code --- FAIL}). */
    private static List<String> ownLines(String output) {
        return output.lines().map(String::strip).filter(l -> !l.isEmpty() && !TestOutput.isFraming(l))
                .limit(FAILURE_LINES).map(TestSummaryText::printable).toList();
    }

    /** Control characters a test printed must not drive the terminal the log is read in. */
    private static String printable(String line) {
        StringBuilder s = new StringBuilder(line.length());
        line.codePoints().forEach(c -> {
            if (Character.isISOControl(c) && c != '\t') {
                s.append(String.format(Locale.ROOT, "\\u%04X", c));
            } else {
                s.appendCodePoint(c);
            }
        });
        return s.toString();
    }

    private static String total(List<PackageResult> packages, Duration wall) {
        long passed = count(packages, Status.PASS);
        long failed = count(packages, Status.FAIL);
        long skipped = count(packages, Status.SKIP);
        long errors = count(packages, Status.ERROR);
        long cached = packages.stream().filter(PackageResult::cached).count();
        long noTests = packages.stream().filter(PackageResult::noTestFiles).count();
        long notBuilt = packages.stream().filter(PackageResult::buildFailed).count();
        StringBuilder s = new StringBuilder("tests: ").append(passed).append(" passed, ").append(failed).append(" failed, ")
                .append(skipped).append(" skipped");
        if (errors > 0) {
            s.append(", ").append(errors).append(errors == 1 ? " error" : " errors");
        }
        s.append(" in ").append(packages.size()).append(packages.size() == 1 ? " package" : " packages")
                .append(" (").append(cached).append(" cached, ").append(noTests).append(" with no test files");
        if (notBuilt > 0) {
            s.append(", ").append(notBuilt).append(" did not build");
        }
        return s.append(") in ").append(String.format(Locale.ROOT, "%.1f s", wall.toMillis() / 1000.0)).toString();
    }

    private static long count(List<PackageResult> packages, Status status) {
        return packages.stream().flatMap(p -> p.tests().stream()).filter(t -> t.status() == status).count();
    }

    private static String seconds(double seconds) {
        return String.format(Locale.ROOT, "%.2f s", seconds);
    }
}
