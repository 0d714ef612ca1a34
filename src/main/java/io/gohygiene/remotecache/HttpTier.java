package io.gohygiene.remotecache;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.HttpURLConnection;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The shared cache server, over plain HTTP GET and PUT: {@code <url>ac/<action ID hex>} holds
 * {@code <output ID hex> <size>\n}, {@code <url>cas/<output ID hex>} the object (so bazel-remote's {@code /cas/} checks
 * the hash too). The first failure that says the server is unusable (unreachable, too slow, 5xx, credentials
 * refused) turns the tier off for the rest of this go command with one warning: the build goes on with the local
 * cache, it never fails because of the server.
 * <p>
 * The requests go through {@link HttpURLConnection}, not the JDK's HttpClient: the program runs once per go command
 * and go waits for it to exit, and an HttpClient costs a fresh JVM about 200 ms to build and keeps a selector thread
 * in native code that holds the JVM's exit for another 300 ms (HotSpot waits for threads in native before it exits).
 * The timeout is the connect timeout and the read timeout of every read: a transfer that goes a whole timeout
 * without a byte is cut, a slow one that keeps moving is not; an upload the server stops reading is cut by a
 * watchdog that sees its count stand still.
 * <p>
 * Over 300 lines: the cache's requests (entries, objects, pushes and what each status means) and their one transport
 * (timeouts, the upload watchdog, draining answers for keep-alive) share the tier's state (usable, pushing) and its
 * one-per-kind warnings; split, each half would reach into the other's.
 */
final class HttpTier {

    private static final Pattern ENTRY = Pattern.compile("([0-9a-f]{64}) ([0-9]{1,15})\\s*");
    /** An entry is 80 bytes; more is a page of the server, read only far enough to say so. */
    private static final int ENTRY_LIMIT = 64 * 1024;

