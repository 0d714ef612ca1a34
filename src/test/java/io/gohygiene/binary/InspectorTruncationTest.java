package io.gohygiene.binary;

import io.gohygiene.testing.GoBinaries;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * The whole inspection (format parser and build-info reader together) on every prefix of real binaries, cut
 * in place from the end: each prefix gives a report or the one checked exception, nothing else.
 */
class InspectorTruncationTest {

    @TempDir
    Path dir;

    @ParameterizedTest(name = "{0} {1}/{2}")
    @CsvSource({"tiny, linux, amd64", "cgo, linux, amd64", "tiny, darwin, arm64", "tiny, windows, 386"})
    void everyPrefixGivesAReportOrTheCheckedException(String program, String goos, String goarch) throws Exception {
        Map<String, String> env = program.equals("cgo") ? Map.of("CGO_ENABLED", "1", "CC", "gcc") : Map.of();
        Path copy = Files.copy(GoBinaries.build(program, goos, goarch, env), dir.resolve("cut"));
        long size = Files.size(copy);
        int reports = 0;
        int rejected = 0;
        try (FileChannel channel = FileChannel.open(copy, StandardOpenOption.WRITE)) {
            // Stride 1 through the headers, then coarser: the tables Go puts at the end are crossed by every stride.
            for (long length = size; length >= 0; length -= length > 8192 ? 4093 : 1) {
                channel.truncate(length);
                try {
                    BinaryInspector.inspect(copy);
                    reports++;
                } catch (BinaryFormatException e) {
                    assertTrue(e.getMessage().startsWith(copy.toString()), e.getMessage());
                    rejected++;
                } catch (RuntimeException | Error e) {
                    fail("prefix of " + length + " bytes threw " + e, e);
                }
            }
        }
        assertTrue(reports >= 1, "the whole file gives a report");
        assertTrue(reports + rejected > 4000, "every header byte and every stride was tried: " + (reports + rejected));
    }
}
