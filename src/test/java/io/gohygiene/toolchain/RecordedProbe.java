package io.gohygiene.toolchain;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** A machine played from recorded answers: a Rosetta Mac or a qemu Linux box, on whatever runs the tests. */
public final class RecordedProbe implements SystemProbe {

    private final String goos;
    private final Map<String, String> environment = new HashMap<>();
    private final Map<String, String> properties = new HashMap<>();
    private final Map<List<String>, String> commands = new HashMap<>();
    private final Map<Path, String> files = new HashMap<>();
    private final Set<Path> directories = new HashSet<>();
    private final Set<Path> executables = new HashSet<>();

    public RecordedProbe(String goos) {
        this.goos = goos;
    }

    public RecordedProbe env(String name, String value) {
        environment.put(name, value);
        return this;
    }

    public RecordedProbe property(String name, String value) {
        properties.put(name, value);
        return this;
    }

    public RecordedProbe command(String output, String... argv) {
        commands.put(List.of(argv), output);
        return this;
    }

    public RecordedProbe file(String path, String content) {
        files.put(Path.of(path), content);
        Path parent = Path.of(path).getParent();
        while (parent != null) {
            directories.add(parent);
            parent = parent.getParent();
        }
        return this;
    }

    public RecordedProbe directory(String path) {
        directories.add(Path.of(path));
        return this;
    }

    public RecordedProbe executable(String path) {
        file(path, "");
        executables.add(Path.of(path));
        return this;
    }

    @Override
    public String goos() {
        return goos;
    }

    @Override
    public Map<String, String> environment() {
        return environment;
    }

    @Override
    public Optional<String> property(String name) {
        return Optional.ofNullable(properties.get(name));
    }

    @Override
    public Optional<String> run(List<String> argv) {
        return Optional.ofNullable(commands.get(argv));
    }

    @Override
    public Optional<String> readFile(Path file) {
        return Optional.ofNullable(files.get(file));
    }

    @Override
    public boolean isRegularFile(Path file) {
        return files.containsKey(file);
    }

    @Override
    public boolean isDirectory(Path dir) {
        return directories.contains(dir);
    }

    @Override
    public boolean isExecutable(Path file) {
        return executables.contains(file);
    }

    @Override
    public List<Path> list(Path dir) {
        return files.keySet().stream().filter(f -> dir.equals(f.getParent())).sorted().toList();
    }

    @Override
    public Path realPath(Path file) {
        return file;
    }
}
