package io.gohygiene.vulndb;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Semantic versions exactly as Go compares them (golang.org/x/mod/semver), because the vulnerability database's
 * ranges are written for that comparison: the {@code v} prefix is required, {@code v1} and {@code v1.2} are
 * shorthands for {@code v1.0.0} and {@code v1.2.0}, build metadata is ignored, and a pseudo-version
 * ({@code v0.0.0-20240101000000-abcdef123456}) is an ordinary prerelease, so it sorts before the release it precedes.
 * An invalid version is less than every valid one and equal to every other invalid one, as in Go.
 * <p>
 * Also the two conversions x/vuln makes before comparing (internal/semver): OSV's bare versions ({@code 1.22.2})
 * and Go's release tags ({@code go1.21rc2}) to canonical semver.
 */
public final class GoSemver {

    /** Go's release tags, as x/vuln's GoTagToSemver reads them: major.minor, optional .patch, optional beta/rc/-pre N. */
    private static final Pattern GO_TAG = Pattern.compile("^go(\\d+\\.\\d+)(\\.\\d+|)((beta|rc|-pre)(\\d+))?$");

    private GoSemver() {
    }

    /** A version split as x/mod/semver's parse splits it; numbers kept as their digits. */
    private record Parsed(String major, String minor, String patch, String prerelease) {
    }

    public static boolean isValid(String v) {
        return parse(v).isPresent();
    }

    /** Negative, zero or positive as {@code semver.Compare(v, w)}. */
    public static int compare(String v, String w) {
        Optional<Parsed> pv = parse(v);
        Optional<Parsed> pw = parse(w);
        if (pv.isEmpty() || pw.isEmpty()) {
            return Boolean.compare(pv.isPresent(), pw.isPresent());
        }
        int c = compareInt(pv.get().major, pw.get().major);
        if (c == 0) {
            c = compareInt(pv.get().minor, pw.get().minor);
        }
        if (c == 0) {
            c = compareInt(pv.get().patch, pw.get().patch);
        }
        return c != 0 ? c : comparePrerelease(pv.get().prerelease, pw.get().prerelease);
    }

    /** x/vuln's {@code semver.Less}: both sides may be bare ({@code 1.2.3}), {@code v}- or {@code go}-prefixed. */
    public static boolean less(String v, String w) {
        return compare(canonicalPrefix(v), canonicalPrefix(w)) < 0;
    }

    /**
     * x/vuln's canonicalizeSemverPrefix: one leading {@code v}, then one leading {@code go}, removed, and {@code v}
     * put back; so OSV's {@code 1.22.2} and {@code v1.22.2} both become {@code v1.22.2}.
     */
    public static String canonicalPrefix(String s) {
        String bare = s.startsWith("v") ? s.substring(1) : s;
        bare = bare.startsWith("go") ? bare.substring(2) : bare;
        return bare.startsWith("v") || bare.startsWith("go") ? bare : "v" + bare;
    }

    /**
     * A Go release tag as semver, as x/vuln's GoTagToSemver: {@code go1.22.12} → {@code v1.22.12}, {@code go1.22} →
     * {@code v1.22.0}, {@code go1.21rc2} → {@code v1.21.0-rc.2}, {@code go1} → {@code v1.0.0}; anything after the
     * first space (a build's " X:boringcrypto") is dropped. Empty for what is no release tag ({@code go1.0}, "devel").
     */
    public static Optional<String> fromGoRelease(String tag) {
        String[] fields = tag.trim().split("\\s+");
        if (fields.length == 0 || fields[0].isEmpty()) {
            return Optional.empty();
        }
        String first = fields[0];
        if (first.equals("go1")) {
            return Optional.of("v1.0.0");
        }
        if (first.equals("go1.0")) {
            return Optional.empty();
        }
        Matcher m = GO_TAG.matcher(first);
        if (!m.matches()) {
            return Optional.empty();
        }
        StringBuilder version = new StringBuilder("v").append(m.group(1));
        version.append(m.group(2).isEmpty() ? ".0" : m.group(2));
        if (m.group(3) != null) {
            if (!m.group(4).startsWith("-")) {
                version.append('-');
            }
            version.append(m.group(4)).append('.').append(m.group(5));
        }
        return Optional.of(version.toString());
    }

