package io.gohygiene.remotecache;

import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.nio.ByteBuffer;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The shared cache server, over plain HTTP GET and PUT: {@code <url>ac/<action ID hex>} holds
 * {@code <output ID hex> <size>\n}, {@code <url>cas/<output ID hex>} the object (so bazel-remote's {@code /cas/} checks
 * the hash too). The first failure that says the server is unusable (unreachable, too slow, 5xx, credentials
 * refused) turns the tier off for the rest of this go command with one warning: the build goes on with the local
 * cache, it never fails because of the server.
 */
final class HttpTier {

    private static final Pattern ENTRY = Pattern.compile("([0-9a-f]{64}) ([0-9]{1,15})\\s*");

    private final RemoteCache settings;
    private final CacheCounters counters;
    private volatile HttpClient client;
    private final Optional<String> authorization;
    private volatile boolean usable = true;
    private volatile boolean pushing;

    HttpTier(RemoteCache settings, CacheCounters counters) {
        this.settings = settings;
        this.counters = counters;
        this.pushing = settings.push();
        this.authorization = settings.username().map(user -> "Basic " + Base64.getEncoder().encodeToString(
                (user + ":" + settings.password().orElse("")).getBytes(StandardCharsets.UTF_8)));
    }

    boolean usable() {
        return usable;
    }

    boolean pushing() {
        return usable && pushing;
    }

