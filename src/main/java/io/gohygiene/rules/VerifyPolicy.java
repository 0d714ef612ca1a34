package io.gohygiene.rules;

import io.gohygiene.finding.Severity;
import io.gohygiene.platform.Target;

import java.util.List;
import java.util.Map;

/**
 * Everything the project says about its binaries: rule values (with per-target overrides, keyed by the
 * target's name such as linux/arm64), a severity per rule id, and waivers.
 */
public record VerifyPolicy(RuleSettings settings, Map<String, RuleSettings> perTarget, Map<String, Severity> severities,
                           List<Waiver> waivers) {

    public VerifyPolicy {
        perTarget = Map.copyOf(perTarget);
        severities = Map.copyOf(severities);
        waivers = List.copyOf(waivers);
    }

    /** This policy with {@code severity} for rule {@code id} where {@code <severities>} names none for it (the pom's own wins). */
    public VerifyPolicy withSeverityUnlessSet(String id, Severity severity) {
        if (severities.containsKey(id)) {
            return this;
        }
        Map<String, Severity> levels = new java.util.LinkedHashMap<>(severities);
        levels.put(id, severity);
        return new VerifyPolicy(settings, perTarget, levels, waivers);
    }

    public static VerifyPolicy of(RuleSettings settings) {
        return new VerifyPolicy(settings, Map.of(), Map.of(), List.of());
    }

    public RuleSettings settingsFor(Target target) {
        return perTarget.getOrDefault(target.name(), settings);
    }
}
