package io.gohygiene.maven;

import io.gohygiene.process.Durations;
import io.gohygiene.remotecache.RemoteCache;
import io.gohygiene.toolchain.GoToolchain;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.logging.Log;
import org.apache.maven.settings.Server;
import org.apache.maven.settings.building.SettingsProblem;
import org.apache.maven.settings.crypto.DefaultSettingsDecryptionRequest;
import org.apache.maven.settings.crypto.SettingsDecrypter;
import org.apache.maven.settings.crypto.SettingsDecryptionResult;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/**
 * {@code <remoteCache>} with its property overrides and the credentials of its settings.xml {@code <server>}, as the
 * core's {@link RemoteCache}. The password is decrypted here and goes only into the go process's environment.
 */
final class RemoteCacheSettings {

    private RemoteCacheSettings() {
    }

    /** Empty when no URL is configured, or when {@code go} is older than 1.24 (said in one line). */
    static Optional<RemoteCache> resolve(RemoteCacheConfig config, MavenSession session, SettingsDecrypter decrypter,
                                         GoToolchain go, Log log) throws MojoExecutionException {
        RemoteCacheConfig c = config == null ? new RemoteCacheConfig() : config;
        Optional<String> urlText = value(session, "url", c.url);
        if (urlText.isEmpty()) {
            return Optional.empty();
        }
        java.net.URI url;
        try {
            url = RemoteCache.parseUrl(urlText.get());
        } catch (IllegalArgumentException e) {
            throw new MojoExecutionException(e.getMessage());
        }
        if (!RemoteCache.supportedBy(go.version())) {
            log.info("go-hygiene: <remoteCache> needs " + RemoteCache.FIRST_GO.goName() + " or newer (GOCACHEPROG); "
                    + go.version().goName() + " builds with its local cache only");
            return Optional.empty();
        }
        boolean push = false;
        Optional<String> pushText = value(session, "push", c.push == null ? null : c.push.toString());
        if (pushText.isPresent()) {
            push = switch (pushText.get().toLowerCase(java.util.Locale.ROOT)) {
                case "true" -> true;
                case "false" -> false;
                default -> throw new MojoExecutionException("<remoteCache><push> (go-hygiene.remoteCache.push) is " + pushText.get()
                        + ": give true (upload what this build compiles, for trusted branches) or false (read-only)");
            };
        }
        Duration timeout = RemoteCache.DEFAULT_TIMEOUT;
        Optional<String> timeoutText = value(session, "timeout", c.timeout);
        if (timeoutText.isPresent()) {
            try {
                timeout = Durations.parse(timeoutText.get());
            } catch (IllegalArgumentException e) {
                throw new MojoExecutionException("<remoteCache><timeout> (go-hygiene.remoteCache.timeout): " + e.getMessage());
            }
        }
        Optional<String> serverId = value(session, "serverId", c.serverId);
        Optional<String> username = Optional.empty();
        Optional<String> password = Optional.empty();
        if (serverId.isPresent()) {
            Server server = server(session, decrypter, serverId.get(), log);
            username = Optional.ofNullable(server.getUsername()).filter(s -> !s.isBlank());
            password = Optional.ofNullable(server.getPassword()).filter(s -> !s.isEmpty());
            if (username.isEmpty()) {
                throw new MojoExecutionException("<remoteCache><serverId> " + serverId.get() + ": that settings.xml <server> has no"
                        + " <username>; the cache server is reached with HTTP Basic authentication: give <username> and <password>");
            }
        }
        Path directory = value(session, "directory", c.directory == null ? null : c.directory.getPath())
                .map(Path::of)
                .orElse(RemoteCache.defaultLocalDirectory(go.env("GOCACHE"), Path.of(System.getProperty("user.home"))));
        RemoteCache cache = new RemoteCache(url, serverId, username, password, push, timeout, directory);
        cache.warnings().forEach(w -> log.warn("go-hygiene: " + w));
        return Optional.of(cache);
    }

    /** The {@code go-hygiene.remoteCache.NAME} user or system property, else the configured value. */
    private static Optional<String> value(MavenSession session, String name, String configured) {
        return AbstractGoHygieneMojo.userOrSystemProperty(session, "go-hygiene.remoteCache." + name)
                .or(() -> Optional.ofNullable(configured)).map(String::strip).filter(v -> !v.isEmpty());
    }

    private static Server server(MavenSession session, SettingsDecrypter decrypter, String id, Log log) throws MojoExecutionException {
        Server server = session == null || session.getSettings() == null ? null : session.getSettings().getServer(id);
        if (server == null) {
            throw new MojoExecutionException("<remoteCache><serverId> " + id + ": settings.xml has no <server> with that id; add"
                    + " <server><id>" + id + "</id><username>…</username><password>…</password></server> to ~/.m2/settings.xml"
                    + " (or the file given with -s), or remove <serverId> for a server that needs no credentials");
        }
        return decrypted(server, decrypter, log, "<remoteCache><serverId> " + id + ": the password of that settings.xml <server>");
    }

    /**
     * {@code server} with its password decrypted as Maven does; a password that cannot be decrypted is one error,
     * "{@code whose} cannot be decrypted (why); check ~/.m2/settings-security.xml", and a warning is said and passed.
     */
    static Server decrypted(Server server, SettingsDecrypter decrypter, Log log, String whose) throws MojoExecutionException {
        if (decrypter == null) {
            return server;
        }
        SettingsDecryptionResult result = decrypter.decrypt(new DefaultSettingsDecryptionRequest(server));
        for (SettingsProblem problem : result.getProblems()) {
            if (problem.getSeverity() != SettingsProblem.Severity.WARNING) {
                throw new MojoExecutionException(whose + " cannot be decrypted (" + problem.getMessage() + "); check ~/.m2/settings-security.xml");
            }
            log.warn("go-hygiene: settings.xml server '" + server.getId() + "': " + problem.getMessage());
        }
        return result.getServer() != null ? result.getServer() : server;
    }
}
