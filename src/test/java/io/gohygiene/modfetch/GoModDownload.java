package io.gohygiene.modfetch;

import com.fasterxml.jackson.jr.ob.JSON;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * Real `go mod download -json` into ~/.cache/go-hygiene/test-modcache (from proxy.golang.org, checked against
 * sum.golang.org): go's own zip, its Sum and its extracted Dir, the references the Java code must agree with.
 */
record GoModDownload(String path, String version, Path zip, Path dir, String sum) {

    static final Path MODCACHE = Path.of(System.getProperty("user.home"), ".cache", "go-hygiene", "test-modcache");

    /** Why go cannot be used here, or empty. */
    static Optional<String> unavailableReason() {
        return go().isPresent() ? Optional.empty() : Optional.of("no go on PATH: the differential tests need a real go");
    }

    static GoModDownload of(String moduleAtVersion) throws IOException, InterruptedException {
        Path go = go().orElseThrow(() -> new IllegalStateException("no go on PATH"));
        ProcessBuilder builder = new ProcessBuilder(go.toString(), "mod", "download", "-json", moduleAtVersion)
                .directory(Files.createDirectories(MODCACHE).toFile());
        builder.environment().putAll(Map.of("GOMODCACHE", MODCACHE.toString(), "GOFLAGS", "-modcacherw",
                "GOPROXY", "https://proxy.golang.org", "GOSUMDB", "sum.golang.org", "GO111MODULE", "on"));
        builder.environment().remove("GOPRIVATE");
        builder.environment().remove("GONOSUMDB");
        builder.redirectError(ProcessBuilder.Redirect.INHERIT);
        Process process = builder.start();
        String json = new String(process.getInputStream().readAllBytes());
        if (process.waitFor() != 0) {
            throw new IllegalStateException("go mod download -json " + moduleAtVersion + " failed: " + json);
        }
        Map<String, Object> fields = JSON.std.mapFrom(json);
        if (fields.get("Error") != null) {
            throw new IllegalStateException("go mod download -json " + moduleAtVersion + ": " + fields.get("Error"));
        }
        return new GoModDownload((String) fields.get("Path"), (String) fields.get("Version"), Path.of((String) fields.get("Zip")),
                Path.of((String) fields.get("Dir")), (String) fields.get("Sum"));
    }

    private static Optional<Path> go() {
        for (String dir : System.getenv("PATH").split(File.pathSeparator)) {
            Path go = Path.of(dir, "go");
            if (Files.isExecutable(go)) {
                return Optional.of(go);
            }
        }
        return Optional.empty();
    }
}
