package io.gohygiene.modfetch;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Optional;

/**
 * The module cache in the go command's own layout (cmd/go/internal/modfetch/cache.go), so that go and the plugin
 * share one copy: the tree at {@code $GOMODCACHE/<path>@<version>/}, and beside the zip under
 * {@code cache/download/<path>/@v/}: {@code <version>.zip}, {@code .ziphash} (its {@code h1:}), {@code .partial}
 * (present while a tree is being put in place) and {@code .lock}. A tree counts only when it is a directory, no
 * {@code .partial} exists and the {@code .ziphash} does: go's own test, so a half-written tree is never trusted.
 */
public final class ModuleCache {

    private final Path root;

    public ModuleCache(Path root) {
        this.root = root.toAbsolutePath().normalize();
    }

    public Path root() {
        return root;
    }

    /** Where go keeps the unpacked tree of a module version. */
    public Path dir(String modulePath, String version) {
        return root.resolve(ModulePaths.escape(modulePath) + "@" + ModulePaths.escape(version));
    }

    /** A file beside the zip: suffix {@code zip}, {@code ziphash}, {@code partial}, {@code lock}, {@code info}, {@code mod}. */
    public Path downloadFile(String modulePath, String version, String suffix) {
        return root.resolve("cache").resolve("download").resolve(ModulePaths.escape(modulePath)).resolve("@v")
                .resolve(ModulePaths.escape(version) + "." + suffix);
    }

    /** The {@code h1:} of a completely unpacked tree, or empty when there is none that go would use. */
    public Optional<String> completeTreeHash(String modulePath, String version) throws IOException {
        if (!Files.isDirectory(dir(modulePath, version)) || Files.exists(downloadFile(modulePath, version, "partial"))) {
            return Optional.empty();
        }
        try {
            String hash = Files.readString(downloadFile(modulePath, version, "ziphash"), StandardCharsets.UTF_8).strip();
            return hash.startsWith("h1:") ? Optional.of(hash) : Optional.empty();
        } catch (NoSuchFileException e) {
            return Optional.empty();
        }
    }

    /**
     * Holds the version's lock file until closed: two JVMs (two CI jobs, {@code -T 4}) download a version once.
     * Threads of one JVM wait for each other too (the JDK refuses a second lock of one file within one JVM with
     * OverlappingFileLockException, so that case is retried).
     */
    public AutoCloseable lock(String modulePath, String version) throws IOException {
        Path lockFile = downloadFile(modulePath, version, "lock");
        Files.createDirectories(lockFile.getParent());
        FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        try {
            while (true) {
                try {
                    FileLock lock = channel.lock();
                    return () -> {
                        lock.release();
                        channel.close();
                    };
                } catch (OverlappingFileLockException sameJvm) {
                    Thread.sleep(50);
                }
            }
        } catch (InterruptedException e) {
            channel.close();
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while waiting for " + lockFile, e);
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
    }
}
