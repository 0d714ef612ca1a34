package io.gohygiene.gotest;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Which tests a run selects, from Maven's {@code -Dtest} convention mapped onto {@code go test}:
 * {@code -Dtest=TestOne} is {@code -run TestOne} over the configured packages (a Go regular expression, unanchored
 * as go reads it); {@code -Dtest=pkg/...#TestX} restricts the run to that package pattern and {@code -run '^TestX$'}
 * ({@code #TestA+TestB} for several, as Surefire writes them); {@code -Dtest=TestA,TestB} is {@code -run 'TestA|TestB'};
 * Surefire's exclusion {@code -Dtest=!TestSlow} is {@code -skip TestSlow} (Go 1.20+), and {@code -Dtest=TestA,!TestSlow}
 * both.
 */
public record TestSelection(List<String> packages, Optional<String> runPattern, Optional<String> skipPattern) {

    public TestSelection {
        packages = List.copyOf(packages);
    }

    public TestSelection(List<String> packages, Optional<String> runPattern) {
        this(packages, runPattern, Optional.empty());
    }

    /**
     * @param mavenTest  the {@code test} property, or null/blank for every test
     * @param configured the {@code <testPackages>}; {@code ./...} when empty
     * @throws IllegalArgumentException for a {@code #} with nothing on one side, naming the value and its forms
     */
    public static TestSelection of(String mavenTest, List<String> configured) {
        List<String> packages = configured == null || configured.isEmpty() ? List.of("./...") : configured;
        if (mavenTest == null || mavenTest.isBlank()) {
            return new TestSelection(packages, Optional.empty());
        }
        String value = mavenTest.strip();
        int hash = value.indexOf('#');
        if (hash < 0) {
            List<String> patterns = Arrays.stream(value.split(",")).map(String::strip).filter(p -> !p.isEmpty()).toList();
            List<String> run = patterns.stream().filter(p -> !p.startsWith("!")).toList();
            List<String> skip = patterns.stream().filter(p -> p.startsWith("!")).map(p -> p.substring(1).strip()).toList();
            if (skip.contains("")) {
                throw new IllegalArgumentException("-Dtest=" + mavenTest + " has a ! with no name after it; give -Dtest=!TestName"
                        + " to leave TestName out (go test -skip)");
            }
            return new TestSelection(packages, run.isEmpty() ? Optional.empty() : Optional.of(String.join("|", run)),
                    skip.isEmpty() ? Optional.empty() : Optional.of(String.join("|", skip)));
        }
        if (value.contains(",")) {
            throw new IllegalArgumentException("-Dtest=" + mavenTest + " names several selections with a package; go test takes one"
                    + " -run for all packages: give -Dtest=./pkg/...#TestA+TestB, or -Dtest=TestA,TestB over <testPackages>");
        }
        String pkg = value.substring(0, hash).strip();
        List<String> tests = Arrays.stream(value.substring(hash + 1).split("\\+")).map(String::strip).filter(t -> !t.isEmpty()).toList();
        if (pkg.isEmpty() || tests.isEmpty()) {
            throw new IllegalArgumentException("-Dtest=" + mavenTest + " is not a test selection; give -Dtest=TestName (a go -run"
                    + " pattern) or -Dtest=./pkg/...#TestName (that package's TestName only)");
        }
        String run = tests.size() == 1 ? "^" + tests.get(0) + "$" : "^(" + String.join("|", tests) + ")$";
        return new TestSelection(List.of(packagePattern(pkg)), Optional.of(run));
    }

    /** A relative pattern as go wants it ({@code pkg/...} becomes {@code ./pkg/...}); an import path (a dot in its first element) as given. */
    static String packagePattern(String pkg) {
        if (pkg.startsWith(".") || pkg.startsWith("/")) {
            return pkg;
        }
        String first = pkg.contains("/") ? pkg.substring(0, pkg.indexOf('/')) : pkg;
        return first.contains(".") ? pkg : "./" + pkg;
    }
}
