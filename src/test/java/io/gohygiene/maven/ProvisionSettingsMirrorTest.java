package io.gohygiene.maven;

import io.gohygiene.modfetch.HttpSettings;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.logging.SystemStreamLog;
import org.apache.maven.settings.Mirror;
import org.apache.maven.settings.Server;
import org.apache.maven.settings.Settings;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Which settings.xml {@code <mirror>} replaces GOPROXY for the plugin's downloads, and with which credentials. */
class ProvisionSettingsMirrorTest {

    @Test
    void aMirrorOfEverythingIsForMavenRepositoriesNotForGo() throws Exception {
        Settings settings = new Settings();
        settings.addMirror(mirror("nexus", "*", "https://nexus.example/repository/maven-public/"));
        settings.addMirror(mirror("external", "external:*,!go-proxy", "https://nexus.example/other/"));
        assertEquals(Optional.empty(), ProvisionSettings.goProxyMirror(settings, null, new SystemStreamLog()));
    }

    @Test
    void theMirrorNamingGoProxyIsUsedWithItsServersCredentials() throws Exception {
        Settings settings = new Settings();
        settings.addMirror(mirror("nexus", "*", "https://nexus.example/repository/maven-public/"));
        settings.addMirror(mirror("corp-go", "central, go-proxy", "https://artifactory.example/api/go/golang"));
        Server server = new Server();
        server.setId("corp-go");
        server.setUsername("ci");
        server.setPassword("s3cret-mirror-pass");
        settings.addServer(server);

        HttpSettings.GoProxyMirror found = ProvisionSettings.goProxyMirror(settings, null, new SystemStreamLog()).orElseThrow();
        assertEquals("corp-go", found.id());
        assertEquals(URI.create("https://artifactory.example/api/go/golang"), found.url());
        assertEquals(Optional.of("ci"), found.username());
        assertEquals(Optional.of("s3cret-mirror-pass"), found.password());
        assertFalse(found.toString().contains("s3cret"), found.toString());
    }

    @Test
    void aMirrorWithoutAServerHasNoCredentials() throws Exception {
        Settings settings = new Settings();
        settings.addMirror(mirror("open-go", "go-proxy", "http://goproxy.internal:8081/"));
        HttpSettings.GoProxyMirror found = ProvisionSettings.goProxyMirror(settings, null, new SystemStreamLog()).orElseThrow();
        assertTrue(found.username().isEmpty() && found.password().isEmpty());
    }

    @Test
    void aMirrorUrlWithCredentialsOrWithoutHttpIsOneClearError() {
        for (String url : new String[] {"https://ci:s3cret-in-url@artifactory.example/go", "ftp://files.example/go", "not a url"}) {
            Settings settings = new Settings();
            settings.addMirror(mirror("corp-go", "go-proxy", url));
            MojoExecutionException e = assertThrows(MojoExecutionException.class,
                    () -> ProvisionSettings.goProxyMirror(settings, null, new SystemStreamLog()), url);
            assertTrue(e.getMessage().startsWith("settings.xml <mirror> corp-go (mirrorOf go-proxy) has "), e.getMessage());
            assertFalse(e.getMessage().contains("s3cret-in-url"), e.getMessage());
        }
    }

    private static Mirror mirror(String id, String of, String url) {
        Mirror mirror = new Mirror();
        mirror.setId(id);
        mirror.setMirrorOf(of);
        mirror.setUrl(url);
        return mirror;
    }
}
