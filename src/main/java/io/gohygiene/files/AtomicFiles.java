package io.gohygiene.files;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
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

    /** What a streamed file holds: written to {@code out}, which the caller closes. */
    @FunctionalInterface
    public interface Content {
        void writeTo(OutputStream out) throws IOException;
    }

    /** As {@link #write(Path, byte[])}, the bytes streamed by {@code content}: a large report never sits in memory whole. */
    public static void write(Path file, Content content) throws IOException {
        Path partial = partial(file);
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(partial))) {
            content.writeTo(out);
        } catch (IOException | RuntimeException e) {
            // A half-written report must not sit beside the whole one (a full disk would stay full).
            Files.deleteIfExists(partial);
            throw e;
        }
        replace(partial, file);
    }

    /** As {@link #write(Path, byte[])}; an {@code executable} file is never seen without its execute bits. */
    public static void write(Path file, byte[] bytes, boolean executable) throws IOException {
        Path partial = partial(file);
        Files.write(partial, bytes);
        if (executable && !partial.toFile().setExecutable(true, false)) {
            throw new IOException("cannot make " + partial + " executable");
        }
        replace(partial, file);
    }

    /** The sibling {@code <name>.partial} a file is written to first, its directories made. */
    private static Path partial(Path file) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        return file.resolveSibling(file.getFileName() + ".partial");
    }

    private static void replace(Path partial, Path file) throws IOException {
        try {
            Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING);
        }
    }
}
