package io.gohygiene.remotecache;

import io.gohygiene.version.GoVersion;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The settings of {@code <remoteCache>} as the build checks them and hands them to the cache program. */
class RemoteCacheTest {

    @Test
    void parseUrlAddsTheTrailingSlashThatObjectPathsAreResolvedAgainst() {
        // Without it, resolve("cas/…") would replace the last path segment: /go + cas/x = /cas/x, not /go/cas/x.
        assertEquals(URI.create("https://cache.example/go/"), RemoteCache.parseUrl("https://cache.example/go"));
        assertEquals(URI.create("https://cache.example/go/"), RemoteCache.parseUrl(" https://cache.example/go/ "));
        assertEquals(URI.create("http://127.0.0.1:8080/"), RemoteCache.parseUrl("http://127.0.0.1:8080"));
        assertEquals(URI.create("https://cache.example/go/cas/x"),
                RemoteCache.parseUrl("https://cache.example/go").resolve("cas/x"));
    }

    @Test
    void parseUrlRefusesCredentialsInTheUrlWithoutRepeatingThePassword() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> RemoteCache.parseUrl("https://u:s3cr3t@cache.example/x"));
        assertFalse(e.getMessage().contains("s3cr3t"), e.getMessage());
        assertTrue(e.getMessage().contains("settings.xml") && e.getMessage().contains("<serverId>"), e.getMessage());
        // The brief's own example: a one-letter password must not appear as user info either.
        IllegalArgumentException short_ = assertThrows(IllegalArgumentException.class, () -> RemoteCache.parseUrl("https://u:p@host/x"));
        assertFalse(short_.getMessage().contains(":p@"), short_.getMessage());
        assertTrue(short_.getMessage().contains("settings.xml") && short_.getMessage().contains("<serverId>"), short_.getMessage());
    }

    @Test
    void parseUrlRefusesWhatIsNotAnHttpBaseUrlNamingTheSetting() {
        for (String bad : List.of("ftp://cache.example/go/", "", "   ", "host-only", "https://cache.example/go/?token=1",
                "https://cache.example/go/#top", "http:///no-host", "https://cache.example/go with space")) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> RemoteCache.parseUrl(bad), bad);
            assertTrue(e.getMessage().contains("<remoteCache><url>"), bad + ": " + e.getMessage());
        }
    }

    @Test
    void warnsOnceAboutAPasswordOverPlainHttpOnly() {
        List<String> clear = cache("http://cache.example/", Optional.of("secret"), false).warnings();
        assertEquals(1, clear.size(), clear.toString());
        assertTrue(clear.get(0).contains("clear text") && clear.get(0).contains("team-cache"), clear.get(0));
        assertFalse(clear.get(0).contains("secret"), clear.get(0));
        assertEquals(List.of(), cache("https://cache.example/", Optional.of("secret"), false).warnings());
        assertEquals(List.of(), new RemoteCache(URI.create("http://cache.example/"), Optional.empty(), Optional.empty(),
                Optional.empty(), false, Duration.ofSeconds(1), Path.of("/tmp/c")).warnings());
    }

    @Test
    void theEnvironmentCarriesEverySettingToTheCacheProgram() {
        RemoteCache original = new RemoteCache(URI.create("https://cache.example/go/"), Optional.of("team-cache"),
                Optional.of("ci"), Optional.of("s3cr3t"), true, Duration.ofMillis(1234), Path.of("/var/tmp/gh-cache"));
        Map<String, String> env = original.environment(Path.of("/tmp/report.jsonl"));
        assertEquals(original, RemoteCache.fromEnvironment(env));
        assertEquals("/tmp/report.jsonl", env.get(RemoteCache.REPORT));

        RemoteCache anonymous = new RemoteCache(URI.create("http://127.0.0.1:9/"), Optional.empty(), Optional.empty(),
                Optional.empty(), false, Duration.ofSeconds(10), Path.of("/var/tmp/other"));
        assertEquals(anonymous, RemoteCache.fromEnvironment(anonymous.environment(Path.of("r"))));

        assertFalse(original.toString().contains("s3cr3t"), original.toString());
        assertTrue(original.toString().contains("team-cache") && original.toString().contains("push"), original.toString());
    }

    @Test
    void theCacheProgramStartedByHandSaysWhatItNeeds() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> RemoteCache.fromEnvironment(Map.of()));
        assertTrue(e.getMessage().contains(RemoteCache.URL) && e.getMessage().contains("GOCACHEPROG"), e.getMessage());
    }

    @Test
    void goStartsACacheProgramFrom124On() {
        assertFalse(RemoteCache.supportedBy(GoVersion.parse("1.23.9").orElseThrow()));
        assertFalse(RemoteCache.supportedBy(GoVersion.parse("1.23rc2").orElseThrow()));
        for (String version : List.of("1.24rc1", "1.24.0", "1.26.8", "go1.25.3")) {
            assertTrue(RemoteCache.supportedBy(GoVersion.parse(version).orElseThrow()), version);
        }
    }

    @Test
    void theDiskTierLivesInAnAbsoluteGocacheElseUnderTheHome() {
        Path home = Path.of("/home/dev");
        assertEquals(Path.of("/srv/gocache/go-hygiene-remote-cache"),
                RemoteCache.defaultLocalDirectory(Optional.of("/srv/gocache"), home));
        Path fallback = Path.of("/home/dev/.cache/go-hygiene/remote-cache");
        // go itself refuses a relative GOCACHE, and "off" means no cache: neither is a place to write.
        for (Optional<String> gocache : List.of(Optional.<String>empty(), Optional.of(""), Optional.of("off"), Optional.of("relative/cache"))) {
            assertEquals(fallback, RemoteCache.defaultLocalDirectory(gocache, home), gocache.toString());
        }
    }

    @Test
    void warningsAboutDifferentObjectsHaveOneShapeSoTheBuildSaysThemOnce() {
        String a = "the remote cache sent http://h:8080/cas/" + "ab".repeat(32) + " with bytes whose SHA-256 is not its ID (123 bytes, 456 expected)";
        String b = "the remote cache sent http://h:8080/cas/" + "0f".repeat(32) + " with bytes whose SHA-256 is not its ID (7 bytes, 8 expected)";
        assertEquals(RemoteCacheSummary.shape(a), RemoteCacheSummary.shape(b));
        assertNotEquals(RemoteCacheSummary.shape(a), RemoteCacheSummary.shape(
                "the remote cache http://h:8080/ is unreachable (Connection refused)"));
    }

    private static RemoteCache cache(String url, Optional<String> password, boolean push) {
        return new RemoteCache(URI.create(url), Optional.of("team-cache"), password.map(p -> "ci"), password, push,
                Duration.ofSeconds(1), Path.of("/tmp/c"));
    }
}
