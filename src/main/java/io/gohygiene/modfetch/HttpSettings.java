package io.gohygiene.modfetch;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * How the plugin reaches module proxies: Maven's active HTTP proxy (settings.xml, credentials already decrypted by
 * the adapter), a settings.xml mirror of the Go module proxy, the timeouts, and whether the build is offline
 * ({@code mvn -o}: the module cache only).
 */
public record HttpSettings(Optional<ProxyServer> proxy, Duration connectTimeout, Duration requestTimeout, boolean offline,
                           Optional<GoProxyMirror> mirror) {

    /** The {@code <mirrorOf>} that names the Go module proxy: a Maven repository is never one, so {@code *} does not. */
    public static final String GO_PROXY_REPOSITORY_ID = "go-proxy";

    public HttpSettings(Optional<ProxyServer> proxy, Duration connectTimeout, Duration requestTimeout, boolean offline) {
        this(proxy, connectTimeout, requestTimeout, offline, Optional.empty());
    }

    /** This with the plugin's module downloads going to {@code mirror} instead of GOPROXY. */
    public HttpSettings withMirror(Optional<GoProxyMirror> mirror) {
        return new HttpSettings(proxy, connectTimeout, requestTimeout, offline, mirror);
    }

    /**
     * A settings.xml {@code <mirror>} whose {@code <mirrorOf>} names {@value #GO_PROXY_REPOSITORY_ID}: the plugin's
     * module downloads (toolchains, the vulnerability database) go to its URL instead of GOPROXY, with the credentials
     * of the {@code <server>} of the same id (decrypted by the adapter), sent to that host only. Checksums are still
     * checked against GOSUMDB: a mirror is trusted for availability, never for content.
     */
    public record GoProxyMirror(String id, java.net.URI url, Optional<String> username, Optional<String> password) {
        @Override
        public String toString() {
            // Never the password: this is printed.
            return "mirror " + id + " (" + url + username.map(u -> " as " + u).orElse("") + ")";
        }
    }

    /** An HTTP proxy; {@code nonProxyHosts} in Maven's syntax ({@code *.internal|localhost}). */
    public record ProxyServer(String host, int port, Optional<String> username, Optional<String> password, List<String> nonProxyHosts) {
        public ProxyServer {
            nonProxyHosts = List.copyOf(nonProxyHosts);
        }

        boolean bypasses(String targetHost) {
            for (String pattern : nonProxyHosts) {
                String p = pattern.strip().toLowerCase(java.util.Locale.ROOT);
                String h = targetHost.toLowerCase(java.util.Locale.ROOT);
                if (p.equals(h) || p.startsWith("*") && h.endsWith(p.substring(1)) || p.endsWith("*") && h.startsWith(p.substring(0, p.length() - 1))) {
                    return true;
                }
            }
            return false;
        }

        @Override
        public String toString() {
            // Never the password: this is printed in the provisioning line.
            return host + ":" + port + username.map(u -> " as " + u).orElse("");
        }
    }

    public static HttpSettings direct(Duration timeout) {
        return new HttpSettings(Optional.empty(), Duration.ofSeconds(30).compareTo(timeout) < 0 ? Duration.ofSeconds(30) : timeout, timeout, false);
    }
}
