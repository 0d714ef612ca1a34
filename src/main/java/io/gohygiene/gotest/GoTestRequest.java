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
    }
}
