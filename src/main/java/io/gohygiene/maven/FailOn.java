package io.gohygiene.maven;

import io.gohygiene.finding.Verdict;

import java.util.Locale;

/** Which verdicts fail the build. */
enum FailOn {
    ERROR, WARNING, NEVER;

    static FailOn parse(String text) {
        try {
            return valueOf(text.strip().toUpperCase(Locale.ROOT).replace("WARN", "WARNING").replace("WARNINGING", "WARNING"));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("<failOn> (go-hygiene.failOn) is '" + text + "'; use error, warning or never");
        }
    }

    boolean fails(Verdict verdict) {
        return switch (this) {
            case ERROR -> verdict == Verdict.FAIL;
            case WARNING -> verdict.isProblem();
            case NEVER -> false;
        };
    }
}
