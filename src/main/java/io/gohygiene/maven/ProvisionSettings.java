package io.gohygiene.maven;

import io.gohygiene.modfetch.HttpSettings;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.plugin.logging.Log;
import org.apache.maven.settings.Proxy;
import org.apache.maven.settings.building.SettingsProblem;
import org.apache.maven.settings.crypto.DefaultSettingsDecryptionRequest;
import org.apache.maven.settings.crypto.SettingsDecrypter;
import org.apache.maven.settings.crypto.SettingsDecryptionResult;

import java.time.Duration;
import java.util.Arrays;
import java.util.Optional;

/**
 * Maven's network settings for the plugin's own downloads: the first active {@code <proxy>} of settings.xml (its
 * password decrypted with Maven's master password, never printed) and {@code -o}.
 */
final class ProvisionSettings {

    private ProvisionSettings() {
    }

    static HttpSettings http(MavenSession session, SettingsDecrypter decrypter, Log log, Duration timeout) {
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
        return new HttpSettings(server, connect, timeout, offline);
    }
}
