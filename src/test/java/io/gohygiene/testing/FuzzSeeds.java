package io.gohygiene.testing;

import io.gohygiene.binary.BinaryFormatException;
import io.gohygiene.binary.BinaryInspector;
import io.gohygiene.report.InspectionJson;
import org.junit.jupiter.params.provider.Arguments;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Named.named;

/**
 * Seed inputs for the parser fuzz targets, made at test time from the real binaries the tests build: each binary
 * is reduced to the bytes its inspection depends on (blocks whose zeroing leaves the inspection report unchanged
 * are zeroed) and written as a {@link FuzzedFile}, a few kilobytes instead of megabytes. Reductions are cached
 * under {@code target/fuzz-seeds} by the binary's hash. Inputs that once broke a parser, committed under
 * {@code src/test/resources/fuzz-regressions/<target>/}, are seeds too.
 */
public final class FuzzSeeds {

    private static final Path CACHE = Path.of("target/fuzz-seeds").toAbsolutePath();
    private static final Path REGRESSIONS = Path.of("src/test/resources/fuzz-regressions").toAbsolutePath();
    /** Coarse blocks first, then finer ones inside the coarse blocks that must stay. */
    private static final int[] BLOCK_SIZES = {1 << 14, 1 << 8};
    /** Part of the cache key: a change to the reduction makes new seeds. */
    private static final String REDUCTION = "r1";

    private FuzzSeeds() {
    }

    /** A named seed for a {@code @MethodSource} ahead of a {@code @FuzzTest}. */
    public record Seed(String name, byte[] input) {
        public Arguments arguments() {
            return Arguments.arguments(named(name, input));
        }
    }

    /** Seeds from {@code binaries} (name, file) reduced for fuzzing, then the committed regressions of {@code target}. */
    public static Stream<Arguments> of(String target, List<Seed> seeds) {
        List<Seed> all = new ArrayList<>(seeds);
        all.addAll(regressions(target));
        return all.stream().map(Seed::arguments);
    }

    /** {@code binary} reduced to the bytes its inspection reads, as a fuzz input. */
    public static Seed reduced(String name, Path binary) {
        try {
            byte[] content = Files.readAllBytes(binary);
            Files.createDirectories(CACHE);
            Path cached = CACHE.resolve(sha256(content) + "-" + REDUCTION + ".seed");
            if (!Files.exists(cached)) {
                Path written = Files.write(CACHE.resolve(cached.getFileName() + ".tmp"), FuzzedFile.encode(reduce(content)));
                Files.move(written, cached, StandardCopyOption.REPLACE_EXISTING);
            }
            return new Seed(name, Files.readAllBytes(cached));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every file under {@code src/test/resources/fuzz-regressions/<target>/}, named by its file name. */
    public static List<Seed> regressions(String target) {
        Path dir = REGRESSIONS.resolve(target);
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(dir)) {
            List<Seed> seeds = new ArrayList<>();
            for (Path f : files.sorted().toList()) {
                seeds.add(new Seed("regression " + f.getFileName(), Files.readAllBytes(f)));
            }
            return seeds;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] reduce(byte[] original) throws IOException {
        byte[] content = original.clone();
        Path work = Files.createTempFile(CACHE, "reduce-", ".bin");
        try {
            Files.write(work, content);
            String wanted = fingerprint(work);
            try (FileChannel channel = FileChannel.open(work, StandardOpenOption.WRITE)) {
                for (int block : BLOCK_SIZES) {
                    for (int start = 0; start < content.length; start += block) {
                        int length = Math.min(block, content.length - start);
                        if (allZero(content, start, length)) {
                            continue;
                        }
                        writeFully(channel, ByteBuffer.allocate(length), start);
                        if (fingerprint(work).equals(wanted)) {
                            Arrays.fill(content, start, start + length, (byte) 0);
                        } else {
                            writeFully(channel, ByteBuffer.wrap(content, start, length), start);
                        }
                    }
                }
            }
            return content;
        } finally {
            Files.deleteIfExists(work);
        }
    }

    /** What inspection makes of the file: the whole report as JSON, or the rejection. */
    private static String fingerprint(Path file) {
        try {
            return InspectionJson.toString(InspectionJson.tree(BinaryInspector.inspect(file)));
        } catch (BinaryFormatException e) {
            return "rejected: " + e.getMessage();
        }
    }

    private static boolean allZero(byte[] b, int from, int length) {
        for (int i = from; i < from + length; i++) {
            if (b[i] != 0) {
                return false;
            }
        }
        return true;
    }

    private static void writeFully(FileChannel channel, ByteBuffer bytes, long at) throws IOException {
        long position = at;
        while (bytes.hasRemaining()) {
            position += channel.write(bytes, position);
        }
    }

    private static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content), 0, 12);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