    /** What the server maps {@code actionId} to; empty for a miss, or when the server is off. */
    Optional<Ref> entry(byte[] actionId) {
        if (!usable) {
            return Optional.empty();
        }
        URI uri = settings.url().resolve("ac/" + HexFormat.of().formatHex(actionId));
        Optional<HttpResponse<byte[]>> response = send(request(uri).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
        if (response.isEmpty() || !ok(response.get(), uri)) {
            return Optional.empty();
        }
        String body = new String(response.get().body(), StandardCharsets.ISO_8859_1);
        Matcher m = ENTRY.matcher(body);
        if (!m.matches()) {
            counters.rejected.incrementAndGet();
            counters.warnOnce("entry", "the remote cache answered " + uri + " with something that is not a cache entry ("
                    + contentType(response.get()) + ", " + response.get().body().length + " bytes; a login or error page?):"
                    + " counted as a miss; check <remoteCache><url> and the credentials");
            return Optional.empty();
        }
        return Optional.of(new Ref(HexFormat.of().parseHex(m.group(1)), Long.parseLong(m.group(2))));
    }

    /** An entry of the server: the object's ID and size. */
    record Ref(byte[] outputId, long size) {
    }

    /**
     * Downloads the object of {@code ref} into {@code file} and checks that its SHA-256 is the output ID; false (a
     * miss) when it is absent, the server is off, or the bytes are not what the ID says: a corrupted or poisoned
     * object never reaches the build.
     */
    boolean object(Ref ref, Path file) throws IOException {
        if (!usable) {
            return false;
        }
        String hex = HexFormat.of().formatHex(ref.outputId());
        URI uri = settings.url().resolve("cas/" + hex);
        MessageDigest sha = io.gohygiene.files.Sha256.digest();
        AtomicLong received = new AtomicLong();
        AtomicReference<IOException> diskFailure = new AtomicReference<>();
        Optional<HttpResponse<Void>> response;
        // Reading is the server's problem (the tier turns off); writing is our disk's (the caller says so).
        try (OutputStream out = Files.newOutputStream(file)) {
            // The body arrives on the client's threads, chunk by chunk, so that a server that stops sending in the
            // middle of an object is noticed (send watches the count) instead of blocking a read for as long as it
            // keeps the connection open.
            response = send(request(uri).GET().build(), HttpResponse.BodyHandlers.ofByteArrayConsumer(chunk -> {
                if (chunk.isEmpty() || diskFailure.get() != null) {
                    return;
                }
                byte[] bytes = chunk.get();
                sha.update(bytes);
                received.addAndGet(bytes.length);
                try {
                    out.write(bytes);
                } catch (IOException e) {
                    diskFailure.compareAndSet(null, e);
                }
            }), received);
        }
        if (response.isEmpty()) {
            return false;
        }
        // Checked only with the whole response in: a chunk that arrives after a cancel may fail on the closed file.
        if (diskFailure.get() != null) {
            throw diskFailure.get();
        }
        if (!ok(response.get(), uri)) {
            return false;
        }
        long size = received.get();
        counters.bytesDown.addAndGet(size);
        if (size != ref.size() || !MessageDigest.isEqual(sha.digest(), ref.outputId())) {
            counters.rejected.incrementAndGet();
            counters.warnOnce("object", "the remote cache sent " + uri + " with bytes whose SHA-256 is not its ID (" + size
                    + " bytes, " + ref.size() + " expected; " + contentType(response.get()) + "): corrupted, poisoned or a page"
                    + " of the server; counted as a miss, the build compiles it itself");
            return false;
        }
        return true;
    }

    /** Uploads the object, then the entry (so an entry never names an object the server lacks). */
    void push(byte[] actionId, byte[] outputId, long size, Path object) {
        if (!pushing()) {
            return;
        }
        URI cas = settings.url().resolve("cas/" + HexFormat.of().formatHex(outputId));
        URI ac = settings.url().resolve("ac/" + HexFormat.of().formatHex(actionId));
        try {
            if (!put(cas, HttpRequest.BodyPublishers.ofFile(object))) {
                return;
            }
        } catch (java.io.FileNotFoundException e) {
            return;  // the local object went away (the tier was cleaned): nothing to push
        }
        counters.bytesUp.addAndGet(size);
        byte[] entry = (HexFormat.of().formatHex(outputId) + " " + size + "\n").getBytes(StandardCharsets.US_ASCII);
        if (put(ac, HttpRequest.BodyPublishers.ofByteArray(entry))) {
            counters.pushed.incrementAndGet();
        }
    }

    private boolean put(URI uri, HttpRequest.BodyPublisher body) {
        // No request timeout here: the client's counts until the response headers, so it would cut off any upload
        // that takes longer than the timeout in all (a test binary of tens of MB on a CI uplink) and turn the whole
        // tier off. send watches the bytes taken from the body instead: only an upload that stops moving times out.
        AtomicLong sent = new AtomicLong();
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).header("User-Agent", "go-hygiene-cache").PUT(counting(body, sent));
        authorization.ifPresent(value -> request.header("Authorization", value));
        Optional<HttpResponse<Void>> response = send(request.build(), HttpResponse.BodyHandlers.discarding(), sent);
        if (response.isEmpty()) {
            return false;
        }
        int status = response.get().statusCode();
        if (status >= 200 && status < 300) {
            return true;
        }
        if (status >= 500) {
            return unusable("the remote cache " + settings.url() + " answered HTTP " + status + " to an upload");
        }
        pushing = false;
        counters.warnOnce("push", "the remote cache " + settings.url() + " refused an upload with HTTP " + status
                + (status == 401 || status == 403 ? ": check the credentials of <serverId> " + settings.serverId().orElse("(none given)")
                + " and that they may write" : status == 405 ? ": the server does not take PUT (nginx: dav_methods PUT)" : "")
                + "; nothing more is pushed by this build");
        return false;
    }

    /** {@code body}, adding to {@code sent} what the client takes from it (it takes more as the connection drains). */
    private static HttpRequest.BodyPublisher counting(HttpRequest.BodyPublisher body, AtomicLong sent) {
        return new HttpRequest.BodyPublisher() {
            @Override
            public long contentLength() {
                return body.contentLength();
            }

            @Override
            public void subscribe(Flow.Subscriber<? super ByteBuffer> subscriber) {
                body.subscribe(new Flow.Subscriber<ByteBuffer>() {
                    @Override
                    public void onSubscribe(Flow.Subscription subscription) {
                        subscriber.onSubscribe(subscription);
                    }

                    @Override
                    public void onNext(ByteBuffer item) {
                        sent.addAndGet(item.remaining());
                        subscriber.onNext(item);
                    }

                    @Override
                    public void onError(Throwable throwable) {
                        subscriber.onError(throwable);
                    }

                    @Override
                    public void onComplete() {
                        subscriber.onComplete();
                    }
                });
            }
        };
    }

