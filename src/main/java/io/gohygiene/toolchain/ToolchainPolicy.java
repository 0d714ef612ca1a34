package io.gohygiene.toolchain;

import io.gohygiene.finding.Severity;
import io.gohygiene.version.VersionRange;

import java.util.Map;
import java.util.Optional;

/**
 * What the project requires of its toolchain.
 *
 * @param goVersion       allowed Go releases, in Maven range syntax
 * @param nativeToolchain a go executable of a foreign architecture (run under emulation) fails rather than warns
 * @param severities      per check id: error, warn or off; checks not named keep their own verdicts
 */
public record ToolchainPolicy(Optional<VersionRange> goVersion, boolean nativeToolchain, Map<String, Severity> severities) {

    public ToolchainPolicy {
        severities = Map.copyOf(severities);
    }

    public static ToolchainPolicy defaults() {
        return new ToolchainPolicy(Optional.empty(), true, Map.of());
    }

    public Optional<Severity> severityOf(String check) {
        return Optional.ofNullable(severities.get(check));
    }
}
