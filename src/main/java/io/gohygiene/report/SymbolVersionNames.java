package io.gohygiene.report;

import io.gohygiene.version.DottedVersions;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * GNU symbol version names ({@code GLIBC_2.34}, {@code GLIBCXX_3.4.29}, {@code GLIBC_PRIVATE}) in the order a
 * person reads them: by family, then as versions (2.3.2 before 2.17 before 2.34), names without a version last.
 */
final class SymbolVersionNames {

    private static final Pattern VERSIONED = Pattern.compile("(.+?)_(\\d+(?:\\.\\d+)*)");

    private SymbolVersionNames() {
    }

    static List<String> sorted(List<String> names) {
        List<String> sorted = new ArrayList<>(names);
        sorted.sort(SymbolVersionNames::compare);
        return sorted;
    }

    private static int compare(String a, String b) {
        int byFamily = family(a).compareTo(family(b));
        if (byFamily != 0) {
            return byFamily;
        }
        String x = number(a);
        String y = number(b);
        if (x == null || y == null) {
            return x == null && y == null ? a.compareTo(b) : x == null ? 1 : -1;
        }
        return DottedVersions.compare(x, y);
    }

    /** Per family with more than one versioned name, the highest ({@code GLIBC_2.34}): what the loader must provide. */
    static List<String> highestPerFamily(List<String> names) {
        Map<String, List<String>> families = new LinkedHashMap<>();
        sorted(names).stream().filter(n -> number(n) != null).forEach(n -> families.computeIfAbsent(family(n), f -> new ArrayList<>()).add(n));
        return families.values().stream().filter(f -> f.size() > 1).map(f -> f.get(f.size() - 1)).toList();
    }

    private static String family(String name) {
        Matcher m = VERSIONED.matcher(name);
        return m.matches() ? m.group(1) : name;
    }

    private static String number(String name) {
        Matcher m = VERSIONED.matcher(name);
        // A component too long for a long cannot be compared as a number: sort it by name.
        return m.matches() && m.group(2).length() < 18 ? m.group(2) : null;
    }
}
