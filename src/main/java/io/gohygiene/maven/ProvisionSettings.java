package io.gohygiene.maven;

import io.gohygiene.modfetch.HttpSettings;
import io.gohygiene.process.SecretMasking;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.logging.Log;
import org.apache.maven.settings.Mirror;
import org.apache.maven.settings.Proxy;
import org.apache.maven.settings.Server;
import org.apache.maven.settings.Settings;
import org.apache.maven.settings.building.SettingsProblem;
import org.apache.maven.settings.crypto.DefaultSettingsDecryptionRequest;
import org.apache.maven.settings.crypto.SettingsDecrypter;
import org.apache.maven.settings.crypto.SettingsDecryptionResult;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.Arrays;
import java.util.Optional;

/**
 * Maven's network settings for the plugin's own downloads: the first active {@code <proxy>} of settings.xml (its
 * password decrypted with Maven's master password, never printed), a {@code <mirror>} of {@code go-proxy} with its
 * {@code <server>}'s credentials, and {@code -o}.
 */
final class ProvisionSettings {

    private ProvisionSettings() {
    }

    static HttpSettings http(MavenSession session, SettingsDecrypter decrypter, Log log, Duration timeout) throws MojoExecutionException {
        boolean offline = session != null && session.isOffline();
        Optional<HttpSettings.ProxyServer> server = Optional.empty();
        if (session != null && session.getSettings() != null) {
            for (Proxy proxy : session.getSettings().getProxies()) {
                if (!proxy.isActive()) {
                    continue;
                }
                Proxy decrypted = proxy;
                if (decrypter != null) {
                    SettingsDecryptionResult result = decrypter.decrypt(new DefaultSettingsDecryptionRequest(proxy));
                    for (SettingsProblem problem : result.getProblems()) {
                        log.warn("go-hygiene: settings.xml proxy '" + proxy.getId() + "': " + problem.getMessage());
                    }
                    if (result.getProxy() != null) {
                        decrypted = result.getProxy();
                    }
                }
                server = Optional.of(new HttpSettings.ProxyServer(decrypted.getHost(), decrypted.getPort(),
                        Optional.ofNullable(decrypted.getUsername()).filter(s -> !s.isBlank()),
                        Optional.ofNullable(decrypted.getPassword()),
                        decrypted.getNonProxyHosts() == null ? java.util.List.of() : Arrays.asList(decrypted.getNonProxyHosts().split("\\|"))));
                break;
            }
        }
        // Said once (only when a download happens would it matter, but a failure is then explained by this line).
        server.ifPresent(p -> log.debug("go-hygiene: provisioning downloads go through Maven's HTTP proxy " + p));
        Duration connect = timeout.compareTo(Duration.ofSeconds(30)) < 0 ? timeout : Duration.ofSeconds(30);
        return new HttpSettings(server, connect, timeout, offline).withMirror(session == null || session.getSettings() == null ? Optional.empty()
                : goProxyMirror(session.getSettings(), decrypter, log));
    }

    /**
     * The first settings.xml {@code <mirror>} whose {@code <mirrorOf>} lists {@code go-proxy} by name ({@code *} and
     * {@code external:*} are for Maven repositories, which are not Go module proxies), with the credentials of the
     * {@code <server>} of its id.
     */
    static Optional<HttpSettings.GoProxyMirror> goProxyMirror(Settings settings, SettingsDecrypter decrypter, Log log)
            throws MojoExecutionException {
        for (Mirror mirror : settings.getMirrors()) {
            String of = mirror.getMirrorOf() == null ? "" : mirror.getMirrorOf();
            if (Arrays.stream(of.split(",")).map(String::strip).noneMatch(HttpSettings.GO_PROXY_REPOSITORY_ID::equals)) {
                continue;
            }
            String where = "settings.xml <mirror> " + mirror.getId() + " (mirrorOf " + HttpSettings.GO_PROXY_REPOSITORY_ID + ")";
            URI url;
            try {
                url = new URI(mirror.getUrl() == null ? "" : mirror.getUrl().strip());
            } catch (URISyntaxException e) {
                throw new MojoExecutionException(where + " has a <url> that is not a URL (" + e.getReason()
                        + "): give the https:// URL of a Go module proxy, e.g. https://artifactory.example/api/go/golang");
            }
            if (!"https".equalsIgnoreCase(url.getScheme()) && !"http".equalsIgnoreCase(url.getScheme()) || url.getHost() == null
                    || url.getRawUserInfo() != null) {
                throw new MojoExecutionException(where + " has the <url> " + SecretMasking.urls(String.valueOf(mirror.getUrl()))
                        + ": give the http(s) URL of a Go module proxy with a host and no credentials (those go in the <server>"
                        + " with the mirror's id)");
            }
            Optional<String> username = Optional.empty();
            Optional<String> password = Optional.empty();
            Server server = settings.getServer(mirror.getId());
            if (server != null) {
                Server decrypted = RemoteCacheSettings.decrypted(server, decrypter, log, where + ": the password of its <server>");
                username = Optional.ofNullable(decrypted.getUsername()).filter(u -> !u.isBlank());
                password = Optional.ofNullable(decrypted.getPassword());
            }
            HttpSettings.GoProxyMirror found = new HttpSettings.GoProxyMirror(mirror.getId(), url, username, password);
            log.debug("go-hygiene: the plugin's module downloads go to the " + found + " instead of GOPROXY");
            return Optional.of(found);
        }
        return Optional.empty();
    }
}
