package io.gohygiene.rules;

import io.gohygiene.finding.Finding;

import java.nio.file.FileSystems;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.Objects;

/**
 * A violation the project accepts, with the reason: a rule id, a glob over the binary's path (relative to the
 * project) and, optionally, the finding's subject (e.g. "GLIBC_2.34"). A waived finding is reported as waived,
 * never dropped.
 */
public record Waiver(String rule, String binaryGlob, String subject, String reason) {

    public Waiver {
        Objects.requireNonNull(rule, "rule");
        if (reason == null || reason.isBlank()) {
            throw new IllegalArgumentException("the waiver for rule " + rule + " has no <reason>; every waiver must say why");
        }
        binaryGlob = binaryGlob == null || binaryGlob.isBlank() ? "**" : binaryGlob.strip();
        subject = subject == null ? "" : subject.strip();
    }

    /** True when this waiver accepts {@code finding}, reported for {@code binary} (a path relative to the project). */
    public boolean covers(Path binary, Finding finding) {
        return covers(binary, finding, finding.check());
    }

    /** As {@link #covers(Path, Finding)}, taking {@code finding} as one of rule {@code ruleId} (the rule it was split from). */
    public boolean covers(Path binary, Finding finding, String ruleId) {
        if (!ruleId.equals(rule) || !(subject.isEmpty() || subject.equals(finding.subject()))) {
            return false;
        }
        PathMatcher matcher = FileSystems.getDefault().getPathMatcher("glob:" + binaryGlob);
        return matcher.matches(binary) || matcher.matches(binary.getFileName());
    }
}
