package io.gohygiene.modfetch;

import java.io.IOException;

/**
 * Where the checksum database's files come from. A path is relative to the database root, e.g. {@code supported},
 * {@code lookup/golang.org/toolchain@v0.0.1-go1.21.13.linux-amd64}, {@code tile/8/0/x001/234} or
 * {@code tile/8/1/005.p/34}.
 */
public interface SumDbTransport {

    /**
     * The file's bytes; a {@link java.io.FileNotFoundException} when the database answers 404 or 410 (its message
     * keeps the server's answer), so that the client can fall back from a partial tile to the full one or report
     * a version the database does not know.
     */
    byte[] read(String path) throws IOException;

    /**
     * Called by the client for every lookup answer and tile it has verified against the signed tree; a cache may
     * keep them (and must keep nothing it was not handed here).
     */
    default void verified(String path, byte[] content) throws IOException {
    }
}
