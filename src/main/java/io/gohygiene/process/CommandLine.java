package io.gohygiene.process;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * One external command: argv (never a shell string), the complete environment it sees,
 * its working directory and how long it may run.
 */
public record CommandLine(List<String> argv, Map<String, String> environment, Path workingDirectory, Duration timeout) {

    /** Characters no POSIX shell treats specially (as Python's shlex.quote); anything else is quoted for display. */
    private static final Pattern SHELL_SAFE = Pattern.compile("[\\w@%+=:,./-]+", Pattern.UNICODE_CHARACTER_CLASS);

    public CommandLine {
        argv = List.copyOf(argv);
        if (argv.isEmpty()) {
            throw new IllegalArgumentException("argv must name a program");
        }
        environment = Map.copyOf(environment);
        Objects.requireNonNull(workingDirectory, "workingDirectory");
        Objects.requireNonNull(timeout, "timeout");
    }

    /** A command that sees this JVM's environment, changed by {@code overrides} (a null value removes a variable). */
    public static CommandLine inheriting(List<String> argv, Map<String, String> overrides, Path workingDirectory, Duration timeout) {
        Map<String, String> env = new TreeMap<>(System.getenv());
        overrides.forEach((name, value) -> {
            if (value == null) {
                env.remove(name);
            } else {
                env.put(name, value);
            }
        });
        return new CommandLine(argv, env, workingDirectory, timeout);
    }

    public String program() {
        return argv.get(0);
    }

    /** The command as a person would type it, for messages; arguments with spaces are quoted. */
    public String display() {
        StringBuilder out = new StringBuilder();
        for (String arg : argv) {
            if (out.length() > 0) {
                out.append(' ');
            }
            out.append(SHELL_SAFE.matcher(arg).matches() ? arg : "'" + arg.replace("'", "'\\''") + "'");
        }
        return out.toString();
    }
}
