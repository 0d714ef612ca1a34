package io.gohygiene.files;

import io.gohygiene.testing.GoOnPath;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

class FilesTest {

    @TempDir
    Path temp;

    @Test
    void sha256OfAFileIsWhatSha256sumSays() throws Exception {
        Path go = GoOnPath.executable();
        Process p = new ProcessBuilder("sha256sum", go.toString()).redirectErrorStream(true).start();
        String reference = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).split(" ")[0];
        assertEquals(0, p.waitFor());
        assertEquals(reference, Sha256.hex(go), "a file of many 64 KiB reads");
        assertEquals("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855", Sha256.hex(Files.createFile(temp.resolve("empty"))));
    }

    @Test
    void partsAreSeparatedSoTheirBoundariesCount() {
        assertNotEquals(Sha256.hexOf("ab", "c"), Sha256.hexOf("a", "bc"));
        assertEquals(Sha256.hexOf("a", "b"), Sha256.hexOf("a", "b"));
        assertEquals(64, Sha256.hexOf().length());
    }

    @Test
    void atomicWriteReplacesWholeAndLeavesNothingBeside() throws Exception {
        Path file = temp.resolve("a/b/report.json");
        AtomicFiles.write(file, "first".getBytes(StandardCharsets.UTF_8));
        AtomicFiles.write(file, "second".getBytes(StandardCharsets.UTF_8));
        assertArrayEquals("second".getBytes(StandardCharsets.UTF_8), Files.readAllBytes(file));
        try (var list = Files.list(file.getParent())) {
            assertEquals(List.of("report.json"), list.map(f -> f.getFileName().toString()).toList());
        }
    }

    @Test
    void anExecutableWriteArrivesExecutable() throws Exception {
        Path script = temp.resolve("bin/cc");
        AtomicFiles.write(script, "#!/bin/sh\n".getBytes(StandardCharsets.UTF_8), true);
        assertEquals(true, Files.isExecutable(script));
        try (var list = Files.list(script.getParent())) {
            assertEquals(List.of("cc"), list.map(f -> f.getFileName().toString()).toList());
        }
    }

    @Test
    void aStreamedWriteThatFailsHalfWayLeavesTheOldFileAndNoPartialBeside() throws Exception {
        Path file = temp.resolve("reports/verify.json");
        AtomicFiles.write(file, out -> out.write("old".getBytes(StandardCharsets.UTF_8)));
        java.io.IOException failure = org.junit.jupiter.api.Assertions.assertThrows(java.io.IOException.class, () -> AtomicFiles.write(file, out -> {
            out.write("half of the new".getBytes(StandardCharsets.UTF_8));
            throw new java.io.IOException("disk full");
        }));
        assertEquals("disk full", failure.getMessage());
        assertArrayEquals("old".getBytes(StandardCharsets.UTF_8), Files.readAllBytes(file));
        try (var list = Files.list(file.getParent())) {
            assertEquals(List.of("verify.json"), list.map(f -> f.getFileName().toString()).toList());
        }
    }
}
