package io.gohygiene.gotest;

import com.fasterxml.jackson.jr.ob.JSON;
import io.gohygiene.testing.GoOnPath;
import io.gohygiene.testing.TestTrees;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A real module from proxy.golang.org, fetched by {@code go mod download -json} into the module cache the modfetch
 * tests share (~/.cache/go-hygiene/test-modcache: a machine downloads each version once, checked against
 * sum.golang.org), and copied out where its tests may run: the cache is read-only and go would refuse to write in it.
 */
record ThirdPartyModule(String path, String version) {

    static final Path MODCACHE = Path.of(System.getProperty("user.home"), ".cache", "go-hygiene", "test-modcache");
    static final String PROXY = "https://proxy.golang.org";

    @Override
    public String toString() {
        return path + "@" + version;
    }

    /**
     * The module's extracted tree in the cache: from the cache alone when it is there, else from the proxy. Empty
     * only when it is not cached and the proxy cannot be reached (no network); any other failure is thrown.
     */
    Optional<Path> download() throws IOException, InterruptedException {
        Optional<Path> cached = goModDownload("off");
        if (cached.isPresent()) {
            return cached;
        }
        Optional<Path> fetched = goModDownload(PROXY);
        if (fetched.isEmpty() && proxyReachable()) {
            throw new IllegalStateException("go mod download -json " + this + " failed though " + PROXY + " answers");
        }
        return fetched;
    }

    /**
     * Copies the tree to {@code <into>/<module path>}, GOPATH's layout (pkg/errors' tests match their own file
     * paths against {@code .+/github.com/pkg/errors/...}), writable; returns the copy.
     */
    Path copyTo(Path into, Path tree) throws IOException {
        Path copy = into.resolve(path);
        TestTrees.copy(tree, copy);
        try (Stream<Path> files = Files.walk(copy)) {
            for (Path f : files.toList()) {
                f.toFile().setWritable(true, true);
            }
        }
        return copy;
    }

    private Optional<Path> goModDownload(String proxy) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(GoOnPath.executable().toString(), "mod", "download", "-json", toString())
                .directory(Files.createDirectories(MODCACHE).toFile()).redirectError(ProcessBuilder.Redirect.DISCARD);
        builder.environment().putAll(Map.of("GOMODCACHE", MODCACHE.toString(), "GOFLAGS", "-modcacherw", "GOPROXY", proxy,
                "GOSUMDB", "sum.golang.org", "GO111MODULE", "on", "GOWORK", "off", "GOTOOLCHAIN", "local"));
        builder.environment().remove("GOPRIVATE");
        builder.environment().remove("GONOSUMDB");
        Process process = builder.start();
        String json = new String(process.getInputStream().readAllBytes());
        if (!process.waitFor(5, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new IllegalStateException("go mod download " + this + " did not end in 5 minutes");
        }
        if (process.exitValue() != 0) {
            return Optional.empty();
        }
        Map<String, Object> fields = JSON.std.mapFrom(json);
        return fields.get("Error") == null && fields.get("Dir") instanceof String dir ? Optional.of(Path.of(dir)) : Optional.empty();
    }

    private static boolean proxyReachable() throws InterruptedException {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
        try {
            HttpResponse<Void> answer = http.send(HttpRequest.newBuilder(URI.create(PROXY + "/")).timeout(Duration.ofSeconds(20)).build(),
                    HttpResponse.BodyHandlers.discarding());
            return answer.statusCode() < 500;
        } catch (IOException e) {
            return false;
        }
    }
}
