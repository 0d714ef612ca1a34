package io.gohygiene.binary;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Optional;

/**
 * What a path is, when it is not a regular file: opening a named pipe blocks until a writer comes, and a device
 * reports size 0 or streams forever, so only regular files are read and everything else is named for what it is.
 */
final class FileKind {

    // st_mode file types (POSIX <sys/stat.h>), read through the "unix" attribute view where the JDK has one.
    private static final int S_IFMT = 0170000;
    private static final int S_IFIFO = 0010000;
    private static final int S_IFCHR = 0020000;
    private static final int S_IFBLK = 0060000;
    private static final int S_IFSOCK = 0140000;

    private FileKind() {
    }

    /** Why {@code path} cannot be read as a binary ("is a named pipe (FIFO), not a binary"); empty for a regular file. */
    static Optional<String> notRegular(Path path) {
        BasicFileAttributes attributes;
        try {
            attributes = Files.readAttributes(path, BasicFileAttributes.class);
        } catch (NoSuchFileException e) {
            return Optional.of(missing(path));
        } catch (IOException | SecurityException e) {
            return Optional.of("cannot be read: " + e.getMessage());
        }
        if (attributes.isRegularFile()) {
            return Optional.empty();
        }
        if (attributes.isDirectory()) {
            return Optional.of("is a directory, not a binary");
        }
        return Optional.of(special(path) + ", not a binary");
    }

    private static String missing(Path path) {
        if (Files.isSymbolicLink(path)) {
            try {
                return "is a symbolic link to " + Files.readSymbolicLink(path) + ", which does not exist";
            } catch (IOException e) {
                return "is a symbolic link whose target does not exist";
            }
        }
        return "does not exist";
    }

    private static String special(Path path) {
        try {
            int mode = (Integer) Files.getAttribute(path, "unix:mode");
            return switch (mode & S_IFMT) {
                case S_IFIFO -> "is a named pipe (FIFO)";
                case S_IFCHR -> "is a character device";
                case S_IFBLK -> "is a block device";
                case S_IFSOCK -> "is a socket";
                default -> "is not a regular file";
            };
        } catch (IOException | UnsupportedOperationException | IllegalArgumentException | ClassCastException | SecurityException e) {
            return "is not a regular file"; // no "unix" view (Windows): the kind is unknown, the refusal is the same
        }
    }
}
