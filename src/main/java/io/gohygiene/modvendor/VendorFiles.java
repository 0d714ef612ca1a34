package io.gohygiene.modvendor;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.List;
import java.util.stream.Stream;

/** File-tree chores of vendoring: copying out of the read-only module cache, hashing, deleting, swapping. */
final class VendorFiles {

    private VendorFiles() {
    }

    /**
     * Copies the content only: the module cache is read-only, and a restored tree copied with its permissions could
     * not be edited or deleted (and {@code mvn clean} / the next swap would fail).
     */
    static void copyContent(Path from, Path to) throws IOException {
        Files.createDirectories(to.getParent());
        Path partial = to.resolveSibling(to.getFileName() + ".partial");
        try (InputStream in = Files.newInputStream(from)) {
            Files.copy(in, partial, StandardCopyOption.REPLACE_EXISTING);
        }
        Files.move(partial, to, StandardCopyOption.REPLACE_EXISTING);
        to.toFile().setWritable(true, true);
    }

    /** Every regular file under {@code root}, as forward-slash paths relative to it, sorted. */
    static List<String> files(Path root) throws IOException {
        if (!Files.isDirectory(root)) {
            return List.of();
        }
        try (Stream<Path> walk = Files.walk(root)) {
            return walk.filter(Files::isRegularFile).map(p -> root.relativize(p).toString().replace('\\', '/')).sorted().toList();
        }
    }

    /** Deletes a tree, making read-only directories writable first (a tree copied from the cache by someone else). */
    static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        Files.walkFileTree(root, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                dir.toFile().setWritable(true, true);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                Files.delete(file);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path dir, IOException e) throws IOException {
                if (e != null) {
                    throw e;
                }
                Files.delete(dir);
                return FileVisitResult.CONTINUE;
            }
        });
    }

    /** Renames atomically where the file system can, which is what makes the swap all-or-nothing. */
    static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to);
        }
    }
}
