package io.gohygiene.version;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Go release version as Go writes it ({@code go1.26.8}, {@code 1.22}, {@code go1.21rc2}), ordered the way
 * {@code go/version.Compare} orders them: {@code 1.21 < 1.21rc1 < 1.21.0}; a language version such as
 * {@code 1.21} is older than every release of it.
 */
public record GoVersion(List<Integer> numbers, String prerelease, String text) implements Comparable<GoVersion> {

    private static final Pattern FORM = Pattern.compile("(?:go)?(\\d+)(?:\\.(\\d+))?(?:\\.(\\d+))?(?:(rc|beta)(\\d+))?");
    private static final Pattern ANYWHERE = Pattern.compile("go\\d+(?:\\.\\d+){0,2}(?:(?:rc|beta)\\d+)?");

    public GoVersion {
        numbers = List.copyOf(numbers);
    }

    public static Optional<GoVersion> parse(String text) {
        Matcher m = FORM.matcher(text.strip());
        if (!m.matches()) {
            return Optional.empty();
        }
        int count = m.group(3) != null ? 3 : m.group(2) != null ? 2 : 1;
        List<Integer> numbers = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            numbers.add(Integer.parseInt(m.group(i + 1)));
        }
        String pre = m.group(4) == null ? "" : m.group(4) + m.group(5);
        return Optional.of(new GoVersion(numbers, pre, text.strip()));
    }

    /** Finds the version in {@code go version} output: {@code go version go1.26.8 linux/amd64}. */
    public static Optional<GoVersion> find(String output) {
        Matcher m = ANYWHERE.matcher(output);
        return m.find() ? parse(m.group()) : Optional.empty();
    }

    @Override
    public int compareTo(GoVersion other) {
        for (int i = 0; i < 2; i++) {
            int c = Integer.compare(part(i), other.part(i));
            if (c != 0) {
                return c;
            }
        }
        return Integer.compare(rank(), other.rank()) != 0 ? Integer.compare(rank(), other.rank())
                : Integer.compare(part(2), other.part(2)) != 0 ? Integer.compare(part(2), other.part(2))
                : prerelease.compareTo(other.prerelease);
    }

    private int part(int i) {
        return i < numbers.size() ? numbers.get(i) : 0;
    }

    /** Language version (1.21) < prerelease (1.21rc1) < release (1.21.0). */
    private int rank() {
        if (!prerelease.isEmpty()) {
            return 1;
        }
        return numbers.size() >= 3 ? 2 : 0;
    }

    /** {@code go1.26.8}. */
    public String goName() {
        return text.startsWith("go") ? text : "go" + text;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof GoVersion v && numbers.equals(v.numbers) && prerelease.equals(v.prerelease);
    }

    @Override
    public int hashCode() {
        return numbers.hashCode() * 31 + prerelease.hashCode();
    }

    @Override
    public String toString() {
        return goName();
    }
}
