package io.gohygiene.finding;

import java.util.Objects;

/**
 * What one check saw about one thing: the value seen, the value expected, the verdict, and for problems
 * a message saying what is wrong and a hint saying what to do. A check cannot report a problem without its hint.
 */
public record Finding(String check, String subject, String seen, String expected, Verdict verdict, String message, String hint) {

    public Finding {
        Objects.requireNonNull(check, "check");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(verdict, "verdict");
        seen = seen == null ? "" : seen;
        expected = expected == null ? "" : expected;
        message = message == null ? "" : message;
        hint = hint == null ? "" : hint;
        if (verdict.isProblem() && (message.isBlank() || hint.isBlank())) {
            throw new IllegalArgumentException("check " + check + " reported " + verdict + " without a message and a hint");
        }
    }

    public static Finding pass(String check, String subject, String seen, String expected) {
        return new Finding(check, subject, seen, expected, Verdict.PASS, "", "");
    }

    public static Finding info(String check, String subject, String seen, String message) {
        return new Finding(check, subject, seen, "", Verdict.INFO, message, "");
    }

    public static Finding skip(String check, String subject, String why) {
        return new Finding(check, subject, why, "", Verdict.SKIP, "", "");
    }

    public static Finding problem(String check, String subject, String seen, String expected, Verdict verdict, String message, String hint) {
        return new Finding(check, subject, seen, expected, verdict, message, hint);
    }

    /** This violation, accepted by a waiver: the message keeps what was wrong and says why it is accepted. */
    public Finding waived(String reason) {
        return new Finding(check, subject, seen, expected, Verdict.WAIVED, message + " (waived: " + reason + ")", hint);
    }

    public Finding withVerdict(Verdict newVerdict) {
        return new Finding(check, subject, seen, expected, newVerdict, message, hint);
    }
}
