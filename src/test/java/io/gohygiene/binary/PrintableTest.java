package io.gohygiene.binary;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Bytes from a file never reach a log line raw: control characters are written as Go's strconv.Quote writes them. */
class PrintableTest {

    @Test
    void controlCharactersAreEscapedAndEverythingElseKept() {
        assertEquals("a\\nb\\r\\t\\x1b[31mred\\x00\\x7f", Printable.escape("a\nb\r\t\u001b[31mred\u0000\u007f"));
        assertEquals("\\u0085\\u2028\\u202e", Printable.escape("\u0085\u2028\u202e"));
        assertEquals("C:\\go\\bin — libc.so.6 ünïcode", Printable.escape("C:\\go\\bin — libc.so.6 ünïcode"));
    }

    @Test
    void aFormatErrorEscapesTheFileNameAndTheReason() {
        BinaryFormatException e = new BinaryFormatException(Path.of("dir/a\nb"), 12, "section .x\n\u001b[2K is bad");
        assertEquals("dir/a\\nb at offset 12: section .x\\n\\x1b[2K is bad", e.getMessage());
        assertEquals("section .x\\n\\x1b[2K is bad", e.reason());
    }
}
