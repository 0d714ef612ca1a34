package io.gohygiene.vulndb;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * One entry of Go's vulnerability database (an OSV file, data/osv/GO-*.json), with what matching and a finding
 * need: the ID and its aliases (CVE, GHSA), the summary, the dates as written, and per affected module its version
 * ranges and the packages and symbols it names. The long {@code details} text and the references are left out: a
 * finding links to {@code https://pkg.go.dev/vuln/<id>}, and the index stays small.
 * <p>
 * Matching follows x/vuln (internal/semver/affects.go and vulncheck's affectingVulnerabilities): the module path
 * must be equal, only SEMVER ranges count (no ranges, or none of type SEMVER, means every version), each range's
 * events are taken in version order with {@code introduced: "0"} first, a version is inside from an
 * {@code introduced} (inclusive) to the next {@code fixed} (exclusive), and a withdrawn entry affects nothing.
 * The Go standard library and the go command are the modules {@code stdlib} and {@code toolchain}; their versions
 * may be given as Go names ({@code go1.22.1}), converted as x/vuln converts the Go version of a binary.
 */
public record OsvEntry(String id, List<String> aliases, String summary, String published, String modified,
                       Optional<String> withdrawn, List<Affected> affected) {

    /** The pseudo-module x/vuln relates the standard library's packages to. */
    public static final String STDLIB = "stdlib";
    /** The pseudo-module for the go command and the toolchain's other programs. */
    public static final String TOOLCHAIN = "toolchain";
    public static final String RANGE_SEMVER = "SEMVER";

    public OsvEntry {
        aliases = List.copyOf(aliases);
        affected = List.copyOf(affected);
    }

    /** One {@code affected} element: a module, its ranges and the packages (with symbols) it names. */
    public record Affected(String module, String ecosystem, List<Range> ranges, List<Import> imports) {
        public Affected {
            ranges = List.copyOf(ranges);
            imports = List.copyOf(imports);
        }

        /** Whether {@code version} (semver, or a Go name for stdlib/toolchain) lies in these ranges. */
        public boolean affects(String version) {
            return comparable(module, version).map(this::holds).orElse(false);
        }

        /** {@link #affects} for a version already made comparable. */
        boolean holds(String v) {
            boolean semverRange = false;
            for (Range range : ranges) {
                if (range.type().equals(RANGE_SEMVER)) {
                    semverRange = true;
                    if (range.contains(v)) {
                        return true;
                    }
                }
            }
            return !semverRange;
        }

        /**
         * The first version that fixes {@code version}: the next {@code fixed} event above it in a SEMVER range, as
         * written in the file (bare, {@code 0.23.0} or {@code 1.22.2}); empty when no fix is published.
         */
        public Optional<String> fixedAfter(String version) {
            return comparable(module, version).flatMap(this::fixedAbove);
        }

        /** {@link #fixedAfter} for a version already made comparable. */
        Optional<String> fixedAbove(String v) {
            return ranges.stream().filter(r -> r.type().equals(RANGE_SEMVER))
                    .flatMap(r -> r.events().stream()).filter(e -> e.kind() == Event.Kind.FIXED && GoSemver.less(v, e.version()))
                    .min((x, y) -> GoSemver.less(x.version(), y.version()) ? -1 : GoSemver.less(y.version(), x.version()) ? 1 : 0)
                    .map(Event::version);
        }
    }

    /**
     * A range: its type (Go's database writes only SEMVER) and its events in the order x/vuln walks them: sorted by
     * version, {@code introduced "0"} first (a stable sort, so the file's order among equal versions is kept). The
     * parser sorts them once through {@link #of}; the index stores them sorted, so a warm open does not sort again.
     */
    public record Range(String type, List<Event> events) {
        public Range {
            events = List.copyOf(events);
        }

        /** A range with its events sorted as x/vuln's containsSemver sorts them before walking them. */
        public static Range of(String type, List<Event> events) {
            List<Event> sorted = new ArrayList<>(events);
            sorted.sort(Comparator.comparing((Event e) -> !e.isBeginning())
                    .thenComparing(Event::version, (a, b) -> GoSemver.less(a, b) ? -1 : GoSemver.less(b, a) ? 1 : 0));
            return new Range(type, sorted);
        }

        /** x/vuln's containsSemver on events in {@link #of}'s order: left-closed, right-open intervals from each introduced to the next fixed. */
        public boolean contains(String version) {
            if (events.isEmpty()) {
                return true;
            }
            boolean affected = false;
            for (Event e : events) {
                if (!affected && e.kind() == Event.Kind.INTRODUCED) {
                    affected = e.isBeginning() || !GoSemver.less(version, e.version());
                } else if (affected && e.kind() == Event.Kind.FIXED) {
                    affected = GoSemver.less(version, e.version());
                }
            }
            return affected;
        }
    }

    /** One event; Go's database writes {@code introduced} and {@code fixed} only (others are kept and ignored). */
    public record Event(Kind kind, String version) {
        public enum Kind { INTRODUCED, FIXED, OTHER }

        boolean isBeginning() {
            return kind == Kind.INTRODUCED && version.equals("0");
        }
    }

    /** A package the entry names ({@code ecosystem_specific.imports[]}); empty lists mean every platform or symbol. */
    public record Import(String path, List<String> goos, List<String> goarch, List<String> symbols) {
        public Import {
            goos = List.copyOf(goos);
            goarch = List.copyOf(goarch);
            symbols = List.copyOf(symbols);
        }

        /** x/vuln's matchesPlatform: an empty goos/goarch (given or listed) matches everything. */
        public boolean matchesPlatform(String os, String arch) {
            return (os.isEmpty() || goos.isEmpty() || goos.contains(os)) && (arch.isEmpty() || goarch.isEmpty() || goarch.contains(arch));
        }
    }

    /** Whether any {@code affected} element for {@code module} holds {@code version}; never for a withdrawn entry. */
    public boolean affects(String module, String version) {
        return !affectedAt(module, version, Instant.now()).isEmpty();
    }

    /** The {@code affected} elements for {@code module} that hold {@code version}, empty once withdrawn by {@code now}. */
    public List<Affected> affectedAt(String module, String version, Instant now) {
        return affecting(module, comparable(module, version), now);
    }

    /** {@link #affectedAt} for a version already made comparable (once per lookup, not once per entry). */
    List<Affected> affecting(String module, Optional<String> comparableVersion, Instant now) {
        if (comparableVersion.isEmpty() || isWithdrawn(now)) {
            return List.of();
        }
        List<Affected> found = new ArrayList<>(1);
        for (Affected a : affected) {
            if (a.module().equals(module) && a.holds(comparableVersion.get())) {
                found.add(a);
            }
        }
        return found;
    }

    /** Withdrawn at or before {@code now}; a withdrawal date that does not parse counts as withdrawn (x/vuln would not load it). */
    public boolean isWithdrawn(Instant now) {
        if (withdrawn.isEmpty()) {
            return false;
        }
        try {
            return !Instant.parse(withdrawn.get()).isAfter(now);
        } catch (java.time.format.DateTimeParseException e) {
            return true;
        }
    }

    public String url() {
        return "https://pkg.go.dev/vuln/" + id;
    }

    /**
     * The version to compare: for stdlib and toolchain a Go name ({@code go1.22.1}, {@code go1.21rc2}) goes through
     * GoTagToSemver as x/vuln does with a binary's Go version; an empty version (unknown) matches nothing, as in
     * x/vuln, so that an unknown version raises no false alarm. Any other invalid version (a main module's
     * "(devel)") is compared as Go compares it: below every valid one, as x/vuln does too.
     */
    static Optional<String> comparable(String module, String version) {
        if (version == null || version.isEmpty()) {
            return Optional.empty();
        }
        if ((module.equals(STDLIB) || module.equals(TOOLCHAIN)) && version.startsWith("go")) {
            return GoSemver.fromGoRelease(version);
        }
        return Optional.of(GoSemver.canonicalPrefix(version));
    }
}
