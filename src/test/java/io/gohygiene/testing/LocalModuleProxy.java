package io.gohygiene.testing;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;

/**
 * A real module proxy on 127.0.0.1 for tests: it answers with what https://proxy.golang.org answers (module zips
 * and the checksum database under {@code /sumdb/}), keeping immutable answers under ~/.cache/go-hygiene/test-proxy
 * so that CI downloads each once, and lets a test change an answer (one byte of a zip or of a signed note), cut it
 * short, or replace it with a status, the way a hostile or broken proxy would.
 */
public final class LocalModuleProxy implements AutoCloseable {

    public static final URI UPSTREAM = URI.create("https://proxy.golang.org");
    private static final Path CACHE = Path.of(System.getProperty("user.home"), ".cache", "go-hygiene", "test-proxy");

    private record Change(Predicate<String> path, UnaryOperator<byte[]> change) {
    }

    private record Status(Predicate<String> path, int status) {
    }

    private final HttpServer server;
    private final HttpClient upstream = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NORMAL)
            .connectTimeout(Duration.ofSeconds(20)).build();
    private final List<Change> changes = new CopyOnWriteArrayList<>();
    private final List<Status> statuses = new CopyOnWriteArrayList<>();
    private final List<Predicate<String>> truncated = new CopyOnWriteArrayList<>();
    private final Map<Predicate<String>, Duration> delays = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> requests = new ConcurrentHashMap<>();

    public LocalModuleProxy() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 16);
        server.createContext("/", this::handle);
        server.setExecutor(java.util.concurrent.Executors.newFixedThreadPool(4));
        server.start();
    }

    public URI url() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    /** Every answer whose path matches is passed through {@code change} before it is sent. */
    public LocalModuleProxy change(Predicate<String> path, UnaryOperator<byte[]> change) {
        changes.add(new Change(path, change));
        return this;
    }

    /** Answers with {@code status} and no body for matching paths. */
    public LocalModuleProxy status(Predicate<String> path, int status) {
        statuses.add(new Status(path, status));
        return this;
    }

    /** Sends half of the answer for matching paths, then closes the connection although Content-Length said more. */
    public LocalModuleProxy truncate(Predicate<String> path) {
        truncated.add(path);
        return this;
    }

    /** Waits {@code delay} before answering matching paths: a slow download that others must wait for. */
    public LocalModuleProxy delay(Predicate<String> path, Duration delay) {
        delays.put(path, delay);
        return this;
    }

    /** How many requests asked for a path that matches. */
    public int requests(Predicate<String> path) {
        return requests.entrySet().stream().filter(e -> path.test(e.getKey())).mapToInt(e -> e.getValue().get()).sum();
    }

    private void handle(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getRawPath();
        requests.computeIfAbsent(path, p -> new AtomicInteger()).incrementAndGet();
        try (exchange) {
            for (Status s : statuses) {
                if (s.path().test(path)) {
                    exchange.sendResponseHeaders(s.status(), -1);
                    return;
                }
            }
            Answer answer = fetch(path);
            for (Map.Entry<Predicate<String>, Duration> d : delays.entrySet()) {
                if (d.getKey().test(path)) {
                    try {
                        Thread.sleep(d.getValue().toMillis());
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        return;
                    }
                }
            }
            if (answer.status() != 200) {
                byte[] body = answer.body();
                exchange.sendResponseHeaders(answer.status(), body.length == 0 ? -1 : body.length);
                if (body.length > 0) {
                    exchange.getResponseBody().write(body);
                }
                return;
            }
            byte[] body = answer.body();
            for (Change c : changes) {
                if (c.path().test(path)) {
                    body = c.change().apply(body);
                }
            }
            exchange.sendResponseHeaders(200, body.length);
            OutputStream out = exchange.getResponseBody();
            if (truncated.stream().anyMatch(t -> t.test(path))) {
                out.write(body, 0, body.length / 2);
                out.flush();
                // Closing the exchange short of Content-Length makes the server drop the connection.
                return;
            }
            out.write(body);
        } catch (IOException e) {
            // The client sees a cut connection; nothing else to do.
        }
    }

    private record Answer(int status, byte[] body) {
    }

    private Answer fetch(String path) throws IOException {
        boolean immutable = path.endsWith(".zip") || path.endsWith(".mod") || path.contains("/sumdb/") && path.contains("/tile/")
                || path.contains("/sumdb/") && path.contains("/lookup/") || path.endsWith("/supported");
        Path cached = CACHE.resolve(path.substring(1));
        if (immutable && Files.isRegularFile(cached)) {
            return new Answer(200, Files.readAllBytes(cached));
        }
        HttpResponse<byte[]> response;
        try {
            response = upstream.send(HttpRequest.newBuilder(UPSTREAM.resolve(path)).timeout(Duration.ofMinutes(5)).GET().build(),
                    HttpResponse.BodyHandlers.ofByteArray());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
        if (response.statusCode() == 200 && immutable) {
            Files.createDirectories(cached.getParent());
            Path tmp = Files.createTempFile(cached.getParent(), "download", ".tmp");
            Files.write(tmp, response.body());
            Files.move(tmp, cached, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        }
        return new Answer(response.statusCode(), response.body());
    }

    @Override
    public void close() {
        server.stop(0);
        ((java.util.concurrent.ExecutorService) server.getExecutor()).shutdownNow();
    }
}
