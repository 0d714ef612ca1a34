package io.gohygiene.remotecache;

import java.io.FileDescriptor;
import java.io.FileInputStream;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * The program go starts as {@code GOCACHEPROG} (cmd/go/internal/cacheprog): it answers {@code get} from the local
 * disk tier, else from the shared server (the object's SHA-256 checked against its output ID before go sees it), and
 * stores each {@code put} locally, uploading it in the background when the build pushes; {@code close} waits for the
 * uploads. Its settings come from the environment ({@link RemoteCache#environment}); it prints nothing (go's stderr is
 * the build's log): what it did, and the problems it met, each once, are appended as one line to the report file the
 * build reads after go exits.
 */
public final class CacheProgram {

    /** Gets in flight at once: go asks for every package of a build concurrently; each may wait on the network. */
    static final int GET_THREADS = 16;
    /** Uploads in flight at once: bounded, so a build of thousands of packages does not open thousands of connections. */
    static final int PUSH_THREADS = 4;


    private final RemoteCache settings;
    private final Optional<Path> report;
    private final CacheCounters counters = new CacheCounters();

    CacheProgram(RemoteCache settings, Optional<Path> report) {
        this.settings = settings;
        this.report = report;
    }

    public static void main(String[] args) {
        // Keep as many idle connections to the server as gets run at once (the JDK keeps 5 by default), so that
        // each does not pay a new connection (a TLS handshake with https).
        System.setProperty("http.maxConnections", Integer.toString(GET_THREADS + PUSH_THREADS));
        Map<String, String> env = System.getenv();
        RemoteCache settings;
        try {
            settings = RemoteCache.fromEnvironment(env);
        } catch (IllegalArgumentException e) {
            System.err.println("go-hygiene cache program: " + e.getMessage());
            System.exit(2);
            return;
        }
        Optional<Path> report = Optional.ofNullable(env.get(RemoteCache.REPORT)).map(Path::of);
        int code = new CacheProgram(settings, report).serve(new FileInputStream(FileDescriptor.in), new FileOutputStream(FileDescriptor.out));
        System.exit(code);
    }

    /** Answers go's requests on {@code in}/{@code out} until {@code close} or the end of {@code in}; the exit code. */
    int serve(InputStream in, OutputStream out) {
        ProtocolOutput output = new ProtocolOutput(out);
        ProtocolInput input = new ProtocolInput(in);
        Optional<LocalTier> local = openLocal();
        HttpTier remote = new HttpTier(settings, counters);
        ExecutorService gets = Executors.newFixedThreadPool(GET_THREADS, daemon("go-hygiene-cache-get"));
        ExecutorService pushes = Executors.newFixedThreadPool(PUSH_THREADS, daemon("go-hygiene-cache-push"));
        try {
            // Without a local disk there is no file to hand go: say only "close", and go builds without a cache.
            output.capabilities(local.isPresent() ? List.of("get", "put", "close") : List.of("close"));
            for (CacheRequest request; (request = input.next()) != null; ) {
                CacheRequest r = request;
                switch (r.command()) {
                    case "get" -> gets.execute(() -> answer(output, r, () -> get(local.orElseThrow(), remote, output, r)));
                    case "put" -> put(local.orElseThrow(), remote, input, output, pushes, r);
                    case "close" -> {
                        finish(gets, pushes);
                        output.done(r.id());
                        return 0;
                    }
                    default -> output.error(r.id(), "go-hygiene cache program: unknown command " + r.command());
                }
            }
            finish(gets, pushes);
            return 0;
        } catch (IOException e) {
            counters.warnOnce("protocol", "the go-hygiene cache program stopped: " + e.getMessage());
            System.err.println("go-hygiene cache program: " + e.getMessage());
            gets.shutdownNow();
            pushes.shutdownNow();
            return 1;
        } finally {
            writeReport();
        }
    }

    private Optional<LocalTier> openLocal() {
        try {
            return Optional.of(new LocalTier(settings.localDirectory()));
        } catch (IOException e) {
            counters.warnOnce("disk", "the local cache directory " + settings.localDirectory() + " cannot be used (" + e
                    + "): go builds without a cache; free the disk or make the directory writable");
            return Optional.empty();
        }
    }

    private interface Answer {
        void run() throws IOException;
    }

    private static void answer(ProtocolOutput output, CacheRequest request, Answer answer) {
        try {
            answer.run();
        } catch (IOException | RuntimeException e) {
            try {
                output.error(request.id(), "go-hygiene cache program: " + e.getMessage());
            } catch (IOException ignored) {
                // go is gone: nobody to answer
            }
        }
    }

    private void get(LocalTier local, HttpTier remote, ProtocolOutput output, CacheRequest request) throws IOException {
        counters.gets.incrementAndGet();
        byte[] actionId = requireId(request.actionId(), "ActionID", request);
        Optional<LocalTier.Entry> entry = local.get(actionId);
        if (entry.isPresent()) {
            counters.localHits.incrementAndGet();
            LocalTier.Entry e = entry.get();
            output.hit(request.id(), e.outputId(), e.size(), e.time(), e.object());
            return;
        }
        Optional<LocalTier.Entry> fetched = fetch(local, remote, actionId);
        if (fetched.isPresent()) {
            counters.remoteHits.incrementAndGet();
            LocalTier.Entry e = fetched.get();
            output.hit(request.id(), e.outputId(), e.size(), e.time(), e.object());
        } else {
            counters.misses.incrementAndGet();
            output.miss(request.id());
        }
    }

    /** The server's entry for {@code actionId}, its object fetched and checked, stored locally; empty for a miss. */
    private Optional<LocalTier.Entry> fetch(LocalTier local, HttpTier remote, byte[] actionId) {
        Optional<HttpTier.Ref> ref = remote.entry(actionId);
        if (ref.isEmpty()) {
            return Optional.empty();
        }
        Path temporary = null;
        try {
            if (local.object(ref.get().outputId(), ref.get().size()).isPresent()) {
                return Optional.of(local.map(actionId, ref.get().outputId(), ref.get().size()));
            }
            temporary = local.newTemporary();
            if (!remote.object(ref.get(), temporary)) {
                return Optional.empty();
            }
            Path fetched = temporary;
            temporary = null;
            return Optional.of(local.put(actionId, ref.get().outputId(), ref.get().size(), fetched));
        } catch (IOException e) {
            counters.warnOnce("disk", "cannot store what the remote cache sent in " + local.root() + " (" + e.getMessage()
                    + "): counted as misses; free the disk");
            return Optional.empty();
        } finally {
            deleteQuietly(temporary);
        }
    }

    private void put(LocalTier local, HttpTier remote, ProtocolInput input, ProtocolOutput output, ExecutorService pushes,
                     CacheRequest request) throws IOException {
        counters.puts.incrementAndGet();
        Path temporary = null;
        MessageDigest sha = io.gohygiene.files.Sha256.digest();
        try {
            try {
                temporary = local.newTemporary();
            } catch (IOException e) {
                // The body still follows on the wire: read it to nowhere, so the next request starts where it should.
                if (request.bodySize() > 0) {
                    input.readBody(OutputStream.nullOutputStream());
                }
                throw new ProtocolInput.BodyNotStoredException(e);
            }
            long size = 0;
            if (request.bodySize() > 0) {
                try (OutputStream out = new DigestOutputStream(Files.newOutputStream(temporary), sha)) {
                    size = input.readBody(out);
                }
            }
            byte[] actionId = requireId(request.actionId(), "ActionID", request);
            byte[] outputId = requireId(request.outputId(), "OutputID", request);
            if (size != request.bodySize() || !MessageDigest.isEqual(sha.digest(), outputId)) {
                output.error(request.id(), "go-hygiene cache program: the body of put " + request.id() + " (" + size
                        + " bytes) does not hash to its OutputID " + HexFormat.of().formatHex(outputId));
                return;
            }
            LocalTier.Entry entry = local.put(actionId, outputId, size, temporary);
            temporary = null;
            output.stored(request.id(), entry.object());
            if (remote.pushing()) {
                pushes.execute(() -> remote.push(actionId, outputId, entry.size(), entry.object()));
            }
        } catch (ProtocolInput.BodyNotStoredException e) {
            counters.warnOnce("disk", "cannot store go's output in " + local.root() + " (" + e.getMessage()
                    + "): not cached; free the disk");
            output.error(request.id(), "go-hygiene cache program: cannot store the object in " + local.root() + ": " + e.getMessage());
        } finally {
            deleteQuietly(temporary);
        }
    }

    private static byte[] requireId(byte[] id, String field, CacheRequest request) throws IOException {
        if (id == null || id.length != 32) {
            throw new IOException(request.command() + " request " + request.id() + " has no 32-byte " + field);
        }
        return id;
    }

    private void finish(ExecutorService gets, ExecutorService pushes) {
        gets.shutdown();
        pushes.shutdown();
        try {
            gets.awaitTermination(1, TimeUnit.HOURS);
            // Each upload is bounded by the timeout; a server that stalls turns the tier off after the first.
            if (!pushes.awaitTermination(10, TimeUnit.MINUTES)) {
                counters.warnOnce("flush", "uploads to the remote cache did not finish in 10 minutes: the rest are dropped");
                pushes.shutdownNow();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void writeReport() {
        if (report.isEmpty()) {
            return;
        }
        try {
            Files.createDirectories(report.get().toAbsolutePath().getParent());
            // One short line per go command, appended: several go commands of a target add up.
            Files.writeString(report.get(), counters.summary().toJsonLine(), StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND, StandardOpenOption.WRITE);
        } catch (IOException e) {
            System.err.println("go-hygiene cache program: cannot write its report " + report.get() + ": " + e.getMessage());
        }
    }

    private static java.util.concurrent.ThreadFactory daemon(String name) {
        return runnable -> {
            Thread thread = new Thread(runnable, name);
            thread.setDaemon(true);
            return thread;
        };
    }

    private static void deleteQuietly(Path file) {
        if (file != null) {
            try {
                Files.deleteIfExists(file);
            } catch (IOException e) {
                // a leftover in tmp/ is never read as an object
            }
        }
    }
}
