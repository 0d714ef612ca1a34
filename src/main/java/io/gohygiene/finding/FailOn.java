package io.gohygiene.finding;

import java.util.Locale;

/** Which verdicts fail the build. */
public enum FailOn {
    ERROR, WARNING, NEVER;

    public static FailOn parse(String text) {
        try {
            return valueOf(text.strip().toUpperCase(Locale.ROOT).replace("WARN", "WARNING").replace("WARNINGING", "WARNING"));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("<failOn> (go-hygiene.failOn) is '" + text + "'; use error, warning or never");
        }
    }

    public boolean fails(Verdict verdict) {
        return switch (this) {
            case ERROR -> verdict == Verdict.FAIL;
            case WARNING -> verdict.isProblem();
            case NEVER -> false;
        };
    }
}