    /** Built on the first request: a go command whose gets all hit the local disk never pays for it. */
    private HttpClient client() {
        HttpClient c = client;
        if (c == null) {
            synchronized (this) {
                c = client;
                if (c == null) {
                    c = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(settings.timeout())
                            .followRedirects(HttpClient.Redirect.NEVER).build();
                    client = c;
                }
            }
        }
        return c;
    }

    private HttpRequest.Builder request(URI uri) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(uri).timeout(settings.timeout()).header("User-Agent", "go-hygiene-cache");
        authorization.ifPresent(value -> builder.header("Authorization", value));
        return builder;
    }


    private <T> Optional<HttpResponse<T>> send(HttpRequest request, HttpResponse.BodyHandler<T> handler) {
        return send(request, handler, null);
    }

    /**
     * The response with its whole body, or empty when the server failed (the tier is then off). The timeout bounds
     * the whole exchange, body included: the client's own timeout ends at the response headers, and a server that
     * stops sending after them would otherwise hold go's request, and the build, for as long as it likes. With
     * {@code progress} (bytes received or sent so far) the exchange may take longer, as long as bytes keep moving: a
     * large object on a slow link is not cut off, a stalled one is.
     */
    private <T> Optional<HttpResponse<T>> send(HttpRequest request, HttpResponse.BodyHandler<T> handler, AtomicLong progress) {
        counters.requestStarted();
        CompletableFuture<HttpResponse<T>> pending = client().sendAsync(request, handler);
        try {
            long seen = -1;
            while (true) {
                try {
                    return Optional.of(pending.get(settings.timeout().toMillis(), TimeUnit.MILLISECONDS));
                } catch (TimeoutException e) {
                    if (progress == null || progress.get() == seen) {
                        pending.cancel(true);
                        unusable(timedOut());
                        return Optional.empty();
                    }
                    seen = progress.get();
                }
            }
        } catch (ExecutionException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            if (cause instanceof HttpTimeoutException) {
                unusable(timedOut());
            } else if (progress != null && progress.get() > 0) {
                unusable("the remote cache " + settings.url() + " broke off while sending " + request.uri() + " (" + cause + ")");
            } else {
                unusable("the remote cache " + settings.url() + " is unreachable (" + reason(cause) + ")");
            }
        } catch (InterruptedException e) {
            pending.cancel(true);
            Thread.currentThread().interrupt();
        } finally {
            counters.requestEnded();
        }
        return Optional.empty();
    }

    private String timedOut() {
        return "the remote cache " + settings.url() + " did not answer within " + settings.timeout().toMillis() + " ms";
    }

    /** 200 for GET; 404 a plain miss; 401/403 and 5xx turn the tier off. */
    private boolean ok(HttpResponse<?> response, URI uri) {
        int status = response.statusCode();
        if (status == 200) {
            return true;
        }
        if (status == 404) {
            return false;
        }
        if (status == 401 || status == 403) {
            return unusable("the remote cache " + settings.url() + " refused to read with HTTP " + status + ": check the credentials"
                    + " of <serverId> " + settings.serverId().orElse("(none given)"));
        }
        if (status >= 500) {
            return unusable("the remote cache " + settings.url() + " answered HTTP " + status + " for " + uri);
        }
        counters.warnOnce("status" + status, "the remote cache answered HTTP " + status + " for " + uri + ": counted as a miss");
        return false;
    }

    private boolean unusable(String why) {
        usable = false;
        counters.warnOnce("unusable", why + ": the rest of this go command uses the local cache only");
        return false;
    }

    /**
     * Why a request failed, in a user's words: the JDK's HttpClient throws a ConnectException without any message
     * (nor one in its causes) for a refused connection, and a connection closed before the answer reads
     * "HTTP/1.1 header parser received no bytes".
     */
    static String reason(Throwable e) {
        String message = null;
        for (Throwable t = e; t != null && message == null; t = t.getCause()) {
            message = t.getMessage();
        }
        if (message == null) {
            return e instanceof java.net.ConnectException ? "cannot connect" : e.getClass().getSimpleName();
        }
        return message.contains("header parser received no bytes") || message.contains("EOF reached while reading")
                ? "it closed the connection without answering" : message;
    }

    private static String contentType(HttpResponse<?> response) {
        return response.headers().firstValue("Content-Type").orElse("no Content-Type");
    }
}
