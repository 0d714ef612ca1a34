package io.gohygiene.rules;

import io.gohygiene.binary.BinaryFormatException;
import io.gohygiene.binary.BinaryInspector;
import io.gohygiene.binary.BinaryReport;
import io.gohygiene.finding.Finding;
import io.gohygiene.finding.Severity;
import io.gohygiene.platform.Target;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Checks one binary against its target: inspects it, runs every rule that is not off with the settings for that
 * target, applies the configured severities, then the waivers.
 */
public final class BinaryVerifier {

    private final List<Rule> rules;
    private final VerifyPolicy policy;

    public BinaryVerifier(List<Rule> rules, VerifyPolicy policy) {
        this.rules = List.copyOf(rules);
        this.policy = policy;
        List<String> ids = rules.stream().map(Rule::id).toList();
        List<String> unknown = policy.severities().keySet().stream().filter(id -> !ids.contains(id)).sorted().toList();
        List<String> unknownWaived = policy.waivers().stream().map(Waiver::rule).filter(id -> !ids.contains(id)).distinct().sorted().toList();
        if (!unknown.isEmpty() || !unknownWaived.isEmpty()) {
            List<String> all = new ArrayList<>(unknown);
            all.addAll(unknownWaived);
            throw new IllegalArgumentException("unknown rule " + String.join(", ", all) + "; the rules are "
                    + ids.stream().collect(Collectors.joining(", ")));
        }
    }

    /**
     * @param file     the binary
     * @param shownAs  its path as reports show it and waiver globs match it (relative to the project)
     */
    public Verification verify(Path file, Path shownAs, Target target) throws BinaryFormatException {
        BinaryReport report = BinaryInspector.inspect(file);
        RuleSettings settings = policy.settingsFor(target);
        List<Finding> findings = new ArrayList<>();
        for (Rule rule : rules) {
            // A severity changes verdicts only when the pom sets one: a rule's own WARNs stay warnings by default.
            java.util.Optional<Severity> configured = java.util.Optional.ofNullable(policy.severities().get(rule.id()));
            if (configured.orElse(rule.defaultSeverity()) == Severity.OFF) {
                continue;
            }
            for (Finding f : rule.evaluate(report, target, settings)) {
                Finding applied = configured.map(s -> f.withVerdict(s.apply(f.verdict()))).orElse(f);
                if (applied.verdict().isProblem()) {
                    for (Waiver w : policy.waivers()) {
                        if (w.covers(shownAs, applied)) {
                            applied = applied.waived(w.reason());
                            break;
                        }
                    }
                }
                findings.add(applied);
            }
        }
        return new Verification(file, shownAs, target, report, findings);
    }

    /** The outcome for one binary: what the parsers read and every finding. */
    public record Verification(Path file, Path shownAs, Target target, BinaryReport report, List<Finding> findings) {
        public Verification {
            findings = List.copyOf(findings);
        }
    }
}