    private final RemoteCache settings;
    private final CacheCounters counters;
    private final Optional<String> authorization;
    private volatile boolean usable = true;
    private volatile boolean pushing;
    private volatile ScheduledExecutorService watchdog;

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
        java.io.ByteArrayOutputStream body = new java.io.ByteArrayOutputStream();
        Optional<Answer> answer = exchange("GET", uri, null, in -> copy(in, body, ENTRY_LIMIT, null));
        if (answer.isEmpty() || !ok(answer.get(), uri)) {
            return Optional.empty();
        }
        Matcher m = ENTRY.matcher(body.toString(StandardCharsets.ISO_8859_1));
        if (!m.matches()) {
            counters.rejected.incrementAndGet();
            counters.warnOnce("entry", "the remote cache answered " + uri + " with something that is not a cache entry ("
                    + answer.get().contentType() + ", " + body.size() + (body.size() >= ENTRY_LIMIT ? "+" : "") + " bytes; a login or"
                    + " error page?): counted as a miss; check <remoteCache><url> and the credentials");
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
     *
     * @throws IOException when {@code file} cannot be written (our disk, not the server)
     */
    boolean object(Ref ref, Path file) throws IOException {
        if (!usable) {
            return false;
        }
        String hex = HexFormat.of().formatHex(ref.outputId());
        URI uri = settings.url().resolve("cas/" + hex);
        MessageDigest sha = io.gohygiene.files.Sha256.digest();
        AtomicLong received = new AtomicLong();
        Optional<Answer> answer;
        // Reading is the server's problem (the tier turns off); writing is our disk's (the caller says so).
        try (OutputStream out = Files.newOutputStream(file)) {
            answer = exchange("GET", uri, null, in -> {
                byte[] buffer = new byte[64 * 1024];
                for (int n; (n = in.read(buffer)) >= 0; ) {
                    sha.update(buffer, 0, n);
                    received.addAndGet(n);
                    try {
                        out.write(buffer, 0, n);
                    } catch (IOException e) {
                        throw new DiskFailure(e);
                    }
                }
            });
        } catch (DiskFailure e) {
            throw e.disk;
        }
        if (answer.isEmpty() || !ok(answer.get(), uri)) {
            return false;
        }
        long size = received.get();
        counters.bytesDown.addAndGet(size);
        if (size != ref.size() || !MessageDigest.isEqual(sha.digest(), ref.outputId())) {
            counters.rejected.incrementAndGet();
            counters.warnOnce("object", "the remote cache sent " + uri + " with bytes whose SHA-256 is not its ID (" + size
                    + " bytes, " + ref.size() + " expected; " + answer.get().contentType() + "): corrupted, poisoned or a page"
                    + " of the server; counted as a miss, the build compiles it itself");
            return false;
        }
        return true;
    }

    /** Our disk failed while a body was received: not the server's fault, so not a reason to turn the tier off. */
    private static final class DiskFailure extends RuntimeException {
        final IOException disk;

        DiskFailure(IOException disk) {
            super(disk.getMessage(), disk, false, false);
            this.disk = disk;
        }
    }

    /** Uploads the object, then the entry (so an entry never names an object the server lacks). */
    void push(byte[] actionId, byte[] outputId, long size, Path object) {
        if (!pushing()) {
            return;
        }
        URI cas = settings.url().resolve("cas/" + HexFormat.of().formatHex(outputId));
        URI ac = settings.url().resolve("ac/" + HexFormat.of().formatHex(actionId));
        if (!Files.isRegularFile(object) || !put(cas, new Upload(object, null, size))) {
            return;  // a local object that went away (the tier was cleaned) has nothing to push
        }
        counters.bytesUp.addAndGet(size);
        byte[] entry = (HexFormat.of().formatHex(outputId) + " " + size + "\n").getBytes(StandardCharsets.US_ASCII);
        if (put(ac, new Upload(null, entry, entry.length))) {
            counters.pushed.incrementAndGet();
        }
    }

    /** A PUT body: a file or bytes, of {@code length} bytes. */
    private record Upload(Path file, byte[] bytes, long length) {
        InputStream open() throws IOException {
            return file != null ? Files.newInputStream(file) : new java.io.ByteArrayInputStream(bytes);
        }
    }

    private boolean put(URI uri, Upload upload) {
        Optional<Answer> answer = exchange("PUT", uri, upload, null);
        if (answer.isEmpty()) {
            return false;
        }
        int status = answer.get().status();
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

    /** The status and content type of an answer; its body, for a 200, went to the caller's reader. */
    private record Answer(int status, String contentType) {
    }

    private interface BodyReader {
        void read(InputStream in) throws IOException;
    }

    /**
     * One request. For a 200 answer to a GET, {@code reader} gets the body; any other body is read to its end and
     * dropped (so the connection is kept for the next request). Empty when the server failed: the tier is then off,
     * with one warning saying why.
     */
    private Optional<Answer> exchange(String method, URI uri, Upload upload, BodyReader reader) {
        counters.requestStarted();
        AtomicLong moved = new AtomicLong();
        AtomicBoolean cut = new AtomicBoolean();
        ScheduledFuture<?> watch = null;
        HttpURLConnection connection = null;
        try {
            connection = (HttpURLConnection) uri.toURL().openConnection();
            int timeout = (int) Math.min(Integer.MAX_VALUE, settings.timeout().toMillis());
            connection.setConnectTimeout(timeout);
            connection.setReadTimeout(timeout);
            connection.setInstanceFollowRedirects(false);
            connection.setUseCaches(false);
            connection.setRequestMethod(method);
            connection.setRequestProperty("User-Agent", "go-hygiene-cache");
            if (authorization.isPresent()) {
                connection.setRequestProperty("Authorization", authorization.get());
            }
            if (upload != null) {
                connection.setDoOutput(true);
                connection.setFixedLengthStreamingMode(upload.length());
                // Writing has no timeout of its own: a server that stops reading blocks the write. The watchdog cuts
                // the connection when a whole timeout passes without a byte moving.
                watch = watch(connection, moved, cut);
                try (InputStream in = upload.open(); OutputStream out = connection.getOutputStream()) {
                    byte[] buffer = new byte[64 * 1024];
                    for (int n; (n = in.read(buffer)) >= 0; ) {
                        out.write(buffer, 0, n);
                        moved.addAndGet(n);
                    }
                }
            }
            int status = connection.getResponseCode();
            String contentType = Optional.ofNullable(connection.getContentType()).orElse("no Content-Type");
            if (status == 200 && reader != null) {
                try (InputStream in = new CountingInput(connection.getInputStream(), moved)) {
                    reader.read(in);
                }
            } else {
                drain(connection);
            }
            return Optional.of(new Answer(status, contentType));
        } catch (DiskFailure e) {
            throw e;
        } catch (SocketTimeoutException e) {
            unusable(timedOut());
        } catch (IOException e) {
            if (cut.get()) {
                unusable(timedOut());
            } else if (moved.get() > 0) {
                unusable("the remote cache " + settings.url() + " broke off " + (upload != null ? "an upload of " : "while sending ")
                        + uri + " (" + reason(e) + ")");
            } else {
                unusable("the remote cache " + settings.url() + " is unreachable (" + reason(e) + ")");
            }
            if (connection != null) {
                connection.disconnect();
            }
        } finally {
            if (watch != null) {
                watch.cancel(false);
            }
            counters.requestEnded();
        }
        return Optional.empty();
    }

    /** Cuts {@code connection} once a whole timeout passes with {@code moved} standing still. */
    private ScheduledFuture<?> watch(HttpURLConnection connection, AtomicLong moved, AtomicBoolean cut) {
        long period = Math.max(1, settings.timeout().toMillis());
        long[] seen = {-1};
        return watchdog().scheduleAtFixedRate(() -> {
            long now = moved.get();
            if (now == seen[0]) {
                cut.set(true);
                connection.disconnect();
            }
            seen[0] = now;
        }, period, period, TimeUnit.MILLISECONDS);
    }

    private ScheduledExecutorService watchdog() {
        ScheduledExecutorService w = watchdog;
        if (w == null) {
            synchronized (this) {
                w = watchdog;
                if (w == null) {
                    w = Executors.newSingleThreadScheduledExecutor(runnable -> {
                        Thread thread = new Thread(runnable, "go-hygiene-cache-upload-watchdog");
                        thread.setDaemon(true);
                        return thread;
                    });
                    watchdog = w;
                }
            }
        }
        return w;
    }

    /** Reads and drops the rest of an answer we do not use, so the connection serves the next request. */
    private static void drain(HttpURLConnection connection) throws IOException {
        InputStream in = connection.getErrorStream();
        if (in == null) {
            try {
                in = connection.getInputStream();
            } catch (IOException e) {
                return;  // no body
            }
        }
        try (InputStream body = in) {
            copy(body, OutputStream.nullOutputStream(), 1 << 20, null);
        }
    }

    /** Copies at most {@code limit} bytes. */
    private static void copy(InputStream in, OutputStream out, int limit, AtomicLong moved) throws IOException {
        byte[] buffer = new byte[8192];
        long total = 0;
        for (int n; total < limit && (n = in.read(buffer, 0, (int) Math.min(buffer.length, limit - total))) >= 0; ) {
            out.write(buffer, 0, n);
            total += n;
            if (moved != null) {
                moved.addAndGet(n);
            }
        }
    }

    /** Counts what is read, so that a body that broke off after some bytes is said as such. */
    private static final class CountingInput extends java.io.FilterInputStream {
        private final AtomicLong moved;

        CountingInput(InputStream in, AtomicLong moved) {
            super(in);
            this.moved = moved;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                moved.incrementAndGet();
            }
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            if (n > 0) {
                moved.addAndGet(n);
            }
            return n;
        }
    }

    private String timedOut() {
        return "the remote cache " + settings.url() + " did not answer within " + settings.timeout().toMillis() + " ms";
    }

    /** 200 for GET; 404 a plain miss; 401/403 and 5xx turn the tier off. */
    private boolean ok(Answer answer, URI uri) {
        int status = answer.status();
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
     * Why a request failed, in a user's words: a refused connection may come without any message, and a
     * connection closed before the answer reads as a parser's complaint ("Unexpected end of file from server",
     * "HTTP/1.1 header parser received no bytes").
     */
    static String reason(Throwable e) {
        String message = null;
        for (Throwable t = e; t != null && message == null; t = t.getCause()) {
            message = t.getMessage();
        }
        if (e instanceof ConnectException && (message == null || message.startsWith("Connection refused"))) {
            return "cannot connect";
        }
        if (message == null) {
            return e.getClass().getSimpleName();
        }
        return message.contains("header parser received no bytes") || message.contains("EOF reached while reading")
                || message.contains("Unexpected end of file from server")
                ? "it closed the connection without answering" : message;
    }
}
