package io.gohygiene.binary.buildinfo;

import java.util.ArrayList;
import java.util.List;

/**
 * Test-side rendering of a {@link BuildInfo} the way {@code go version -m} prints it (runtime/debug.BuildInfo.String
 * with strconv.Quote for keys and values that need it, every line indented by a tab), so that the tests can compare
 * the parse with go's text line by line.
 */
final class GoText {

    private GoText() {
    }

    static List<String> render(String file, BuildInfo info) {
        List<String> lines = new ArrayList<>();
        lines.add(file + ": " + info.goVersion());
        if (!info.path().isEmpty()) {
            lines.add("\tpath\t" + info.path());
        }
        if (!info.main().isEmpty()) {
            module(lines, "mod", info.main());
        }
        info.deps().forEach(d -> module(lines, "dep", d));
        for (BuildSetting s : info.settings()) {
            String key = mustQuoteKey(s.key()) ? quote(s.key()) : s.key();
            String value = mustQuoteValue(s.value()) ? quote(s.value()) : s.value();
            lines.add("\tbuild\t" + key + "=" + value);
        }
        return lines;
    }

    private static void module(List<String> lines, String word, Module m) {
        if (m.replace().isEmpty()) {
            lines.add("\t" + word + "\t" + m.path() + "\t" + m.version() + "\t" + m.sum());
        } else {
            lines.add("\t" + word + "\t" + m.path() + "\t" + m.version());
            module(lines, "=>", m.replace().get());
            lines.add("\t"); // BuildInfo.String ends the "=>" line twice
        }
    }

    static boolean mustQuoteKey(String key) {
        return key.isEmpty() || key.matches("(?s).*[= \t\r\n\"`].*");
    }

    static boolean mustQuoteValue(String value) {
        return value.matches("(?s).*[ \t\r\n\"`].*");
    }

    /** strconv.Quote, for the printable-or-escaped text build settings hold. */
    static String quote(String s) {
        StringBuilder out = new StringBuilder("\"");
        s.codePoints().forEach(c -> {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case 0x07 -> out.append("\\a");
                case '\b' -> out.append("\\b");
                case '\f' -> out.append("\\f");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                case 0x0b -> out.append("\\v");
                default -> {
                    if (c < 0x20 || c == 0x7f) {
                        out.append(String.format("\\x%02x", c));
                    } else if (c < 0x80 || isPrint(c)) {
                        out.appendCodePoint(c);
                    } else if (c < 0x10000) {
                        out.append(String.format("\\u%04x", c));
                    } else {
                        out.append(String.format("\\U%08x", c));
                    }
                }
            }
        });
        return out.append('"').toString();
    }

    /** unicode.IsPrint, near enough: letters, marks, numbers, punctuation and symbols. */
    private static boolean isPrint(int c) {
        return switch (Character.getType(c)) {
            case Character.CONTROL, Character.FORMAT, Character.SURROGATE, Character.PRIVATE_USE, Character.UNASSIGNED,
                    Character.SPACE_SEPARATOR, Character.LINE_SEPARATOR, Character.PARAGRAPH_SEPARATOR -> false;
            default -> true;
        };
    }
}
