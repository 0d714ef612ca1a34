package io.gohygiene.rules;

import io.gohygiene.binary.BinaryReport;
import io.gohygiene.finding.Finding;
import io.gohygiene.finding.Severity;
import io.gohygiene.platform.Target;

import java.util.List;
import java.util.Optional;

/**
 * One named requirement on a produced binary (after Maven Enforcer's rules): it looks at what the parsers read
 * and at the target the binary was built for, and reports every row it checked, passes included, with the
 * values seen and expected; a violation carries its message and its hint.
 */
public interface Rule {

    /** The id users write in {@code <severities>} and waivers: target, linkage, libraries, glibc … */
    String id();

    /** How violations count when the pom says nothing: most rules fail the build, hardening is off unless asked for. */
    default Severity defaultSeverity() {
        return Severity.ERROR;
    }

    /**
     * The id of the rule this one was split from, if any: severities and waivers written for that id, before the
     * split, still apply to this rule's findings (a rule's own id wins over it).
     */
    default Optional<String> splitFrom() {
        return Optional.empty();
    }

    /**
     * Checks {@code report} (every image: a universal Mach-O has one per slice) against {@code target} and the
     * rule values in {@code settings}. The finding's {@code check} is this rule's id; {@code subject} names what
     * was looked at ("GOARCH", "interpreter", "GLIBC_2.34", "arm64 slice: minos").
     */
    List<Finding> evaluate(BinaryReport report, Target target, RuleSettings settings);

    /**
     * As {@link #evaluate(BinaryReport, Target, RuleSettings)}, knowing whether the binary must be a Go binary
     * ({@code goBinary}: the build goal produced it, or the user declared it as Go). Only rules for which that
     * changes the verdict (buildinfo) look at it; without it, a rule knows nothing of where the binary came from.
     */
    default List<Finding> evaluate(BinaryReport report, Target target, RuleSettings settings, boolean goBinary) {
        return evaluate(report, target, settings);
    }
}
