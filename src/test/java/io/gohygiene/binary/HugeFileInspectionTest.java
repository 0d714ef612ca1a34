package io.gohygiene.binary;

import io.gohygiene.testing.GoBinaries;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.io.TempDir;

import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Memory does not grow with file size: a real executable padded (sparsely) past 1 GiB is inspected in a
 * 64 MiB heap. Runs in the low-memory Surefire execution (-Xmx64m).
 */
@Tag("lowmem")
class HugeFileInspectionTest {

    private static final long SIZE = (1L << 30) + (64L << 20);

    @TempDir
    Path dir;

    @ParameterizedTest(name = "{0}/{1}")
    @CsvSource({"linux, amd64", "darwin, arm64", "windows, amd64"})
    void aFileOverOneGibibyteIsInspectedInA64MibHeap(String goos, String goarch) throws Exception {
        assertTrue(Runtime.getRuntime().maxMemory() <= 64L << 20, "this test must run with -Xmx64m, not " + Runtime.getRuntime().maxMemory());
        Path huge = dir.resolve("huge-" + goos + "-" + goarch);
        Files.copy(GoBinaries.build(goos, goarch), huge);
        try (RandomAccessFile file = new RandomAccessFile(huge.toFile(), "rw")) {
            file.setLength(SIZE);
        }
        BinaryReport report = BinaryInspector.inspect(huge);
        assertEquals(SIZE, report.size());
        assertEquals(goarch, report.images().get(0).executable().goarch());
        assertEquals(goos, report.images().get(0).executable().goos());
        assertTrue(report.images().get(0).buildInfo().isPresent(), "the Go build info is found in the huge file too");
    }
}
