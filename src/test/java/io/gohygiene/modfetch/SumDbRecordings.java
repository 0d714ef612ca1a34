package io.gohygiene.modfetch;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Real answers of sum.golang.org, recorded through https://proxy.golang.org/sumdb/sum.golang.org/ into
 * src/test/resources/sumdb/sum.golang.org/ (the lookup and every tile its proof read), so that the tests run offline
 * and always see the same signed trees. Run the tests with {@code -Dsumdb.record=true} to record them again.
 */
final class SumDbRecordings {

    static final URI PROXY = URI.create("https://proxy.golang.org");
    static final Path DIR = Path.of("src", "test", "resources", "sumdb", "sum.golang.org");

    /** The recorded module versions, with the hashes `go mod download -json` reports for them (Sum, GoModSum). */
    static final List<Version> VERSIONS = List.of(
            new Version("golang.org/toolchain", "v0.0.1-go1.21.13.linux-amd64",
                    "h1:THKeCuuOK6mnQhbTbvvH9CKU3D4lwUERQax+yRXCVJk=", "h1:8wlg68NqwW7eMnI1aABk/C2pDYXj8mrMY4TyRfiLeS0="),
            new Version("rsc.io/quote", "v1.5.2",
                    "h1:w5fcysjrx7yqtD/aO+QwRjYZOKnaM9Uh2b40tElTs3Y=", "h1:LzX7hefJvL54yjefDEDHNONDjII0t9xZLPXsUe+TKr0="),
            // Upper-case letters: the lookup path is case-encoded (github.com/!burnt!sushi/toml).
            new Version("github.com/BurntSushi/toml", "v1.4.0",
                    "h1:kuoIxZQy2WRRk1pttg9asf+WVv6tWQuBNVmK8+nqPr0=", "h1:ukJfTF/6rtPPRCnwkur4qwRxa8vTRFBF0uk2lLoLwho="));

    record Version(String path, String version, String zipHash, String goModHash) {
        String lookupPath() {
            return "lookup/" + ModulePaths.escape(path) + "@" + ModulePaths.escape(version);
        }

        @Override
        public String toString() {
            return path + "@" + version;
        }
    }

    private SumDbRecordings() {
    }

    /** The recordings, or with -Dsumdb.record=true the live database through the proxy, saving what it answers. */
    static Replay transport() {
        return Boolean.getBoolean("sumdb.record") ? new Replay(Map.of(), recorder()) : new Replay(Map.of(), null);
    }

    private static SumDbTransport recorder() {
        SumDbTransport live = new ProxySumDbTransport(PROXY, "sum.golang.org", HttpClient.newHttpClient(), Duration.ofSeconds(30), Optional.empty());
        return path -> {
            byte[] data = live.read(path);
            Path file = DIR.resolve(path);
            Files.createDirectories(file.getParent());
            Files.write(file, data);
            return data;
        };
    }

    /**
     * Serves the recorded files (a missing one is a 404), with some replaced by {@link #with}, and lists what was
     * read and what the client reported as verified.
     */
    static final class Replay implements SumDbTransport {
        private final Map<String, byte[]> replaced;
        private final SumDbTransport recorder;
        final List<String> reads = new ArrayList<>();
        final Map<String, byte[]> verified = new HashMap<>();

        Replay(Map<String, byte[]> replaced, SumDbTransport recorder) {
            this.replaced = replaced;
            this.recorder = recorder;
        }

        /** A replay where {@code path} answers {@code content} (null: 404). */
        Replay with(String path, byte[] content) {
            Map<String, byte[]> map = new HashMap<>(replaced);
            map.put(path, content);
            return new Replay(map, recorder);
        }

        @Override
        public byte[] read(String path) throws IOException {
            reads.add(path);
            if (replaced.containsKey(path)) {
                if (replaced.get(path) == null) {
                    throw new FileNotFoundException("reading " + path + ": HTTP 404");
                }
                return replaced.get(path).clone();
            }
            if (recorder != null) {
                return recorder.read(path);
            }
            try {
                return Files.readAllBytes(DIR.resolve(path));
            } catch (NoSuchFileException e) {
                throw new FileNotFoundException("reading " + path + ": HTTP 404 (not recorded)");
            }
        }

        @Override
        public void verified(String path, byte[] content) {
            verified.put(path, content.clone());
        }

        /** The recorded bytes of {@code path}. */
        byte[] recorded(String path) throws IOException {
            return replaced.containsKey(path) ? replaced.get(path).clone() : Files.readAllBytes(DIR.resolve(path));
        }
    }
}
