package io.gohygiene.rules;

import io.gohygiene.finding.Finding;
import io.gohygiene.finding.Verdict;

import java.net.URI;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * What the verify goal found over all binaries, with the tool that found it, as the report writers need it.
 *
 * @param binaries           one entry per binary and target, in the order they were checked
 * @param toolName           the tool reports name, normally {@link #TOOL_NAME}
 * @param toolVersion        the plugin's version
 * @param toolInformationUri an absolute URI where the tool is documented, or null when there is none to give
 */
public record VerifyResult(List<BinaryVerification> binaries, String toolName, String toolVersion, String toolInformationUri) {

    public static final String TOOL_NAME = "go-hygiene-maven-plugin";

    public VerifyResult {
        binaries = List.copyOf(binaries);
        Objects.requireNonNull(toolName, "toolName");
        Objects.requireNonNull(toolVersion, "toolVersion");
        if (toolInformationUri != null && !URI.create(toolInformationUri).isAbsolute()) {
            throw new IllegalArgumentException("toolInformationUri must be an absolute URI, not '" + toolInformationUri + "'");
        }
    }

    /** This plugin's result, with no information URI. */
    public static VerifyResult of(List<BinaryVerification> binaries, String toolVersion) {
        return new VerifyResult(binaries, TOOL_NAME, toolVersion, null);
    }

    /** The worst binary verdict (see {@link BinaryVerification#worstVerdict()}); PASS when there is none. */
    public Verdict worstVerdict() {
        return binaries.stream().map(BinaryVerification::worstVerdict).max(Comparator.naturalOrder()).orElse(Verdict.PASS);
    }

    /** Every failing row of every binary. */
    public List<Finding> failures() {
        return binaries.stream().flatMap(b -> b.failures().stream()).toList();
    }

    /** Every warning row of every binary. */
    public List<Finding> warnings() {
        return binaries.stream().flatMap(b -> b.warnings().stream()).toList();
    }
}
