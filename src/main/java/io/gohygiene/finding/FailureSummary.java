package io.gohygiene.finding;

import java.util.List;

/**
 * The message a goal fails with: a title, then each failing finding with what it is about and its hint, so the one
 * message Maven prints at the end says what went wrong and what to do without scrolling back.
 */
public final class FailureSummary {

    /** A finding and what it is about (a binary, a target), or "" when its check says enough. */
    public record Item(String where, Finding finding) {
    }

    private FailureSummary() {
    }

    /**
     * <pre>
     * title
     *   where [check] message
     *     hint: hint
     * </pre>
     */
    public static String of(String title, List<Item> items) {
        StringBuilder message = new StringBuilder(title);
        for (Item item : items) {
            message.append("\n  ").append(item.where().isEmpty() ? "" : item.where() + " ")
                    .append('[').append(item.finding().check()).append("] ").append(item.finding().message());
            if (item.finding().hint() != null && !item.finding().hint().isBlank()) {
                message.append("\n    hint: ").append(item.finding().hint());
            }
        }
        return message.toString();
    }

    /** Findings whose check says enough. */
    public static String ofChecks(String title, List<Finding> findings) {
        return of(title, findings.stream().map(f -> new Item("", f)).toList());
    }
}
