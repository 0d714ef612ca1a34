package io.gohygiene.remotecache;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.channels.Channels;
import java.nio.channels.Pipe;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The go command's side of GOCACHEPROG (cmd/go/internal/cache/prog.go), for tests: a {@link CacheProgram} serving on
 * OS pipes in this JVM, requests written as go writes them (one JSON line, and after a put the body as a JSON string
 * of standard base64 on its own line), responses parsed as go parses them and matched by ID. Real pipes rather than
 * {@code PipedInputStream}, whose reads fail once the thread that last wrote has ended (the program's worker threads).
 */
final class CacheProtocolClient implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final long WAIT_SECONDS = 60;

    private final OutputStream requests;
    private final Map<Long, CompletableFuture<JsonNode>> responses = new ConcurrentHashMap<>();
    private final CompletableFuture<Integer> exit = new CompletableFuture<>();
    private final AtomicLong ids = new AtomicLong();
    private final List<String> unexpected = new ArrayList<>();

    CacheProtocolClient(CacheProgram program) throws IOException {
        Pipe toProgram = Pipe.open();
        Pipe fromProgram = Pipe.open();
        requests = Channels.newOutputStream(toProgram.sink());
        Thread serve = new Thread(() -> {
            try (var in = Channels.newInputStream(toProgram.source()); var out = Channels.newOutputStream(fromProgram.sink())) {
                exit.complete(program.serve(in, out));
            } catch (Throwable e) {
                exit.completeExceptionally(e);
            }
        }, "cache-program-under-test");
        serve.setDaemon(true);
        serve.start();
        Thread reader = new Thread(() -> {
            try (BufferedReader lines = new BufferedReader(new InputStreamReader(Channels.newInputStream(fromProgram.source()),
                    StandardCharsets.UTF_8))) {
                for (String line; (line = lines.readLine()) != null; ) {
                    JsonNode response = JSON.readTree(line);
                    if (!response.has("ID")) {
                        synchronized (unexpected) {
                            unexpected.add(line);
                        }
                        continue;
                    }
                    if (!future(response.get("ID").asLong()).complete(response)) {
                        synchronized (unexpected) {
                            unexpected.add("a second response for ID " + response.get("ID") + ": " + line);
                        }
                    }
                }
            } catch (IOException e) {
                responses.values().forEach(f -> f.completeExceptionally(e));
            }
        }, "go-command-reading-responses");
        reader.setDaemon(true);
        reader.start();
    }

    /** The commands the program said it answers (its first message, ID 0). */
    List<String> knownCommands() throws Exception {
        List<String> commands = new ArrayList<>();
        await(future(0)).path("KnownCommands").forEach(c -> commands.add(c.asText()));
        return commands;
    }

    /** Sends a get and returns its future response, for gets in flight at once, as go sends them. */
    CompletableFuture<JsonNode> sendGet(byte[] actionId) throws IOException {
        long id = ids.incrementAndGet();
        ObjectNode request = request(id, "get");
        request.put("ActionID", actionId);
        send(request, null);
        return future(id);
    }

    JsonNode get(byte[] actionId) throws Exception {
        return await(sendGet(actionId));
    }

    /** Puts {@code body} under {@code actionId} with its true output ID. */
    JsonNode put(byte[] actionId, byte[] body) throws Exception {
        return put(actionId, sha256(body), body);
    }

    /** Puts {@code body} claiming {@code outputId}, which a test may make wrong. */
    JsonNode put(byte[] actionId, byte[] outputId, byte[] body) throws Exception {
        long id = ids.incrementAndGet();
        ObjectNode request = request(id, "put");
        request.put("ActionID", actionId);
        request.put("OutputID", outputId);
        if (body.length > 0) {
            request.put("BodySize", body.length);
        }
        send(request, body);
        return await(future(id));
    }

    /** Sends close, waits for its answer and for serve to return; its exit code. */
    int sendClose() throws Exception {
        long id = ids.incrementAndGet();
        send(request(id, "close"), null);
        JsonNode done = await(future(id));
        if (done.has("Err")) {
            throw new AssertionError("close answered with an error: " + done);
        }
        requests.close();
        return exit.get(WAIT_SECONDS, TimeUnit.SECONDS);
    }

    /** Sends a request of a command this program does not know (a later go's), with no body. */
    JsonNode send(String command) throws Exception {
        long id = ids.incrementAndGet();
        send(request(id, command), null);
        return await(future(id));
    }

    /** Closes the program's stdin without a close request (go was killed); serve's exit code. */
    int endInput() throws Exception {
        requests.close();
        return exit.get(WAIT_SECONDS, TimeUnit.SECONDS);
    }

    /** Lines the program wrote that go would not match to a request. */
    List<String> unexpected() {
        synchronized (unexpected) {
            return List.copyOf(unexpected);
        }
    }

    @Override
    public void close() throws IOException {
        requests.close();
    }

    static byte[] sha256(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static boolean isMiss(JsonNode response) {
        return response.path("Miss").asBoolean(false) && !response.has("Err") && !response.has("DiskPath");
    }

    static Path diskPath(JsonNode response) {
        if (!response.hasNonNull("DiskPath")) {
            throw new AssertionError("no DiskPath in " + response);
        }
        return Path.of(response.get("DiskPath").asText());
    }

    static byte[] outputId(JsonNode response) {
        try {
            return response.get("OutputID").binaryValue();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static ObjectNode request(long id, String command) {
        ObjectNode request = JSON.createObjectNode();
        request.put("ID", id);
        request.put("Command", command);
        return request;
    }

    private synchronized void send(ObjectNode request, byte[] body) throws IOException {
        // go's json.Encoder: the object, then a newline; a body follows as "<base64>"\n.
        requests.write(JSON.writeValueAsBytes(request));
        requests.write('\n');
        if (body != null && body.length > 0) {
            requests.write('"');
            requests.write(Base64.getEncoder().encode(body));
            requests.write('"');
            requests.write('\n');
        }
        requests.flush();
    }

    private CompletableFuture<JsonNode> future(long id) {
        return responses.computeIfAbsent(id, i -> new CompletableFuture<>());
    }

    private static JsonNode await(CompletableFuture<JsonNode> response) throws Exception {
        return response.get(WAIT_SECONDS, TimeUnit.SECONDS);
    }
}
