package io.gohygiene.files;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/** Files that a reader sees whole or not at all, even when the writer dies half way. */
public final class AtomicFiles {

    private AtomicFiles() {
    }

    /**
     * Writes {@code bytes} to a sibling {@code <name>.partial} and moves it over {@code file} (directories created);
     * where the file system cannot move atomically, a plain replace.
     */
    public static void write(Path file, byte[] bytes) throws IOException {
        write(file, bytes, false);
    }

    /** As {@link #write(Path, byte[])}; an {@code executable} file is never seen without its execute bits. */
    public static void write(Path file, byte[] bytes, boolean executable) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        Path partial = file.resolveSibling(file.getFileName() + ".partial");
        Files.write(partial, bytes);
        if (executable && !partial.toFile().setExecutable(true, false)) {
            throw new IOException("cannot make " + partial + " executable");
        }
        try {
            Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING);
        }
    }
}
