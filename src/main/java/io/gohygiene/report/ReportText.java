package io.gohygiene.report;

import io.gohygiene.finding.Finding;

import java.util.Optional;

/** Texts the machine-readable reports derive from a finding. */
final class ReportText {

    /** What {@link Finding#waived(String)} puts between the message and the reason. */
    private static final String WAIVED_MARK = " (waived: ";

    private ReportText() {
    }

    /** The reason a waiver gave, from a WAIVED finding's message ("… (waived: REASON)"); empty when it has none. */
    static Optional<String> waiverReason(Finding f) {
        // The first mark: the rule's own message never contains it, the user's reason might.
        int at = f.message().indexOf(WAIVED_MARK);
        if (at < 0) {
            return Optional.empty();
        }
        String reason = f.message().substring(at + WAIVED_MARK.length());
        if (reason.endsWith(")")) {
            reason = reason.substring(0, reason.length() - 1);
        }
        return reason.isBlank() ? Optional.empty() : Optional.of(reason.strip());
    }

    /** The message, then " Hint: " and the hint when there is one; never empty. */
    static String messageWithHint(Finding f) {
        String message = f.message().isBlank() ? f.check() + ": " + f.subject() : f.message();
        return f.hint().isBlank() ? message : message + " Hint: " + f.hint();
    }
}
