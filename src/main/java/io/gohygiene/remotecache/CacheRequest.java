package io.gohygiene.remotecache;

/**
 * One request of the go command to its cache program (cmd/go/internal/cacheprog.Request): {@code get}, {@code put}
 * or {@code close}. A {@code put} with a body is followed on the wire by the body, which {@link ProtocolInput} streams.
 *
 * @param id       echoed in the response
 * @param command  {@code get}, {@code put}, {@code close}, or a command of a later Go this program does not know
 * @param actionId the cache key (32 bytes), or null
 * @param outputId the SHA-256 of the body of a put, or null
 * @param bodySize the body's length; 0 when no body follows
 */
record CacheRequest(long id, String command, byte[] actionId, byte[] outputId, long bodySize) {
}
