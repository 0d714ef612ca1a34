package io.gohygiene.testing;

import io.gohygiene.binary.BinaryFormatException;
import io.gohygiene.binary.BinaryReader;
import org.junit.jupiter.api.Assumptions;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;

/**
 * The property every parser fuzz target checks: a {@link FuzzedFile} ends in a result or in a
 * {@link BinaryFormatException} that names the file, a place in it and a reason. Any other exception, an
 * OutOfMemoryError or an input that runs longer than Jazzer's per-input timeout is a finding.
 *
 * <p>One work file per JVM is rewritten for every input, on tmpfs where the machine has one, so an execution
 * costs a few writes, not a new file.
 */
public final class ParserFuzzing {

    /** A parse of a whole file; what it returns is only looked at to force lazy work. */
    public interface FileParser {
        Object parse(Path file) throws BinaryFormatException;
    }

    /** A parse through a reader, like the format parsers' own entry points. */
    public interface ReaderParser {
        Object parse(BinaryReader reader) throws BinaryFormatException;
    }

    private static final Path WORK = workFile();

    private ParserFuzzing() {
    }

    /** A {@link FileParser} that opens a reader on the file and runs {@code parser}. */
    public static FileParser reading(ReaderParser parser) {
        return file -> {
            try (BinaryReader reader = BinaryReader.open(file)) {
                return parser.parse(reader);
            }
        };
    }

    /** Checks the property on one fuzz input; returns normally for a result or a well-formed rejection. */
    public static void readsOrRejects(byte[] input, FileParser parser) {
        readsOrRejects(input, FuzzedFile.MAX_SIZE, parser);
    }

    /** As {@link #readsOrRejects(byte[], FileParser)}, with files of at most {@code maxSize} bytes. */
    public static void readsOrRejects(byte[] input, long maxSize, FileParser parser) {
        write(FuzzedFile.decode(input, maxSize));
        try {
            Object result = parser.parse(WORK);
            String.valueOf(result); // toString() reads derived facts (GOOS, GOARCH) that are computed on demand
        } catch (BinaryFormatException e) {
            if (!WORK.equals(e.file())) {
                throw new AssertionError("the error names " + e.file() + ", not the file read: " + e.getMessage(), e);
            }
            if (e.offset() < 0) {
                throw new AssertionError("the error gives a negative offset: " + e.getMessage(), e);
            }
            if (e.reason() == null || e.reason().isBlank()) {
                throw new AssertionError("the error gives no reason: " + e.getMessage(), e);
            }
        }
    }

    /**
     * Replays the committed findings of {@code target} (see {@link FuzzSeeds#regressions}) through the property,
     * without Jazzer: the normal test run checks them even where the fuzz execution is skipped.
     */
    public static void replayRegressions(String target, long maxSize, FileParser parser) {
        List<FuzzSeeds.Seed> regressions = FuzzSeeds.regressions(target);
        Assumptions.assumeFalse(regressions.isEmpty(), "no findings committed for " + target);
        for (FuzzSeeds.Seed regression : regressions) {
            try {
                readsOrRejects(regression.input(), maxSize, parser);
            } catch (RuntimeException | Error e) {
                throw new AssertionError(regression.name() + ": " + e, e);
            }
        }
    }

    /** The file a fuzz input decodes to, written where the fuzz targets read it; for seeds and regressions. */
    public static Path write(FuzzedFile file) {
        try (FileChannel channel = FileChannel.open(WORK, StandardOpenOption.WRITE)) {
            file.writeTo(channel);
            return WORK;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path workFile() {
        try {
            Path shm = Path.of("/dev/shm");
            Path dir = Files.isDirectory(shm) && Files.isWritable(shm) ? shm : Path.of(System.getProperty("java.io.tmpdir"));
            Path file = Files.createTempFile(dir, "gohygiene-fuzz-", ".bin");
            file.toFile().deleteOnExit();
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
