package io.gohygiene.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.function.Consumer;

/** Small byte-level tools for tests that check parsers against real files or damage them on purpose. */
public final class BinaryFiles {

    /** The 14 bytes Go's build info starts with (Go 1.18+ puts them at the start of the build-info region). */
    public static final byte[] BUILDINFO_MAGIC = "\u00ff Go buildinf:".getBytes(StandardCharsets.ISO_8859_1);

    private BinaryFiles() {
    }

    public static byte[] bytesAt(Path file, long offset, int length) {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            ByteBuffer buffer = ByteBuffer.allocate(length);
            while (buffer.hasRemaining() && channel.read(buffer, offset + buffer.position()) > 0) {
                // read until full or end of file
            }
            return Arrays.copyOf(buffer.array(), buffer.position());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static boolean hasBuildInfoMagicAt(Path file, long offset) {
        return Arrays.equals(bytesAt(file, offset, BUILDINFO_MAGIC.length), BUILDINFO_MAGIC);
    }

    /** A copy of {@code source} at {@code target} after {@code edit} changed its bytes (buffer in {@code order}). */
    public static Path patched(Path source, Path target, ByteOrder order, Consumer<ByteBuffer> edit) {
        try {
            ByteBuffer bytes = ByteBuffer.wrap(Files.readAllBytes(source)).order(order);
            edit.accept(bytes);
            Files.write(target, bytes.array());
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A file holding exactly {@code bytes}. */
    public static Path write(Path target, byte[] bytes) {
        try {
            Files.write(target, bytes);
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
