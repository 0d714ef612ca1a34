package io.gohygiene.gotest;

import com.fasterxml.jackson.jr.ob.JSON;

import java.io.IOException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.Optional;

/**
 * One line of {@code go test -json} (cmd/test2json's {@code TestEvent}): {@code Action} is {@code start}, {@code run},
 * {@code pause}, {@code cont}, {@code pass}, {@code bench}, {@code fail}, {@code output}, {@code skip}, and since Go 1.24
 * {@code build-output} and {@code build-fail} (those name the package being built in {@code ImportPath}, and a
 * package's {@code fail} names the build that failed in {@code FailedBuild}).
 */
public record TestEvent(Optional<Instant> time, String action, Optional<String> packagePath, Optional<String> test,
                        Optional<Double> elapsedSeconds, Optional<String> output, Optional<String> failedBuild,
                        Optional<String> importPath) {

    public static final String OUTPUT = "output";

    /**
     * The event a line spells. A line that is not a JSON object with an {@code Action} is an {@code output} event
     * with no package and the line (plus its newline) as output: before Go 1.24 build errors were printed like
     * that, between the events, and they must not be lost.
     */
    public static TestEvent parse(String line) {
        String trimmed = line.strip();
        if (trimmed.startsWith("{")) {
            try {
                Map<String, Object> json = JSON.std.mapFrom(trimmed);
                if (json != null && json.get("Action") instanceof String action) {
                    return new TestEvent(time(json.get("Time")), action, text(json, "Package"), text(json, "Test"),
                            number(json.get("Elapsed")), text(json, "Output"), text(json, "FailedBuild"),
                            text(json, "ImportPath"));
                }
            } catch (IOException | RuntimeException notJson) {
                // Falls through: the line is text go or the test printed outside the event stream.
            }
        }
        return new TestEvent(Optional.empty(), OUTPUT, Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.of(line + "\n"), Optional.empty(), Optional.empty());
    }

    private static Optional<String> text(Map<String, Object> json, String key) {
        return json.get(key) instanceof String s ? Optional.of(s) : Optional.empty();
    }

    private static Optional<Double> number(Object value) {
        return value instanceof Number n ? Optional.of(n.doubleValue()) : Optional.empty();
    }

    /** Go writes RFC 3339 with nanoseconds and the local offset; a time that does not parse is left out. */
    private static Optional<Instant> time(Object value) {
        if (value instanceof String s) {
            try {
                return Optional.of(OffsetDateTime.parse(s).toInstant());
            } catch (DateTimeParseException e) {
                return Optional.empty();
            }
        }
        return Optional.empty();
    }
}
