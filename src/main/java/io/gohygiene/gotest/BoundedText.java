package io.gohygiene.gotest;

import java.nio.charset.StandardCharsets;

/**
 * Output kept within bounds however much a test prints: the first {@code limit} characters and the last
 * {@code limit}, with one line saying how many UTF-8 bytes between them were left out. A test writing 50 MB costs
 * at most three times the limit in memory, and the start (what went wrong first) and the end (where it stopped)
 * both stay.
 */
final class BoundedText {

    /** 64 Ki characters at each end: a report stays readable in a CI server's browser and small on disk. */
    static final int DEFAULT_LIMIT = 64 * 1024;

    private final int limit;
    private final StringBuilder head = new StringBuilder();
    private final StringBuilder tail = new StringBuilder();
    private long leftOutBytes;

    BoundedText() {
        this(DEFAULT_LIMIT);
    }

    BoundedText(int limit) {
        this.limit = limit;
    }

    void append(String text) {
        if (tail.isEmpty()) {
            int room = limit - head.length();
            if (text.length() <= room) {
                head.append(text);
                return;
            }
            if (head.isEmpty()) {
                // One piece longer than the limit: its start is all the head can keep.
                int cut = splitPoint(text, limit);
                head.append(text, 0, cut);
                text = text.substring(cut);
            }
            // Otherwise the head ends where the last piece (a line, as go sends them) ended, not half way into this one.
        }
        tail.append(text);
        if (tail.length() > 2 * limit) {
            // Trimmed in batches, not per line: moving the tail's characters down once per limit keeps appends cheap.
            int drop = lineStart(tail, tail.length() - limit);
            leftOutBytes += utf8Length(tail, 0, drop);
            tail.delete(0, drop);
        }
    }

    boolean isEmpty() {
        return head.isEmpty() && tail.isEmpty();
    }

    /** The kept text; where some was left out, a line {@code [… N bytes left out …]} marks the place. */
    @Override
    public String toString() {
        int drop = tail.length() > limit ? lineStart(tail, tail.length() - limit) : 0;
        long left = leftOutBytes + utf8Length(tail, 0, drop);
        if (left == 0) {
            return head.toString() + tail;
        }
        StringBuilder s = new StringBuilder(head);
        if (!s.isEmpty() && s.charAt(s.length() - 1) != '\n') {
            s.append('\n');
        }
        s.append("[… ").append(left).append(" bytes left out …]\n");
        return s.append(tail, drop, tail.length()).toString();
    }

    /** Where the kept end of {@code text} starts: {@code at}, or the start of the next line when one starts soon after. */
    private static int lineStart(CharSequence text, int at) {
        for (int i = at; i < text.length() - 1 && i < at + 4096; i++) {
            if (text.charAt(i) == '\n') {
                return i + 1;
            }
        }
        return splitPoint(text, at);
    }

    /** {@code at}, moved back by one where it would split a surrogate pair. */
    private static int splitPoint(CharSequence text, int at) {
        return at > 0 && at < text.length() && Character.isLowSurrogate(text.charAt(at))
                && Character.isHighSurrogate(text.charAt(at - 1)) ? at - 1 : at;
    }

    private static long utf8Length(CharSequence text, int from, int to) {
        return text.subSequence(from, to).toString().getBytes(StandardCharsets.UTF_8).length;
    }
}
