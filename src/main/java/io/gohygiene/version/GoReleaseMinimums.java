package io.gohygiene.version;

import java.util.List;
import java.util.Optional;

/**
 * The oldest operating system each Go release supports, as the Go release notes and the Go wiki's
 * MinimumRequirements page document them (DESIGN.md, errata). The one table every rule and hint reads.
 * A release newer than the table gets its last row as a lower bound: minimums only ever rise.
 */
public final class GoReleaseMinimums {

    /** The newest Go 1.x minor release this table was checked against. */
    public static final int CHECKED_UP_TO = 26;

    /** The systems whose minimum a Go release raises. */
    public enum OperatingSystem {
        MACOS("macOS"), WINDOWS("Windows"), LINUX_KERNEL("Linux kernel");

        private final String title;

        OperatingSystem(String title) {
            this.title = title;
        }

        public String title() {
            return title;
        }
    }

    /**
     * Go 1.{@code first} to 1.{@code last} need at least {@code version} ({@code name} as people say it).
     *
     * @param version dotted, as loaders compare it: macOS {@code 10.15}, Windows {@code 10.0}, kernel {@code 3.2}
     */
    public record Minimum(OperatingSystem system, int first, int last, String version, String name) {

        /** "Go 1.25". */
        public String raisedBy() {
            return "Go 1." + first;
        }
    }

    private static final List<Minimum> TABLE = List.of(
            new Minimum(OperatingSystem.MACOS, 17, 20, "10.13", "macOS 10.13"),
            new Minimum(OperatingSystem.MACOS, 21, 22, "10.15", "macOS 10.15"),
            new Minimum(OperatingSystem.MACOS, 23, 24, "11", "macOS 11"),
            new Minimum(OperatingSystem.MACOS, 25, CHECKED_UP_TO, "12", "macOS 12"),
            new Minimum(OperatingSystem.WINDOWS, 11, 20, "6.1", "Windows 7 / Server 2008 R2"),
            new Minimum(OperatingSystem.WINDOWS, 21, CHECKED_UP_TO, "10.0", "Windows 10 / Server 2016"),
            new Minimum(OperatingSystem.LINUX_KERNEL, 19, 23, "2.6.32", "Linux kernel 2.6.32"),
            new Minimum(OperatingSystem.LINUX_KERNEL, 24, CHECKED_UP_TO, "3.2", "Linux kernel 3.2"));

    private GoReleaseMinimums() {
    }

    /** Every row for {@code system}, oldest release first. */
    public static List<Minimum> rows(OperatingSystem system) {
        return TABLE.stream().filter(m -> m.system() == system).toList();
    }

    /** The minimum {@code go} needs, when the table covers it (its last row for releases after {@link #CHECKED_UP_TO}). */
    public static Optional<Minimum> of(OperatingSystem system, GoVersion go) {
        List<Minimum> rows = rows(system);
        int minor = minor(go);
        if (go.numbers().get(0) != 1 || minor < rows.get(0).first()) {
            return Optional.empty();
        }
        return Optional.of(rows.stream().filter(m -> minor >= m.first() && minor <= m.last()).findFirst()
                .orElse(rows.get(rows.size() - 1)));
    }

    /**
     * "go1.26.8 requires macOS 12 or later (Go 1.25 raised it)"; for a release after the table "requires at least";
     * for one before it, that the table does not reach it.
     */
    public static String sentence(OperatingSystem system, GoVersion go) {
        Optional<Minimum> found = of(system, go);
        if (found.isEmpty()) {
            return go.goName() + " predates " + rows(system).get(0).raisedBy() + ", the first release in this plugin's table of "
                    + system.title() + " minimums";
        }
        Minimum m = found.get();
        if (minor(go) > CHECKED_UP_TO) {
            return go.goName() + " requires at least " + m.name() + " (" + m.raisedBy() + " raised it; this plugin's table ends at Go 1."
                    + CHECKED_UP_TO + ")";
        }
        return go.goName() + " requires " + m.name() + " or later (" + m.raisedBy() + " raised it)";
    }

    /**
     * The newest releases that still support {@code version}: "Go 1.24 or older (Go 1.23–1.24 support macOS 11)",
     * or "Go 1.16 or older (Go 1.17 raised the minimum to macOS 10.13)" when no row does.
     */
    public static String newestReleasesFor(OperatingSystem system, String version) {
        List<Minimum> rows = rows(system);
        for (int i = rows.size() - 1; i >= 0; i--) {
            Minimum m = rows.get(i);
            if (DottedVersions.compare(m.version(), version) <= 0) {
                return "Go 1." + m.last() + " or older (Go 1." + m.first() + "–1." + m.last() + " support " + m.name() + ")";
            }
        }
        Minimum first = rows.get(0);
        return "Go 1." + (first.first() - 1) + " or older (" + first.raisedBy() + " raised the minimum to " + first.name() + ")";
    }

    private static int minor(GoVersion go) {
        return go.numbers().size() > 1 ? go.numbers().get(1) : 0;
    }
}
