package io.gohygiene.gotest;

import io.gohygiene.gobuild.BuildRequest;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What to test.
 *
 * @param build             the build goal's request for the same module: its environment, go env file, cgo paths and
 *                          flags, {@code -trimpath}, tags and timeout make the test environment the build's
 * @param selection         the packages and the {@code -run} pattern
 * @param testFlags         further {@code go test} flags, passed as given ({@code -race}, {@code -count=1}, {@code -short},
 *                          {@code -timeout=5m} …)
 * @param coverProfile      where {@code -coverprofile} writes, or empty for no coverage
 * @param coberturaReport   where the profile is written as Cobertura XML ({@link CoberturaReport}), with coverage on
 * @param reportsDirectory  {@code target/surefire-reports}
 */
public record GoTestRequest(BuildRequest build, TestSelection selection, List<String> testFlags, Optional<Path> coverProfile,
                            Optional<Path> coberturaReport, Path reportsDirectory) {

    public GoTestRequest {
        Objects.requireNonNull(build, "build");
        Objects.requireNonNull(selection, "selection");
        testFlags = testFlags == null ? List.of() : testFlags.stream().filter(f -> f != null && !f.isBlank()).map(String::strip).toList();
        coverProfile = coverProfile == null ? Optional.empty() : coverProfile.map(p -> p.toAbsolutePath().normalize());
        coberturaReport = coberturaReport == null || coverProfile.isEmpty() ? Optional.empty() : coberturaReport.map(p -> p.toAbsolutePath().normalize());
        reportsDirectory = reportsDirectory.toAbsolutePath().normalize();
        rejectConflictingFlags(testFlags, selection, coverProfile.isPresent());
    }

    /**
     * The flags that would make the goal pass without running the tests, or fight what the goal itself passes: one
     * error naming the flag, before go starts. Everything after {@code -args} is the test binaries' and not looked at.
     */
    private static void rejectConflictingFlags(List<String> testFlags, TestSelection selection, boolean coverage) {
        for (String flag : testFlags) {
            String name = flagName(flag);
            if (name.equals("args")) {
                return;
            }
            String problem = switch (name) {
                case "c" -> "-c only compiles the test binaries and runs no test, so the goal would pass without testing;"
                        + " remove it (the build goal builds the binaries)";
                case "list" -> "-list only lists the tests and runs none, so the goal would pass without testing; remove it";
                case "coverprofile" -> coverage ? "<coverage> is on, and the goal writes its own profile (and the Cobertura"
                        + " report from it); remove -coverprofile, or set <coverage>false</coverage>" : null;
                case "run" -> selection.runPattern().isPresent() ? "-Dtest selects the tests too, and go would take whichever"
                        + " comes last; remove -run from <testFlags>, or leave -Dtest out" : null;
                case "skip" -> selection.skipPattern().isPresent() ? "-Dtest=!… leaves tests out too, and go would take"
                        + " whichever comes last; remove -skip from <testFlags>, or the ! part of -Dtest" : null;
                default -> null;
            };
            if (problem != null) {
                throw new IllegalArgumentException("<testFlags> (go-hygiene.testFlags) has " + flag + ": " + problem);
            }
        }
    }

    /** {@code -run=X}, {@code --run X} → {@code run}; not a flag → empty. */
    private static String flagName(String flag) {
        if (!flag.startsWith("-")) {
            return "";
        }
        String name = flag.startsWith("--") ? flag.substring(2) : flag.substring(1);
        int equals = name.indexOf('=');
        return equals < 0 ? name : name.substring(0, equals);
    }
}
