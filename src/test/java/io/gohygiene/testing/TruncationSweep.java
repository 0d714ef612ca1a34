package io.gohygiene.testing;

import io.gohygiene.binary.BinaryFormatException;
import io.gohygiene.binary.BinaryReader;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.NavigableSet;
import java.util.TreeSet;

/**
 * Feeds a parser every prefix of a real file from a set of lengths and requires each to end in a result or in a
 * {@link BinaryFormatException} naming the file, never in another exception. One work file is truncated from
 * the longest prefix down, so the sweep costs one copy and a truncate per length.
 */
public final class TruncationSweep {

    /** The parse under test. */
    public interface Parser {
        void parse(BinaryReader reader) throws BinaryFormatException;
    }

    /** How many prefixes were read as a result and how many were rejected with a BinaryFormatException. */
    public record Outcome(int parsed, int rejected) {
    }

    private TruncationSweep() {
    }

    /** Every length up to 4 KiB, then every 61st up to {@code sweepEnd}, plus {@code exact} ones; none past the file. */
    public static NavigableSet<Long> lengths(long fileSize, long sweepEnd, long... exact) {
        NavigableSet<Long> lengths = new TreeSet<>();
        for (long n = 0; n <= Math.min(4096, fileSize); n++) {
            lengths.add(n);
        }
        for (long n = 4096; n <= Math.min(sweepEnd, fileSize); n += 61) {
            lengths.add(n);
        }
        for (long n : exact) {
            if (n >= 0 && n <= fileSize) {
                lengths.add(n);
            }
        }
        return lengths;
    }

    public static Outcome run(Path source, NavigableSet<Long> lengths, Path work, Parser parser) {
        try {
            copyPrefix(source, work, lengths.last());
            int parsed = 0;
            int rejected = 0;
            try (FileChannel channel = FileChannel.open(work, StandardOpenOption.WRITE)) {
                for (long length : lengths.descendingSet()) {
                    channel.truncate(length);
                    try (BinaryReader reader = BinaryReader.open(work)) {
                        parser.parse(reader);
                        parsed++;
                    } catch (BinaryFormatException e) {
                        if (!work.equals(e.file()) || e.offset() < 0 || e.reason().isBlank()) {
                            throw new AssertionError("prefix of " + length + " bytes: the error does not say where: " + e.getMessage(), e);
                        }
                        rejected++;
                    } catch (RuntimeException | Error e) {
                        throw new AssertionError("prefix of " + length + " bytes of " + source + " threw " + e, e);
                    }
                }
            }
            return new Outcome(parsed, rejected);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void copyPrefix(Path source, Path work, long length) throws IOException {
        try (InputStream in = Files.newInputStream(source); OutputStream out = Files.newOutputStream(work)) {
            byte[] buffer = new byte[1 << 16];
            long left = length;
            while (left > 0) {
                int n = in.read(buffer, 0, (int) Math.min(buffer.length, left));
                if (n < 0) {
                    break;
                }
                out.write(buffer, 0, n);
                left -= n;
            }
        }
    }
}
