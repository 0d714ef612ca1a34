package io.gohygiene.remotecache;

import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

import java.io.File;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A real HTTP build-cache server for tests: Debian's nginx with its WebDAV module ({@code dav_methods PUT DELETE},
 * {@code create_full_put_path on}) serving {@link #store()} on 127.0.0.1 at a free port, the way a company runs it
 * for the remote cache ({@code <url>/ac/<action ID>}, {@code <url>/cas/<output ID>}: GET, 404 = miss, PUT = 201/204).
 * <p>
 * Everything nginx writes (config, pid, logs, temp files, the store) is under the directory it is given, so tests
 * never touch /etc/nginx or /var/lib/nginx and run as any user. nginx runs in the foreground with
 * {@code master_process off}: one process, so stopping it leaves no orphaned worker. No nginx outlives the test JVM:
 * {@link #stop()} kills it, a JVM shutdown hook stops it at exit, and a watchdog {@code sh} that reads the JVM's
 * pipe kills it when the JVM dies without running hooks (SIGKILL from surefire's timeout): the pipe closes then.
 * <p>
 * A test may {@link #stop()} the server in the middle of a build and {@link #start()} it again on the same port.
 * <p>
 * Over 300 lines: the nginx config and its auth variants, and the process lifecycle (free port, readiness,
 * restart, the watchdog) belong together; split, each half would need the other's fields.
 */
public final class NginxWebDav implements AutoCloseable {

    /** Placeholders of a server block, filled in at each start: the port, the store, the htpasswd file. */
    static final String PORT = "@PORT@";
    static final String STORE = "@STORE@";
    static final String HTPASSWD = "@HTPASSWD@";

    private static final String AUTH_ALL = """
                        auth_basic "go build cache";
                        auth_basic_user_file @HTPASSWD@;
            """;
    private static final String AUTH_WRITES = """
                        limit_except GET HEAD {
                            auth_basic "go build cache";
                            auth_basic_user_file @HTPASSWD@;
                        }
            """;

    private static final int PORT_ATTEMPTS = 5;
    private static final long READY_TIMEOUT_MS = 10_000;

    private final Path dir;
    private final Path store;
    private final String serverBlock;
    private final String executable;
    private int port;
    private Process nginx;
    private Process watchdog;
    private Thread shutdownHook;

    private NginxWebDav(Path dir, String serverBlock, String user, String password) throws IOException {
        this.executable = executable();
        this.dir = dir.toAbsolutePath();
        this.store = this.dir.resolve("store");
        this.serverBlock = serverBlock;
        Files.createDirectories(store);
        Files.createDirectories(this.dir.resolve("tmp"));
        if (user != null) {
            writeHtpasswd(user, password);
        }
    }

    /** A started server, anyone may read and write; everything it keeps is under {@code dir}. */
    public static NginxWebDav startIn(Path dir) throws IOException {
        return started(new NginxWebDav(dir, davServer(""), null, null));
    }

    /** A started server that answers 401 to every request without {@code user}/{@code password} (HTTP Basic). */
    public static NginxWebDav withBasicAuth(Path dir, String user, String password) throws IOException {
        return started(new NginxWebDav(dir, davServer(AUTH_ALL), user, password));
    }

    /**
     * A started server where anyone may GET/HEAD but PUT/DELETE need {@code user}/{@code password}: the
     * docs/remote-cache-servers.md recipe (anonymous read for pull-request builds, authenticated write).
     */
    public static NginxWebDav withBasicAuthForWrites(Path dir, String user, String password) throws IOException {
        return started(new NginxWebDav(dir, davServer(AUTH_WRITES), user, password));
    }

    /**
     * A started server from a server block of one's own (e.g. the docs' recipe), with {@link #PORT}, {@link #STORE}
     * and {@link #HTPASSWD} where the port, the store and the htpasswd file of {@code user} go.
     */
    static NginxWebDav withServerBlock(Path dir, String serverBlock, String user, String password) throws IOException {
        return started(new NginxWebDav(dir, serverBlock, user, password));
    }

    private static String davServer(String locationAuth) {
        return """
                    server {
                        listen 127.0.0.1:@PORT@;
                        root @STORE@;
                        client_max_body_size 0;
                        location / {
                            dav_methods PUT DELETE;
                            create_full_put_path on;
                            dav_access user:rw group:r all:r;
                """ + locationAuth + """
                        }
                    }
                """;
    }

    private static NginxWebDav started(NginxWebDav server) throws IOException {
        server.startOnFreePort();
        return server;
    }

    /** The base URL with a trailing slash, e.g. {@code http://127.0.0.1:41234/}; the same after a restart. */
    public String url() {
        return "http://127.0.0.1:" + port + "/";
    }

    public int port() {
        return port;
    }

    /** Where the objects land ({@code store/ac/<id>}, {@code store/cas/<id>}): a test may change bytes here. */
    public Path store() {
        return store;
    }

    /** nginx's access log (combined format, one line per request), e.g. to count the GETs a build made. */
    public Path accessLog() {
        return dir.resolve("access.log");
    }

    public synchronized boolean isRunning() {
        return nginx != null && nginx.isAlive();
    }

    /** Starts it again on the same port after {@link #stop()}; does nothing when it runs. */
    public synchronized void start() throws IOException {
        if (isRunning()) {
            return;
        }
        String failure = launch();
        if (failure != null) {
            throw new IOException("nginx did not start again on 127.0.0.1:" + port + ": " + failure);
        }
    }

    /** Kills nginx and waits until it is gone, so connects are refused from then on; idempotent. */
    public synchronized void stop() {
        if (watchdog != null) {
            watchdog.destroyForcibly();   // first, so it can never signal a pid that is no longer nginx's
            watchdog = null;
        }
        if (nginx != null) {
            nginx.destroy();   // SIGTERM: nginx's fast shutdown
            try {
                if (!nginx.waitFor(5, TimeUnit.SECONDS)) {
                    nginx.destroyForcibly();
                    nginx.waitFor(5, TimeUnit.SECONDS);
                }
            } catch (InterruptedException e) {
                nginx.destroyForcibly();
                Thread.currentThread().interrupt();
            }
            nginx = null;
        }
        if (shutdownHook != null && Thread.currentThread() != shutdownHook) {
            try {
                Runtime.getRuntime().removeShutdownHook(shutdownHook);
            } catch (IllegalStateException alreadyShuttingDown) {
                // the hook runs anyway and finds nothing left to stop
            }
        }
        shutdownHook = null;
    }

    @Override
    public void close() {
        stop();
    }

    private synchronized void startOnFreePort() throws IOException {
        String failure = null;
        for (int attempt = 0; attempt < PORT_ATTEMPTS; attempt++) {
            port = freePort();
            failure = launch();
            if (failure == null) {
                return;
            }
            if (!failure.contains("Address already in use")) {
                break;
            }
            // another process took the port between freePort() and nginx's bind(): try another
        }
        throw new IOException("nginx (" + executable + ") did not start as a WebDAV server in " + dir + ": " + failure);
    }

    /** Starts nginx on {@link #port} and waits until it accepts connections; the failure, or null when it runs. */
    private String launch() throws IOException {
        Path conf = dir.resolve("nginx.conf");
        Files.writeString(conf, config());
        Path output = dir.resolve("nginx.out");
        Files.deleteIfExists(dir.resolve("error.log"));
        nginx = new ProcessBuilder(executable, "-p", dir + File.separator, "-e", dir.resolve("error.log").toString(),
                "-c", conf.toString())
                .redirectErrorStream(true)
                .redirectOutput(output.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                .start();
        // Its stdin is a pipe from this JVM (the watchdog field keeps it open): EOF means the JVM is gone.
        watchdog = new ProcessBuilder("sh", "-c", "read -r _; kill -KILL \"$1\" 2>/dev/null", "nginx-watchdog",
                String.valueOf(nginx.pid()))
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .redirectError(ProcessBuilder.Redirect.DISCARD)
                .start();
        if (shutdownHook == null) {
            shutdownHook = new Thread(this::stop, "nginx-webdav-stop");
            Runtime.getRuntime().addShutdownHook(shutdownHook);
        }
        long deadline = System.currentTimeMillis() + READY_TIMEOUT_MS;
        while (System.currentTimeMillis() < deadline) {
            if (!nginx.isAlive()) {
                int exit = nginx.exitValue();
                String said = logs(output);
                stop();
                return "nginx exited with " + exit + ": " + said;
            }
            if (accepts()) {
                return null;
            }
            sleep(20);
        }
        String said = logs(output);
        stop();
        return "nginx did not accept connections within " + READY_TIMEOUT_MS + " ms: " + said;
    }

    private boolean accepts() {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 200);
            return nginx.isAlive();   // not someone else who took the port while nginx failed to bind
        } catch (IOException notYet) {
            return false;
        }
    }

    private String logs(Path output) throws IOException {
        Path errorLog = dir.resolve("error.log");
        String errors = Files.exists(errorLog) ? Files.readString(errorLog) : "";
        String out = Files.exists(output) ? Files.readString(output) : "";
        return (out + errors).strip();
    }

    private String config() {
        Path tmp = dir.resolve("tmp");
        String server = serverBlock.replace(PORT, String.valueOf(port)).replace(STORE, quoted(store))
                .replace(HTPASSWD, quoted(dir.resolve("htpasswd")));
        return """
                # Written by NginxWebDav (a test fixture): a WebDAV store for the remote build cache.
                daemon off;
                master_process off;
                pid %s;
                error_log %s notice;
                events {
                    worker_connections 512;
                }
                http {
                    access_log %s;
                    client_body_temp_path %s;
                    proxy_temp_path %s;
                    fastcgi_temp_path %s;
                    uwsgi_temp_path %s;
                    scgi_temp_path %s;
                    default_type application/octet-stream;
                %s}
                """.formatted(quoted(dir.resolve("nginx.pid")), quoted(dir.resolve("error.log")),
                quoted(dir.resolve("access.log")), quoted(tmp.resolve("client_body")), quoted(tmp.resolve("proxy")),
                quoted(tmp.resolve("fastcgi")), quoted(tmp.resolve("uwsgi")), quoted(tmp.resolve("scgi")), server);
    }

    private static String quoted(Path path) {
        return '"' + path.toString().replace("\\", "\\\\").replace("\"", "\\\"") + '"';
    }

    /** nginx's {@code {SHA}} scheme: base64 of the password's SHA-1 (a test credential, not a stored secret). */
    private void writeHtpasswd(String user, String password) throws IOException {
        if (user == null || user.isEmpty() || user.contains(":") || user.contains("\n") || password == null) {
            throw new IllegalArgumentException("an HTTP Basic user needs a name without ':' and a password: " + user);
        }
        try {
            byte[] sha1 = MessageDigest.getInstance("SHA-1").digest(password.getBytes(StandardCharsets.UTF_8));
            Files.writeString(dir.resolve("htpasswd"), user + ":{SHA}" + Base64.getEncoder().encodeToString(sha1) + "\n");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-1", e);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    /**
     * nginx on PATH, else Debian's /usr/sbin/nginx (not on a normal user's PATH). Missing: the test is skipped,
     * but under CI (env CI set) it fails, since .ci/run installs nginx there.
     */
    private static String executable() {
        String path = System.getenv("PATH");
        List<String> candidates = new ArrayList<>();
        if (path != null) {
            for (String entry : path.split(File.pathSeparator)) {
                if (!entry.isEmpty()) {
                    candidates.add(Path.of(entry, "nginx").toString());
                }
            }
        }
        candidates.add("/usr/sbin/nginx");
        for (String candidate : candidates) {
            Path file = Path.of(candidate);
            if (Files.isRegularFile(file) && Files.isExecutable(file)) {
                return candidate;
            }
        }
        String missing = "nginx is not installed (not on PATH, not /usr/sbin/nginx); the remote cache tests need it"
                + " with its WebDAV module (Debian: apt-get install nginx)";
        if (System.getenv("CI") != null) {
            Assertions.fail(missing + ". Under CI .ci/run installs nginx: run the tests through .ci/run.");
        }
        Assumptions.assumeTrue(false, missing);
        throw new IllegalStateException("unreachable");
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
