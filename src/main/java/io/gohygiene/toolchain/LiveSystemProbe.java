package io.gohygiene.toolchain;

import io.gohygiene.process.CommandLine;
import io.gohygiene.process.ProcessException;
import io.gohygiene.process.ProcessResult;
import io.gohygiene.process.ProcessRunner;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/** The real machine: real processes, real files, this JVM's environment (or a given one). */
public final class LiveSystemProbe implements SystemProbe {

    private static final Duration COMMAND_TIMEOUT = Duration.ofSeconds(20);

    private final Map<String, String> environment;
    private final ProcessRunner runner = new ProcessRunner();

    public LiveSystemProbe() {
        this(System.getenv());
    }

    public LiveSystemProbe(Map<String, String> environment) {
        this.environment = Map.copyOf(environment);
    }

    @Override
    public String goos() {
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        if (os.startsWith("mac") || os.startsWith("darwin")) {
            return "darwin";
        }
        if (os.startsWith("windows")) {
            return "windows";
        }
        if (os.startsWith("sunos")) {
            return "solaris";
        }
        return os.replace(" ", "");
    }

    @Override
    public Map<String, String> environment() {
        return environment;
    }

    @Override
    public Optional<String> property(String name) {
        return Optional.ofNullable(System.getProperty(name));
    }

    @Override
    public Optional<String> run(List<String> argv) {
        try {
            ProcessResult result = runner.run(new CommandLine(argv, environment, Path.of(System.getProperty("java.io.tmpdir")), COMMAND_TIMEOUT));
            return result.succeeded() ? Optional.of(result.stdout().strip()) : Optional.empty();
        } catch (ProcessException e) {
            return Optional.empty();
        }
    }

    @Override
    public Optional<String> readFile(Path file) {
        try {
            return Optional.of(Files.readString(file, StandardCharsets.UTF_8));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    @Override
    public boolean isRegularFile(Path file) {
        return Files.isRegularFile(file);
    }

    @Override
    public boolean isDirectory(Path dir) {
        return Files.isDirectory(dir);
    }

    @Override
    public boolean isExecutable(Path file) {
        return Files.isRegularFile(file) && Files.isExecutable(file);
    }

    @Override
    public List<Path> list(Path dir) {
        try (Stream<Path> entries = Files.list(dir)) {
            return entries.sorted().toList();
        } catch (IOException | RuntimeException e) {
            return List.of();
        }
    }

    @Override
    public Path realPath(Path file) {
        try {
            return file.toRealPath();
        } catch (IOException e) {
            return file.toAbsolutePath().normalize();
        }
    }
}
