package io.gohygiene.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.gohygiene.testing.GoBinaries;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** inspect on a directory tells the truth about every file in it, in JSON and in text: none is left out. */
@Timeout(120)
class InspectionRunTest {

    @TempDir
    Path dir;

    /** Two real binaries, one cut short, a text file and a named pipe. */
    private Path mixedDirectory() throws Exception {
        Path bin = Files.createDirectories(dir.resolve("bin"));
        Files.copy(GoBinaries.build("linux", "amd64"), bin.resolve("app-linux"));
        Files.copy(GoBinaries.build("windows", "amd64"), bin.resolve("app.exe"));
        byte[] whole = Files.readAllBytes(GoBinaries.build("darwin", "arm64"));
        Files.write(bin.resolve("truncated"), Arrays.copyOf(whole, 2000));
        Files.writeString(bin.resolve("README.txt"), "not a binary\n");
        Process mkfifo = new ProcessBuilder("mkfifo", bin.resolve("pipe").toString()).inheritIO().start();
        assertTrue(mkfifo.waitFor(10, TimeUnit.SECONDS) && mkfifo.exitValue() == 0);
        return bin;
    }

    @Test
    void jsonHasAnEntryForEveryFileWithTheErrorOfThoseItCouldNotRead() throws Exception {
        Path bin = mixedDirectory();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        InspectionSummary summary = Inspection.run(List.of(bin), InspectionFormat.JSON, out);

        JsonNode json = new ObjectMapper().readTree(out.toByteArray());
        Map<String, JsonNode> byName = new TreeMap<>();
        json.forEach(entry -> byName.put(Path.of(entry.path("file").asText()).getFileName().toString(), entry));
        assertEquals(List.of("README.txt", "app-linux", "app.exe", "pipe", "truncated"), List.copyOf(byName.keySet()));
        assertEquals("ELF", byName.get("app-linux").path("format").asText());
        assertEquals("PE", byName.get("app.exe").path("format").asText());
        JsonNode truncated = byName.get("truncated").path("error");
        assertTrue(truncated.path("offset").isNumber(), truncated.toString());
        assertTrue(truncated.path("reason").asText().contains("2000-byte"), truncated.toString());
        assertTrue(byName.get("README.txt").path("error").path("reason").asText().contains("unknown magic"));
        assertEquals("is a named pipe (FIFO), not a binary", byName.get("pipe").path("error").path("reason").asText());
        assertTrue(byName.get("pipe").path("error").path("offset").isMissingNode(), "a pipe has no offset that failed");

        assertEquals(5, summary.files());
        assertEquals(2, summary.inspected());
        assertEquals(2, summary.notExecutables(), "the README and the pipe are listed, not failures");
        assertEquals(1, summary.failures().size());
        assertEquals(bin.resolve("truncated"), summary.failures().get(0).file());
        assertEquals("inspected 2 of 5 files: 1 not inspectable, 2 not executables", summary.describe());
    }

    @Test
    void textNamesEveryFileToo() throws Exception {
        Path bin = mixedDirectory();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Inspection.run(List.of(bin), InspectionFormat.TEXT, out);
        String text = out.toString(StandardCharsets.UTF_8);
        assertTrue(text.contains(bin.resolve("app-linux") + ": linux/amd64 ELF ("), text);
        assertTrue(text.contains(bin.resolve("app.exe") + ": windows/amd64 PE ("), text);
        assertTrue(text.contains(bin.resolve("truncated") + ": not inspectable: "), text);
        assertTrue(text.contains(bin.resolve("README.txt") + ": skipped, unknown magic 0x6e6f7420"), text);
        assertTrue(text.contains(bin.resolve("pipe") + ": skipped, is a named pipe (FIFO), not a binary\n"), text);
    }

    @Test
    void oneNamedFileIsOneObjectAndANamedNonBinaryIsAFailure() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        InspectionSummary ok = Inspection.run(List.of(GoBinaries.build("linux", "arm64")), InspectionFormat.JSON, out);
        assertEquals("arm64", new ObjectMapper().readTree(out.toByteArray()).path("images").get(0).path("goarch").asText());
        assertEquals(1, ok.inspected());
        assertEquals("inspected 1 file", ok.describe());

        Path text = Files.writeString(dir.resolve("go.mod"), "module x\n");
        out.reset();
        InspectionSummary failed = Inspection.run(List.of(text), InspectionFormat.JSON, out);
        assertEquals(1, failed.failures().size(), "a file named on purpose must be a binary");
        assertEquals(text.toString(), new ObjectMapper().readTree(out.toByteArray()).path("file").asText());
        assertFalse(failed.failures().get(0).getMessage().isEmpty());
    }
}
