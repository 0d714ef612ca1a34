package io.gohygiene.remotecache;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * A shared build cache over plain HTTP ({@code <remoteCache>}), as the build hands it to the cache program: through
 * the environment of the go process, which go passes on to the program it starts. Never on a command line (every
 * user of the machine sees those in {@code ps}); the password's variable name marks it a credential, so the build's
 * re-run files show it masked.
 *
 * @param url            the server's base URL; objects live at {@code <url>cas/<output ID>}, entries at {@code <url>ac/<action ID>}
 * @param serverId       the settings.xml {@code <server>} the credentials came from, for messages; empty without credentials
 * @param username       HTTP Basic user, or empty
 * @param password       HTTP Basic password, or empty
 * @param push           whether this build uploads what it compiles (false: read-only, for untrusted builds)
 * @param timeout        how long a request may go unanswered, or a transfer without a byte moving, before the server
 *                       counts as unreachable (a large object that keeps moving may take longer)
 * @param localDirectory the disk tier in front of the server
 */
public record RemoteCache(URI url, Optional<String> serverId, Optional<String> username, Optional<String> password,
                          boolean push, Duration timeout, Path localDirectory) {

    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);

    static final String URL = "GO_HYGIENE_REMOTE_CACHE_URL";
    static final String SERVER_ID = "GO_HYGIENE_REMOTE_CACHE_SERVER_ID";
    static final String USERNAME = "GO_HYGIENE_REMOTE_CACHE_USERNAME";
    static final String PASSWORD = "GO_HYGIENE_REMOTE_CACHE_PASSWORD";
    static final String PUSH = "GO_HYGIENE_REMOTE_CACHE_PUSH";
    static final String TIMEOUT = "GO_HYGIENE_REMOTE_CACHE_TIMEOUT_MS";
    static final String DIRECTORY = "GO_HYGIENE_REMOTE_CACHE_DIR";
    static final String REPORT = "GO_HYGIENE_REMOTE_CACHE_REPORT";

    public RemoteCache {
        timeout = timeout == null || timeout.isZero() || timeout.isNegative() ? DEFAULT_TIMEOUT : timeout;
        localDirectory = localDirectory.toAbsolutePath().normalize();
    }

    /**
     * Checks {@code <remoteCache><url>}: http or https, a host, no user info (credentials belong in settings.xml, named
     * by {@code <serverId>}: a URL is printed and written in many places). The URL gets a trailing slash.
     *
     * @throws IllegalArgumentException naming the setting and what to give
     */
    public static URI parseUrl(String text) {
        String setting = "<remoteCache><url> (go-hygiene.remoteCache.url)";
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException(setting + " is empty: give the cache server's base URL, e.g. https://cache.example/go/");
        }
        URI uri;
        try {
            uri = new URI(text.strip());
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException(setting + " is not a URL (" + e.getReason() + "): give e.g. https://cache.example/go/");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https") || uri.getHost() == null) {
            throw new IllegalArgumentException(setting + " is " + io.gohygiene.process.SecretMasking.urls(text.strip())
                    + ": give an http:// or https:// URL with a host, e.g. https://cache.example/go/");
        }
        if (uri.getRawUserInfo() != null) {
            throw new IllegalArgumentException(setting + " holds credentials (" + io.gohygiene.process.SecretMasking.urls(text.strip())
                    + "): a URL is printed and written in many places; put them in a settings.xml <server> and name its id in"
                    + " <remoteCache><serverId>");
        }
        if (uri.getRawQuery() != null || uri.getRawFragment() != null) {
            throw new IllegalArgumentException(setting + " has a query or fragment (" + text.strip() + "): give the base URL only");
        }
        String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
        return URI.create(scheme + "://" + uri.getRawAuthority() + (path.endsWith("/") ? path : path + "/"));
    }

    /** The first release whose go starts a GOCACHEPROG (cmd/go/internal/cacheprog, Go 1.24). */
    public static final io.gohygiene.version.GoVersion FIRST_GO = io.gohygiene.version.GoVersion.parse("1.24").orElseThrow();

    /** Whether {@code go} starts a cache program; an older go ignores GOCACHEPROG and builds with its local cache. */
    public static boolean supportedBy(io.gohygiene.version.GoVersion go) {
        return go.compareTo(FIRST_GO) >= 0;
    }

    /**
     * The disk tier when {@code <remoteCache><directory>} is not given: beside go's own objects, in
     * {@code <GOCACHE>/go-hygiene-remote-cache} (go's cache trimming and {@code go clean -cache} touch only its
     * two-hex-digit directories, so this one is left alone), else under {@code ~/.cache/go-hygiene/}.
     */
    public static Path defaultLocalDirectory(Optional<String> goCache, Path userHome) {
        return goCache.filter(dir -> !dir.isBlank() && !dir.equals("off") && Path.of(dir).isAbsolute())
                .map(dir -> Path.of(dir, "go-hygiene-remote-cache"))
                .orElse(userHome.resolve(".cache").resolve("go-hygiene").resolve("remote-cache"));
    }

    /** Problems worth one line before the build: credentials sent in clear text. */
    public List<String> warnings() {
        List<String> warnings = new ArrayList<>();
        if (password.isPresent() && url.getScheme().equals("http")) {
            warnings.add("the remote cache " + url + " is plain http: the credentials of <server> " + serverId.orElse("?")
                    + " are sent in clear text with every request; use https");
        }
        return warnings;
    }

    /** The variables the go process (and through it the cache program) gets; {@code report} collects the summaries. */
    public Map<String, String> environment(Path report) {
        Map<String, String> env = new LinkedHashMap<>();
        env.put(URL, url.toString());
        serverId.ifPresent(id -> env.put(SERVER_ID, id));
        username.ifPresent(u -> env.put(USERNAME, u));
        password.ifPresent(p -> env.put(PASSWORD, p));
        env.put(PUSH, Boolean.toString(push));
        env.put(TIMEOUT, Long.toString(timeout.toMillis()));
        env.put(DIRECTORY, localDirectory.toString());
        env.put(REPORT, report.toAbsolutePath().toString());
        return env;
    }

    /** The settings the cache program was started with. */
    static RemoteCache fromEnvironment(Map<String, String> env) {
        String url = env.get(URL);
        String dir = env.get(DIRECTORY);
        if (url == null || dir == null) {
            throw new IllegalArgumentException("the go-hygiene cache program needs " + URL + " and " + DIRECTORY
                    + " in its environment; the plugin's build goal sets them (GOCACHEPROG is not meant to be set by hand)");
        }
        Duration timeout = env.containsKey(TIMEOUT) ? Duration.ofMillis(Long.parseLong(env.get(TIMEOUT))) : DEFAULT_TIMEOUT;
        return new RemoteCache(parseUrl(url), Optional.ofNullable(env.get(SERVER_ID)), Optional.ofNullable(env.get(USERNAME)),
                Optional.ofNullable(env.get(PASSWORD)), Boolean.parseBoolean(env.get(PUSH)), timeout, Path.of(dir));
    }

    @Override
    public String toString() {
        // Never the password: this is printed.
        return url + (push ? " (push)" : " (read-only)") + serverId.map(id -> " as <server> " + id).orElse("");
    }
}
