package io.gohygiene.binary;

import io.gohygiene.testing.GoBinaries;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Only regular files are read: a named pipe would block the reader forever and a device has no size, so each is
 * named for what it is, by inspect and by the check verify calls.
 */
class NotARegularFileTest {

    @TempDir
    Path dir;

    private static BinaryFormatException rejected(Path file) {
        return assertTimeoutPreemptively(Duration.ofSeconds(10), () -> assertThrows(BinaryFormatException.class, () -> BinaryInspector.inspect(file)),
                "inspecting " + file + " must not block");
    }

    private Path fifo() throws Exception {
        Path fifo = dir.resolve("pipe");
        Process mkfifo = new ProcessBuilder("mkfifo", fifo.toString()).inheritIO().start();
        assertTrue(mkfifo.waitFor(10, TimeUnit.SECONDS) && mkfifo.exitValue() == 0, "mkfifo " + fifo);
        return fifo;
    }

    @Test
    void aNamedPipeIsNamedInsteadOfBlocking() throws Exception {
        Path fifo = fifo();
        BinaryFormatException e = rejected(fifo);
        assertEquals(fifo + ": is a named pipe (FIFO), not a binary", e.getMessage());
        assertEquals(-1, e.offset(), "the file as a whole, not a position in it");
        assertTimeoutPreemptively(Duration.ofSeconds(10), () -> assertTrue(BinaryInspector.formatOf(fifo).isEmpty()));
    }

    @Test
    void devZeroIsACharacterDeviceNotAnEmptyFile() {
        assertEquals("/dev/zero: is a character device, not a binary", rejected(Path.of("/dev/zero")).getMessage());
    }

    @Test
    void aDirectoryIsADirectory() {
        assertEquals(dir + ": is a directory, not a binary", rejected(dir).getMessage());
    }

    @Test
    void aMissingFileAndABrokenLinkSayWhich() throws Exception {
        Path missing = dir.resolve("missing");
        assertEquals(missing + ": does not exist", rejected(missing).getMessage());
        Path link = Files.createSymbolicLink(dir.resolve("link"), missing);
        assertEquals(link + ": is a symbolic link to " + missing + ", which does not exist", rejected(link).getMessage());
    }

    @Test
    void requireRegularFileIsTheCheckVerifyCalls() throws Exception {
        BinaryInspector.requireRegularFile(GoBinaries.build("linux", "amd64"));
        Path fifo = fifo();
        BinaryFormatException e = assertThrows(BinaryFormatException.class, () -> BinaryInspector.requireRegularFile(fifo));
        assertEquals("is a named pipe (FIFO), not a binary", e.reason());
        assertEquals(fifo, e.file());
    }
}
