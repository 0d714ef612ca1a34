package io.gohygiene.gotest;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BoundedTextTest {

    @Test
    void fiftyMegabytesKeepTheirStartAndEndAndSayHowMuchIsMissing() {
        BoundedText text = new BoundedText();
        String line = "y".repeat(99) + "\n";
        int lines = 500_000;
        text.append("first line\n");
        for (int i = 0; i < lines; i++) {
            text.append(line);
        }
        text.append("last line\n");

        String kept = text.toString();
        long written = "first line\n".length() + (long) lines * line.length() + "last line\n".length();
        assertTrue(written >= 50_000_000);
        assertTrue(kept.length() < 2 * BoundedText.DEFAULT_LIMIT + 100, "kept " + kept.length());
        assertTrue(kept.startsWith("first line\n" + line));
        assertTrue(kept.endsWith(line + "last line\n"));
        String marker = kept.lines().filter(l -> l.startsWith("[… ")).findFirst().orElseThrow();
        long leftOut = Long.parseLong(marker.replaceAll("\\D", ""));
        assertEquals(written, leftOut + kept.getBytes(StandardCharsets.UTF_8).length - (marker + "\n").getBytes(StandardCharsets.UTF_8).length);
        // Whole lines on both sides of the cut.
        kept.lines().filter(l -> l.startsWith("y")).forEach(l -> assertEquals(99, l.length()));
    }

    @Test
    void shortTextIsKeptAsItIs() {
        BoundedText text = new BoundedText(16);
        text.append("a\n");
        text.append("b");
        assertEquals("a\nb", text.toString());
    }

    @Test
    void oneHugePieceKeepsItsStartAndEndWithoutSplittingACharacter() {
        BoundedText text = new BoundedText(8);
        String emoji = "\uD83D\uDE00";
        text.append("abcdefg" + emoji + "z".repeat(100) + emoji);
        String kept = text.toString();
        assertTrue(kept.startsWith("abcdefg\n[… "), kept);
        assertTrue(kept.endsWith(emoji), kept);
        kept.chars().forEach(c -> assertTrue(!Character.isSurrogate((char) c) || kept.contains(emoji)));
        assertEquals(-1, kept.indexOf("\uD83D\n"));
    }
}
