package io.gohygiene.report;

/** Text as XML 1.0 can carry it (also for the go test reports of {@code gotest}). */
public final class XmlText {

    private XmlText() {
    }

    /**
     * {@code text} with every character XML 1.0 cannot hold (controls other than tab, LF and CR, lone surrogates,
     * U+FFFE and U+FFFF) spelled {@code \}{@code uXXXX}: a name read from a hostile binary must not make the report
     * unreadable. Markup characters are left to the XML writer, which escapes them.
     */
    public static String safe(String text) {
        StringBuilder s = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                if (s != null) {
                    s.append(c).append(text.charAt(i + 1));
                }
                i++;
            } else if (c == '\t' || c == '\n' || c == '\r' || (c >= 0x20 && c <= 0xD7FF) || (c >= 0xE000 && c <= 0xFFFD)) {
                if (s != null) {
                    s.append(c);
                }
            } else {
                if (s == null) {
                    s = new StringBuilder(text.length() + 8).append(text, 0, i);
                }
                s.append(String.format("\\u%04X", (int) c));
            }
        }
        return s == null ? text : s.toString();
    }
}
