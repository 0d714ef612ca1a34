package io.gohygiene.binary.buildinfo;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * Go's strconv.Unquote and strconv.QuotedPrefix for the two quote forms build-info lines use: double-quoted
 * strings with Go escapes ({@code \"}, {@code \\}, {@code \n}, {@code \t}, {@code \xNN}, <code>&#92;uNNNN</code>,
 * {@code \UNNNNNNNN}, octal {@code \NNN} …) and back-quoted raw strings (where Go drops {@code \r}).
 * {@code \xNN} and octal escapes produce single bytes, so the value is built as bytes and decoded as Go decodes.
 */
final class GoQuotedString {

    private GoQuotedString() {
    }

    /** strconv.Unquote: the value {@code s} quotes, empty when {@code s} is not exactly one valid quoted string. */
    static Optional<String> unquote(String s) {
        Scan scan = scan(s, true);
        return scan != null && scan.end == s.length() ? Optional.of(scan.value) : Optional.empty();
    }

    /** strconv.QuotedPrefix: the length of the quoted string {@code s} starts with, or -1. */
    static int quotedPrefixLength(String s) {
        Scan scan = scan(s, false);
        return scan == null ? -1 : scan.end;
    }

    private record Scan(String value, int end) {
    }

    /** strconv's unquote: the quoted string at the start of {@code in} and where it ends, or null. */
    private static Scan scan(String in, boolean unescape) {
        if (in.length() < 2) {
            return null;
        }
        char quote = in.charAt(0);
        int close = in.indexOf(quote, 1);
        if (close < 0) {
            return null;
        }
        int end = close + 1; // optimistic: wrong when the string holds an escaped quote
        switch (quote) {
            case '`':
                // Carriage returns inside raw strings are discarded from the value, as in Go source.
                return new Scan(unescape ? in.substring(1, close).replace("\r", "") : null, end);
            case '"':
                String body = in.substring(1, close);
                if (body.indexOf('\\') < 0 && body.indexOf('\n') < 0) {
                    return new Scan(body, end);
                }
                return scanEscaped(in);
            default:
                return null;
        }
    }

    private static Scan scanEscaped(String in) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(in.length());
        int i = 1;
        while (i < in.length() && in.charAt(i) != '"') {
            char c = in.charAt(i);
            if (c == '\n') {
                return null; // an unescaped newline is invalid in a quoted string
            }
            if (c != '\\') {
                int cp = in.codePointAt(i);
                byte[] utf8 = new String(Character.toChars(cp)).getBytes(StandardCharsets.UTF_8);
                out.write(utf8, 0, utf8.length);
                i += Character.charCount(cp);
                continue;
            }
            i = unescape(in, i + 1, out);
            if (i < 0) {
                return null;
            }
        }
        if (i >= in.length()) {
            return null; // no terminating quote
        }
        return new Scan(GoStrings.decode(out.toByteArray()), i + 1);
    }

    /** strconv.UnquoteChar after a backslash at {@code i - 1}: writes the value, returns the next index or -1. */
    private static int unescape(String s, int i, ByteArrayOutputStream out) {
        if (i >= s.length()) {
            return -1;
        }
        char c = s.charAt(i++);
        switch (c) {
            case 'a' -> out.write(0x07);
            case 'b' -> out.write('\b');
            case 'f' -> out.write('\f');
            case 'n' -> out.write('\n');
            case 'r' -> out.write('\r');
            case 't' -> out.write('\t');
            case 'v' -> out.write(0x0b);
            case '\\' -> out.write('\\');
            case '"' -> out.write('"');
            case 'x', 'u', 'U' -> {
                int digits = c == 'x' ? 2 : c == 'u' ? 4 : 8;
                if (i + digits > s.length()) {
                    return -1;
                }
                long v = 0;
                for (int k = 0; k < digits; k++) {
                    int x = unhex(s.charAt(i + k));
                    if (x < 0) {
                        return -1;
                    }
                    v = v << 4 | x;
                }
                i += digits;
                if (c == 'x') {
                    out.write((int) v); // a single byte, possibly not UTF-8
                } else {
                    if (v > 0x10FFFF || (v >= 0xD800 && v <= 0xDFFF)) {
                        return -1; // utf8.ValidRune
                    }
                    byte[] utf8 = new String(Character.toChars((int) v)).getBytes(StandardCharsets.UTF_8);
                    out.write(utf8, 0, utf8.length);
                }
            }
            case '0', '1', '2', '3', '4', '5', '6', '7' -> {
                int v = c - '0';
                if (i + 2 > s.length()) {
                    return -1;
                }
                for (int k = 0; k < 2; k++) {
                    int x = s.charAt(i + k) - '0';
                    if (x < 0 || x > 7) {
                        return -1;
                    }
                    v = (v << 3) | x;
                }
                i += 2;
                if (v > 255) {
                    return -1;
                }
                out.write(v);
            }
            default -> {
                return -1; // includes \' inside a double-quoted string
            }
        }
        return i;
    }

    /** strconv's unhex: ASCII hex digits only (Character.digit would also take non-ASCII digits). */
    private static int unhex(char c) {
        if (c >= '0' && c <= '9') {
            return c - '0';
        }
        if (c >= 'a' && c <= 'f') {
            return c - 'a' + 10;
        }
        if (c >= 'A' && c <= 'F') {
            return c - 'A' + 10;
        }
        return -1;
    }
}
