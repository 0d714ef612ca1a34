package io.gohygiene.gotest;

/**
 * The output of one test (or of a package outside its tests), bounded, with the two lines a failure message is
 * made of noted as they pass: the first line the test itself printed and the first {@code panic:} line. They are
 * noted on the way because the bounded text may leave them out.
 */
final class TestOutput {

    private final BoundedText text = new BoundedText();
    private String firstOwnLine;
    private String panicLine;

    void append(String output) {
        text.append(output);
        if (firstOwnLine != null && panicLine != null) {
            return;
        }
        for (String line : output.split("\n")) {
            String trimmed = line.strip();
            if (trimmed.isEmpty() || isFraming(trimmed)) {
                continue;
            }
            if (firstOwnLine == null) {
                firstOwnLine = trimmed;
            }
            if (panicLine == null && trimmed.startsWith("panic: ")) {
                panicLine = trimmed;
            }
        }
    }

    /** The lines go's testing package writes around a test's own: {@code === RUN}, {@code --- FAIL: …}, {@code FAIL}, {@code ok …}. */
    static boolean isFraming(String trimmed) {
        return trimmed.startsWith("=== ") || trimmed.startsWith("--- ") || trimmed.equals("PASS") || trimmed.equals("FAIL")
                || trimmed.startsWith("ok  \t") || trimmed.startsWith("FAIL\t") || trimmed.startsWith("?   \t")
                || trimmed.startsWith("exit status ");
    }

    /** The first line the test printed, or null. */
    String firstOwnLine() {
        return firstOwnLine;
    }

    /** The first {@code panic: …} line, or null. */
    String panicLine() {
        return panicLine;
    }

    boolean isEmpty() {
        return text.isEmpty();
    }

    @Override
    public String toString() {
        return text.toString();
    }
}
