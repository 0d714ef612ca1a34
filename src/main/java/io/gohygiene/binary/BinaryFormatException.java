package io.gohygiene.binary;

import java.nio.file.Path;

/**
 * A file is not a binary we can read, or is malformed: names the file, the offset where reading failed (or -1 when
 * the problem is the file as a whole: a pipe, a directory, a file that cannot be opened), and why. File name and
 * reason are {@link Printable#escape escaped}: both may hold bytes from a hostile file.
 */
public class BinaryFormatException extends Exception {

    private final Path file;
    private final long offset;
    private final String reason;

    public BinaryFormatException(Path file, long offset, String reason) {
        super(Printable.escape(String.valueOf(file)) + (offset >= 0 ? " at offset " + offset : "") + ": " + Printable.escape(reason));
        this.file = file;
        this.offset = offset;
        this.reason = Printable.escape(reason);
    }

    /** About the file as a whole, not a position in it. */
    public BinaryFormatException(Path file, String reason) {
        this(file, -1, reason);
    }

    public Path file() {
        return file;
    }

    /** Where reading failed; -1 when the problem is the file as a whole. */
    public long offset() {
        return offset;
    }

    public String reason() {
        return reason;
    }
}
