package io.gohygiene.rules;

import io.gohygiene.finding.Finding;
import io.gohygiene.finding.Verdict;
import io.gohygiene.platform.Target;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Every row the rules reported for one binary checked against one target, passes included, in the order the
 * rules produced them. The same file can appear twice with different targets (the slices of a universal Mach-O).
 */
public record BinaryVerification(Path file, Target target, List<Finding> findings) {

    public BinaryVerification {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(target, "target");
        findings = List.copyOf(findings);
    }

    /**
     * The binary's verdict: its worst problem (FAIL, then WARN, then WAIVED), else PASS. INFO and n/a rows are no
     * problem: a clean binary with a macOS row on an ELF is PASS, not "not checked".
     */
    public Verdict worstVerdict() {
        return worst(findings);
    }

    /** The rows that fail the build unless {@code failOn} is {@code never}. */
    public List<Finding> failures() {
        return withVerdict(Verdict.FAIL);
    }

    /** The rows that are hazards, not violations. */
    public List<Finding> warnings() {
        return withVerdict(Verdict.WARN);
    }

    /** The rows of each rule, keyed by rule id in the order the rules first reported. */
    public Map<String, List<Finding>> findingsByRule() {
        Map<String, List<Finding>> byRule = new LinkedHashMap<>();
        for (Finding f : findings) {
            byRule.computeIfAbsent(f.check(), id -> new ArrayList<>()).add(f);
        }
        byRule.replaceAll((id, rows) -> List.copyOf(rows));
        return Collections.unmodifiableMap(byRule);
    }

    /** The worst problem among {@code rows} (FAIL, WARN, WAIVED), else PASS: the one place a binary's verdict is decided. */
    public static Verdict worst(List<Finding> rows) {
        return rows.stream().map(Finding::verdict).filter(BinaryVerification::counts).max(Comparator.naturalOrder()).orElse(Verdict.PASS);
    }

    /** Whether a row decides a verdict; {@link Verdict}'s order puts n/a above ok, so it cannot simply be the maximum. */
    private static boolean counts(Verdict verdict) {
        return verdict == Verdict.FAIL || verdict == Verdict.WARN || verdict == Verdict.WAIVED;
    }

    private List<Finding> withVerdict(Verdict verdict) {
        return findings.stream().filter(f -> f.verdict() == verdict).toList();
    }
}
