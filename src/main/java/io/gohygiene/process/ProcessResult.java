package io.gohygiene.process;

import java.time.Duration;

/** What a finished command left: its exit code, what it printed (stdout and stderr apart) and how long it took. */
public record ProcessResult(CommandLine command, int exitCode, String stdout, String stderr, Duration elapsed) {

    public boolean succeeded() {
        return exitCode == 0;
    }

    /** stderr, or stdout when stderr is empty: what to show a person when the command failed. */
    public String diagnostics() {
        return stderr.isBlank() ? stdout.strip() : stderr.strip();
    }
}
