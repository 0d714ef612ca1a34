package io.gohygiene.binary;

/**
 * Text read from a file (section, library and module names, build settings, the file's own name) made safe for
 * one log line: control characters are written as Go's strconv.Quote writes them ({@code \n}, {@code \x1b}), so a
 * hostile binary can neither split a line nor send terminal escapes. Everything else is kept as it is.
 */
public final class Printable {

    private Printable() {
    }

    public static String escape(String text) {
        if (text.codePoints().noneMatch(Printable::needsEscape)) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length() + 8);
        text.codePoints().forEach(c -> {
            if (!needsEscape(c)) {
                out.appendCodePoint(c);
            } else if (c == '\n') {
                out.append("\\n");
            } else if (c == '\r') {
                out.append("\\r");
            } else if (c == '\t') {
                out.append("\\t");
            } else if (c < 0x80) {
                out.append(String.format("\\x%02x", c));
            } else {
                out.append(String.format("\\u%04x", c));
            }
        });
        return out.toString();
    }

    /** C0 and C1 controls, DEL, line and paragraph separators, and invisible format characters (bidi overrides). */
    private static boolean needsEscape(int c) {
        int type = Character.getType(c);
        return type == Character.CONTROL || type == Character.LINE_SEPARATOR || type == Character.PARAGRAPH_SEPARATOR
                || type == Character.FORMAT;
    }
}
