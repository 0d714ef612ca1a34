package io.gohygiene.binary;

import java.nio.file.Path;

/** A file is not a binary we can read, or is malformed: names the file, the offset where reading failed, and why. */
public class BinaryFormatException extends Exception {

    private final Path file;
    private final long offset;
    private final String reason;

    public BinaryFormatException(Path file, long offset, String reason) {
        super(file + " at offset " + offset + ": " + reason);
        this.file = file;
        this.offset = offset;
        this.reason = reason;
    }

    public Path file() {
        return file;
    }

    public long offset() {
        return offset;
    }

    public String reason() {
        return reason;
    }
}
