package io.gohygiene.version;

import java.util.ArrayList;
import java.util.List;

/**
 * A version range in Maven's syntax, as Maven Enforcer users write it: {@code [1.22,)}, {@code [1.21,1.23)},
 * {@code (,1.20]}, unions like {@code [1.16,1.17),[1.20,)}; a bare {@code 1.22} means "1.22 or newer".
 * Written here because the core does not import Maven.
 */
public final class VersionRange {

    private record Interval(GoVersion lower, boolean lowerInclusive, GoVersion upper, boolean upperInclusive) {
        boolean contains(GoVersion v) {
            if (lower != null) {
                int c = v.compareTo(lower);
                if (c < 0 || (c == 0 && !lowerInclusive)) {
                    return false;
                }
            }
            if (upper != null) {
                int c = v.compareTo(upper);
                return c < 0 || (c == 0 && upperInclusive);
            }
            return true;
        }
    }

    private final List<Interval> intervals;
    private final String text;

    private VersionRange(List<Interval> intervals, String text) {
        this.intervals = List.copyOf(intervals);
        this.text = text;
    }

    public static VersionRange parse(String text) {
        String spec = text.replace(" ", "");
        if (spec.isEmpty()) {
            throw invalid(text, "it is empty");
        }
        if (!spec.startsWith("[") && !spec.startsWith("(")) {
            return new VersionRange(List.of(new Interval(version(text, spec), true, null, false)), text.strip());
        }
        List<Interval> intervals = new ArrayList<>();
        int i = 0;
        while (i < spec.length()) {
            char open = spec.charAt(i);
            if (open != '[' && open != '(') {
                throw invalid(text, "expected [ or ( at position " + (i + 1));
            }
            int close = indexOfAny(spec, i);
            if (close < 0) {
                throw invalid(text, "a range is not closed with ] or )");
            }
            String body = spec.substring(i + 1, close);
            boolean lowerInc = open == '[';
            boolean upperInc = spec.charAt(close) == ']';
            int comma = body.indexOf(',');
            if (comma < 0) {
                if (!lowerInc || !upperInc) {
                    throw invalid(text, "a single version must be written [x]");
                }
                GoVersion exact = version(text, body);
                intervals.add(new Interval(exact, true, exact, true));
            } else {
                String lo = body.substring(0, comma);
                String hi = body.substring(comma + 1);
                intervals.add(new Interval(lo.isEmpty() ? null : version(text, lo), lowerInc, hi.isEmpty() ? null : version(text, hi), upperInc));
            }
            i = close + 1;
            if (i < spec.length()) {
                if (spec.charAt(i) != ',') {
                    throw invalid(text, "ranges must be separated by commas");
                }
                i++;
            }
        }
        return new VersionRange(intervals, text.strip());
    }

    /**
     * The one release this range names, for provisioning: {@code [1.22.12]}, or a bare full release {@code 1.22.12}
     * ("1.22.12 or newer", whose oldest member is that release). Empty for a language version ({@code 1.22}) or a
     * real range: then go.mod decides which release to fetch.
     */
    public java.util.Optional<GoVersion> namedRelease() {
        if (intervals.size() != 1) {
            return java.util.Optional.empty();
        }
        Interval only = intervals.get(0);
        boolean exact = only.lower() != null && only.lower().equals(only.upper()) && only.lowerInclusive() && only.upperInclusive();
        boolean bare = !text.startsWith("[") && !text.startsWith("(");
        if ((exact || bare) && only.lower() != null && (only.lower().numbers().size() == 3 || !only.lower().prerelease().isEmpty())) {
            return java.util.Optional.of(only.lower());
        }
        return java.util.Optional.empty();
    }

    public boolean contains(GoVersion version) {
        return intervals.stream().anyMatch(r -> r.contains(version));
    }

    @Override
    public String toString() {
        return text;
    }

    private static int indexOfAny(String s, int from) {
        for (int i = from + 1; i < s.length(); i++) {
            if (s.charAt(i) == ']' || s.charAt(i) == ')') {
                return i;
            }
        }
        return -1;
    }

    private static GoVersion version(String range, String v) {
        return GoVersion.parse(v).orElseThrow(() -> invalid(range, "'" + v + "' is not a Go version"));
    }

    private static IllegalArgumentException invalid(String text, String why) {
        return new IllegalArgumentException("goVersion '" + text + "' is not a version range (" + why
                + "); write it like [1.22,) or [1.21,1.23)");
    }
}
