package io.gohygiene.remotecache;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Optional;

/**
 * The cache on this machine's disk, in front of the server: {@code a/<2 hex>/<action ID hex>} holds
 * {@code <output ID hex> <size> <epoch ms>}, {@code o/<2 hex>/<output ID hex>} the object itself, whose path go reads
 * (the {@code DiskPath} of a response). Every file appears by an atomic move from {@code tmp/}, so a killed program
 * never leaves a half object that a later build trusts; an action entry is written only after its object.
 */
final class LocalTier {


    private final Path root;
    private final Path tmp;

    LocalTier(Path root) throws IOException {
        this.root = root.toAbsolutePath().normalize();
        this.tmp = this.root.resolve("tmp");
        Files.createDirectories(tmp);
    }

    Path root() {
        return root;
    }

    /** What an action ID maps to. */
    record Entry(byte[] outputId, long size, Instant time, Path object) {
    }

    /** The entry of {@code actionId} whose object is on disk with its recorded size, if any. */
    Optional<Entry> get(byte[] actionId) throws IOException {
        Path action = actionFile(actionId);
        String text;
        try {
            text = Files.readString(action, StandardCharsets.US_ASCII).strip();
        } catch (NoSuchFileException e) {
            return Optional.empty();
        }
        String[] parts = text.split(" ");
        if (parts.length != 3 || parts[0].length() != 64) {
            return Optional.empty();  // not ours, or from a format to come: a miss, go rebuilds and puts again
        }
        byte[] outputId;
        long size;
        long millis;
        try {
            outputId = HexFormat.of().parseHex(parts[0]);
            size = Long.parseLong(parts[1]);
            millis = Long.parseLong(parts[2]);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        Path object = objectFile(outputId);
        if (!Files.isRegularFile(object) || Files.size(object) != size) {
            return Optional.empty();
        }
        return Optional.of(new Entry(outputId, size, Instant.ofEpochMilli(millis), object));
    }

    /** The object file of {@code outputId} if it is on disk with {@code size} bytes. */
    Optional<Path> object(byte[] outputId, long size) throws IOException {
        Path object = objectFile(outputId);
        return Files.isRegularFile(object) && Files.size(object) == size ? Optional.of(object) : Optional.empty();
    }

    /** A new temporary file in this tier, for a body being received. */
    Path newTemporary() throws IOException {
        return Files.createTempFile(tmp, "in-", ".partial");
    }

    /**
     * Moves {@code temporary} (whose SHA-256 the caller checked is {@code outputId}) into place as the object and
     * maps {@code actionId} to it. Returns the object's path.
     */
    Entry put(byte[] actionId, byte[] outputId, long size, Path temporary) throws IOException {
        Path object = objectFile(outputId);
        Files.createDirectories(object.getParent());
        if (Files.isRegularFile(object) && Files.size(object) == size) {
            Files.deleteIfExists(temporary);  // the same bytes are there already (another action's output)
        } else {
            move(temporary, object);
        }
        return map(actionId, outputId, size);
    }

    /** Maps {@code actionId} to the object of {@code outputId}, which is on disk already. */
    Entry map(byte[] actionId, byte[] outputId, long size) throws IOException {
        Instant now = Instant.now();
        Path entry = newTemporary();
        try {
            Files.writeString(entry, HexFormat.of().formatHex(outputId) + " " + size + " " + now.toEpochMilli() + "\n", StandardCharsets.US_ASCII);
            Path action = actionFile(actionId);
            Files.createDirectories(action.getParent());
            move(entry, action);
        } finally {
            Files.deleteIfExists(entry);
        }
        return new Entry(outputId, size, now, objectFile(outputId));
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
        } catch (FileAlreadyExistsException e) {
            Files.deleteIfExists(from);
        }
    }

    private Path actionFile(byte[] actionId) {
        String hex = HexFormat.of().formatHex(actionId);
        return root.resolve("a").resolve(hex.substring(0, 2)).resolve(hex);
    }

    private Path objectFile(byte[] outputId) {
        String hex = HexFormat.of().formatHex(outputId);
        return root.resolve("o").resolve(hex.substring(0, 2)).resolve(hex);
    }
}