    private static Optional<Parsed> parse(String v) {
        if (v == null || v.isEmpty() || v.charAt(0) != 'v') {
            return Optional.empty();
        }
        int[] at = {1};
        String major = parseInt(v, at);
        if (major == null) {
            return Optional.empty();
        }
        if (at[0] == v.length()) {
            return Optional.of(new Parsed(major, "0", "0", ""));
        }
        if (v.charAt(at[0]) != '.') {
            return Optional.empty();
        }
        at[0]++;
        String minor = parseInt(v, at);
        if (minor == null) {
            return Optional.empty();
        }
        if (at[0] == v.length()) {
            return Optional.of(new Parsed(major, minor, "0", ""));
        }
        if (v.charAt(at[0]) != '.') {
            return Optional.empty();
        }
        at[0]++;
        String patch = parseInt(v, at);
        if (patch == null) {
            return Optional.empty();
        }
        String prerelease = "";
        if (at[0] < v.length() && v.charAt(at[0]) == '-') {
            int end = v.indexOf('+', at[0]);
            end = end < 0 ? v.length() : end;
            prerelease = v.substring(at[0], end);
            if (!identifiers(prerelease.substring(1), true)) {
                return Optional.empty();
            }
            at[0] = end;
        }
        if (at[0] < v.length() && v.charAt(at[0]) == '+') {
            if (!identifiers(v.substring(at[0] + 1), false)) {
                return Optional.empty();
            }
            at[0] = v.length();
        }
        return at[0] == v.length() ? Optional.of(new Parsed(major, minor, patch, prerelease)) : Optional.empty();
    }

    /** Digits at {@code at[0]}, no leading zero unless the number is 0; advances {@code at[0]}. */
    private static String parseInt(String v, int[] at) {
        int start = at[0];
        int i = start;
        while (i < v.length() && v.charAt(i) >= '0' && v.charAt(i) <= '9') {
            i++;
        }
        if (i == start || (v.charAt(start) == '0' && i != start + 1)) {
            return null;
        }
        at[0] = i;
        return v.substring(start, i);
    }

    /** Dot-separated, non-empty [0-9A-Za-z-] identifiers; in a prerelease a numeric one has no leading zero. */
    private static boolean identifiers(String s, boolean prerelease) {
        for (String ident : s.split("\\.", -1)) {
            if (ident.isEmpty()) {
                return false;
            }
            for (int i = 0; i < ident.length(); i++) {
                char c = ident.charAt(i);
                if (!(c >= '0' && c <= '9' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c == '-')) {
                    return false;
                }
            }
            if (prerelease && isNum(ident) && ident.length() > 1 && ident.charAt(0) == '0') {
                return false;
            }
        }
        return true;
    }

    private static boolean isNum(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) < '0' || s.charAt(i) > '9') {
                return false;
            }
        }
        return true;
    }

    private static int compareInt(String x, String y) {
        if (x.length() != y.length()) {
            return x.length() < y.length() ? -1 : 1;
        }
        return Integer.signum(x.compareTo(y));
    }

    /** Semver's precedence: a release after its prereleases; numeric identifiers before alphanumeric ones. */
    private static int comparePrerelease(String x, String y) {
        if (x.equals(y)) {
            return 0;
        }
        if (x.isEmpty()) {
            return 1;
        }
        if (y.isEmpty()) {
            return -1;
        }
        String[] xs = x.substring(1).split("\\.", -1);
        String[] ys = y.substring(1).split("\\.", -1);
        for (int i = 0; i < Math.min(xs.length, ys.length); i++) {
            String dx = xs[i];
            String dy = ys[i];
            if (dx.equals(dy)) {
                continue;
            }
            boolean nx = isNum(dx);
            boolean ny = isNum(dy);
            if (nx != ny) {
                return nx ? -1 : 1;
            }
            if (nx && dx.length() != dy.length()) {
                return dx.length() < dy.length() ? -1 : 1;
            }
            return Integer.signum(dx.compareTo(dy));
        }
        return Integer.compare(xs.length, ys.length);
    }
}
