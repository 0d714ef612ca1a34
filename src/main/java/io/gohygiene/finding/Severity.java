package io.gohygiene.finding;

import java.util.Locale;

/** How a user wants a check's violations treated: as errors, as warnings, or not checked at all. */
public enum Severity {
    ERROR, WARN, OFF;

    public static Severity parse(String text, String setting) {
        try {
            return valueOf(text.strip().toUpperCase(Locale.ROOT).replace("WARNING", "WARN"));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(setting + " is '" + text + "'; use error, warn or off");
        }
    }

    /** Applies this severity to a verdict a check reached with its own default. */
    public Verdict apply(Verdict verdict) {
        if (this == WARN && verdict == Verdict.FAIL) {
            return Verdict.WARN;
        }
        if (this == ERROR && verdict == Verdict.WARN) {
            return Verdict.FAIL;
        }
        return verdict;
    }
}
