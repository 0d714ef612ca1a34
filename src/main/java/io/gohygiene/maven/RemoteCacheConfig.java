package io.gohygiene.maven;

import java.io.File;

/**
 * The {@code <remoteCache>} block of the build and test goals: a shared Go build cache on a plain HTTP server. Each
 * value can be switched per CI job by a {@code go-hygiene.remoteCache.<name>} property, e.g.
 * {@code -Dgo-hygiene.remoteCache.push=true} on the trusted branch only.
 */
public class RemoteCacheConfig {

    /** The server's base URL (http or https): objects go to {@code <url>cas/<id>}, entries to {@code <url>ac/<id>}. */
    String url;
    /** The settings.xml {@code <server>} whose username and password (decrypted as Maven does) the requests send. */
    String serverId;
    /** Upload what this build compiles (default false: read-only, the safe choice for pull-request builds). */
    Boolean push;
    /**
     * How long the server may leave a request unanswered, or a transfer without a byte moving, before it counts as
     * unreachable: 10s (default), 500ms, 1m. A large object that keeps moving may take longer.
     */
    String timeout;
    /** The local disk tier in front of the server; default {@code <GOCACHE>/go-hygiene-remote-cache}. */
    File directory;
}
