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
import java.util.Optional;
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

    /** As {@link #verify(Path, Path, Target, boolean)} for a Go binary: the binaries verify checks are Go's by default. */
    public Verification verify(Path file, Path shownAs, Target target) throws BinaryFormatException {
        return verify(file, shownAs, target, true);
    }

    /**
     * @param file     the binary
     * @param shownAs  its path as reports show it and waiver globs match it (relative to the project)
     * @param goBinary true when the file must be a Go binary (the build goal produced it, or the user declared it as
     *                 Go): then missing or unreadable build info fails rule buildinfo instead of being information
     */
    public Verification verify(Path file, Path shownAs, Target target, boolean goBinary) throws BinaryFormatException {
        BinaryReport report = BinaryInspector.inspectKeepingBuildInfoErrors(file);
        RuleSettings settings = policy.settingsFor(target);
        List<Finding> findings = new ArrayList<>();
        for (Rule rule : rules) {
            // A severity changes verdicts only when the pom sets one: a rule's own WARNs stay warnings by default.
            Optional<Severity> configured = Optional.ofNullable(policy.severities().get(rule.id()))
                    .or(() -> rule.splitFrom().map(policy.severities()::get));
            if (configured.orElse(rule.defaultSeverity()) == Severity.OFF) {
                continue;
            }
            for (Finding f : rule.evaluate(report, target, settings, goBinary)) {
                Finding applied = configured.map(s -> f.withVerdict(s.apply(f.verdict()))).orElse(f);
                findings.add(applied.verdict().isProblem() ? waived(rule, shownAs, applied) : applied);
            }
        }
        return new Verification(file, shownAs, target, report, findings);
    }

    /** {@code finding} waived by the first waiver for it (written for the rule's id, or the id it was split from), else as it is. */
    private Finding waived(Rule rule, Path shownAs, Finding finding) {
        for (Waiver w : policy.waivers()) {
            if (w.covers(shownAs, finding) || rule.splitFrom().filter(id -> w.covers(shownAs, finding, id)).isPresent()) {
                return finding.waived(w.reason());
            }
        }
        return finding;
    }

    /** The outcome for one binary: what the parsers read and every finding. */
    public record Verification(Path file, Path shownAs, Target target, BinaryReport report, List<Finding> findings) {
        public Verification {
            findings = List.copyOf(findings);
        }
    }
}
