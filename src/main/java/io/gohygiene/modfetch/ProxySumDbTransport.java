package io.gohygiene.modfetch;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Arrays;
import java.util.Optional;

/**
 * The checksum database through a module proxy ({@code <proxy>/sumdb/<name>/<path>}, the proxy protocol's
 * pass-through), with cmd/go's on-disk cache {@code $GOMODCACHE/cache/download/sumdb/<name>/<path>} shared with go.
 * Tiles are read from the cache before the network: they never change once published and each is proven against
 * the signed root again on every use, so a cached tile that was tampered with fails the proof instead of being
 * trusted. A lookup is always asked of the network, as its answer carries the current signed tree. The cache is
 * written only for what the client reports as {@link #verified}, atomically, so go and the plugin never see a
 * partial file.
 */
public final class ProxySumDbTransport implements SumDbTransport {

    /** Bytes of the largest answer read: a full tile is 8 KiB, a lookup answer a few hundred bytes. */
    private static final int MAX_ANSWER = 1 << 20;

    private final String base;
    private final HttpClient http;
    private final Duration timeout;
    private final Optional<Path> cacheDir;

    public ProxySumDbTransport(URI proxy, String dbName, HttpClient http, Duration timeout, Optional<Path> goModCache) {
        checkRelative(dbName);
        this.base = databaseUrl(proxy, dbName);
        this.http = http;
        this.timeout = timeout;
        this.cacheDir = goModCache.map(dir -> dir.resolve("cache").resolve("download").resolve("sumdb").resolve(dbName));
    }

    /** Whether the proxy passes the database through: {@code GET <proxy>/sumdb/<name>/supported} answers 200. */
    public static boolean supported(URI proxy, String dbName, HttpClient http, Duration timeout) throws IOException {
        checkRelative(dbName);
        Answer response = get(http, URI.create(databaseUrl(proxy, dbName) + "supported"), timeout);
        if (response.statusCode() == 404 || response.statusCode() == 410) {
            return false;
        }
        if (response.statusCode() != 200) {
            throw new IOException("reading " + response.uri() + ": HTTP " + response.statusCode());
        }
        return true;
    }

    @Override
    public byte[] read(String path) throws IOException {
        checkRelative(path);
        if (path.startsWith("tile/")) {
            byte[] cached = cachedTile(path);
            if (cached != null) {
                return cached;
            }
        }
        URI uri = URI.create(base + path);
        Answer response = get(http, uri, timeout);
        int status = response.statusCode();
        if (status == 200) {
            return response.body();
        }
        String body = new String(response.body(), StandardCharsets.UTF_8).strip();
        String message = "reading " + uri + ": HTTP " + status + (body.isEmpty() ? "" : "\n\tserver response: " + body);
        if (status == 404 || status == 410) {
            throw new FileNotFoundException(message);
        }
        throw new IOException(message);
    }

    @Override
    public void verified(String path, byte[] content) throws IOException {
        checkRelative(path);
        if (cacheDir.isEmpty() || !(path.startsWith("tile/") || path.startsWith("lookup/"))) {
            return;
        }
        Path file = cacheDir.get().resolve(path);
        Files.createDirectories(file.getParent());
        Path temp = Files.createTempFile(file.getParent(), file.getFileName().toString(), ".tmp");
        try {
            Files.write(temp, content);
            try {
                Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    /** The tile from the cache, or a partial one cut from the cached full tile, as cmd/go reads; null if absent. */
    private byte[] cachedTile(String path) throws IOException {
        if (cacheDir.isEmpty()) {
            return null;
        }
        byte[] data = readNonEmpty(cacheDir.get().resolve(path));
        int partial = path.lastIndexOf(".p/");
        if (data == null && partial > 0) {
            byte[] full = readNonEmpty(cacheDir.get().resolve(path.substring(0, partial)));
            int width;
            try {
                width = Integer.parseInt(path.substring(partial + 3));
            } catch (NumberFormatException e) {
                return null;
            }
            if (full != null && width > 0 && width * LogHashes.HASH_SIZE <= full.length) {
                data = Arrays.copyOf(full, width * LogHashes.HASH_SIZE);
            }
        }
        return data;
    }

    /** cmd/go treats an empty cache file as absent (a write it did not finish). */
    private static byte[] readNonEmpty(Path file) throws IOException {
        try {
            byte[] data = Files.readAllBytes(file);
            return data.length == 0 ? null : data;
        } catch (NoSuchFileException e) {
            return null;
        }
    }

    /** The answer, read to at most {@link #MAX_ANSWER} bytes: a proxy must not make the build hold what it sends. */
    private static Answer get(HttpClient http, URI uri, Duration timeout) throws IOException {
        HttpRequest request = HttpRequest.newBuilder(uri).timeout(timeout).GET().build();
        HttpResponse<InputStream> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while reading " + uri, e);
        }
        byte[] body;
        try (InputStream in = response.body()) {
            body = in.readNBytes(MAX_ANSWER + 1);
        }
        if (body.length > MAX_ANSWER) {
            throw new IOException("reading " + uri + ": the answer is larger than " + MAX_ANSWER
                    + " bytes, which no lookup or tile of a checksum database is");
        }
        return new Answer(uri, response.statusCode(), body);
    }

    /** An HTTP answer with its body read. */
    private record Answer(URI uri, int statusCode, byte[] body) {
    }

    private static String databaseUrl(URI proxy, String dbName) {
        String text = proxy.toString();
        return (text.endsWith("/") ? text : text + "/") + "sumdb/" + dbName + "/";
    }

    /** Paths come from the client and names from GOSUMDB, but both become file names: no way out of the cache. */
    private static void checkRelative(String path) {
        for (String element : path.split("/", -1)) {
            if (element.isEmpty() || element.equals(".") || element.equals("..") || element.contains("\\")) {
                throw new IllegalArgumentException("'" + path + "' is not a relative path of the checksum database");
            }
        }
    }
}
