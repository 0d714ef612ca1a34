package io.gohygiene.gobuild;

import io.gohygiene.files.Sha256;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.util.Arrays;

/**
 * An output as it was before a build, kept by a hard link beside it. go either leaves an up-to-date output alone
 * (it only sets its time: the same file) or replaces it (a rename or a remove-and-create: another file), never
 * rewriting it in place; so the same file after the build means the same bytes, and a replacement is compared with
 * the kept one byte for byte and, when equal, the kept one (its time, its inode) goes back. Where the file system
 * has no hard links, a SHA-256 of the old bytes stands in.
 */
final class OutputState implements AutoCloseable {

    private final Path kept;
    private final FileTime time;
    private final byte[] sha256;

    private OutputState(Path kept, FileTime time, byte[] sha256) {
        this.kept = kept;
        this.time = time;
        this.sha256 = sha256;
    }

    static OutputState of(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            return new OutputState(null, null, null);
        }
        FileTime time = Files.getLastModifiedTime(file);
        Path kept = file.resolveSibling("." + file.getFileName() + ".go-hygiene-before");
        Files.deleteIfExists(kept);
        try {
            Files.createLink(kept, file);
            return new OutputState(kept, time, null);
        } catch (UnsupportedOperationException | IOException e) {
            return new OutputState(null, time, Sha256.of(file));
        }
    }

    /** True, with the old file or its time back, when {@code now} has the bytes it had; false when new or changed. */
    boolean restoreIfSame(Path now) throws IOException {
        if (time == null || !Files.isRegularFile(now)) {
            return false;
        }
        if (kept == null) {
            if (!Arrays.equals(Sha256.of(now), sha256)) {
                return false;
            }
        } else if (!Files.isSameFile(kept, now)) {
            if (Files.mismatch(kept, now) != -1) {
                return false;
            }
            Files.move(kept, now, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            return true;
        }
        Files.setLastModifiedTime(now, time);
        return true;
    }

    @Override
    public void close() throws IOException {
        if (kept != null) {
            Files.deleteIfExists(kept);
        }
    }
}
