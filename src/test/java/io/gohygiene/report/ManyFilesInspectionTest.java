package io.gohygiene.report;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.gohygiene.testing.GoBinaries;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedOutputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Memory does not grow with the number of files: a directory of 1,250 binaries (hard links to real ones of every
 * format, some cut short) is inspected to JSON in a 64 MiB heap, every file in the report. Runs in the low-memory
 * Surefire execution (-Xmx64m).
 */
@Tag("lowmem")
class ManyFilesInspectionTest {

    private static final int FILES = 1250;

    @TempDir
    Path dir;

    @Test
    void aDirectoryOf1250BinariesIsInspectedToJsonInA64MibHeap() throws Exception {
        assertTrue(Runtime.getRuntime().maxMemory() <= 64L << 20, "this test must run with -Xmx64m, not " + Runtime.getRuntime().maxMemory());
        List<Path> originals = List.of(GoBinaries.build("linux", "amd64"), GoBinaries.build("darwin", "arm64"),
                GoBinaries.build("windows", "amd64"), GoBinaries.build("cgo", "linux", "amd64", Map.of("CGO_ENABLED", "1", "CC", "gcc")));
        Path bin = Files.createDirectories(dir.resolve("bin"));
        Path truncated = Files.write(dir.resolve("truncated"), Arrays.copyOf(Files.readAllBytes(originals.get(0)), 4096));
        for (int i = 0; i < FILES; i++) {
            Path source = i % 10 == 9 ? truncated : originals.get(i % originals.size());
            Files.createLink(bin.resolve(String.format("file-%04d", i)), source); // no copies: 1,250 names, 5 files on disk
        }
        Path report = dir.resolve("report.json");
        InspectionSummary summary;
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(report))) {
            summary = Inspection.run(List.of(bin), InspectionFormat.JSON, out);
        }
        assertEquals(FILES, summary.files());
        assertEquals(FILES / 10, summary.failures().size(), "every tenth file is cut short");
        assertEquals(FILES - FILES / 10, summary.inspected());

        Set<String> named = new HashSet<>();
        int errors = 0;
        try (JsonParser json = new JsonFactory().createParser(report.toFile())) {
            assertEquals(JsonToken.START_ARRAY, json.nextToken());
            while (json.nextToken() == JsonToken.START_OBJECT) {
                while (json.nextToken() == JsonToken.FIELD_NAME) {
                    String field = json.currentName();
                    json.nextToken();
                    if (field.equals("file")) {
                        named.add(Path.of(json.getText()).getFileName().toString());
                    } else if (field.equals("error")) {
                        errors++;
                    }
                    json.skipChildren();
                }
            }
        }
        assertEquals(FILES, named.size(), "every file has its entry");
        assertEquals(FILES / 10, errors, "each file cut short has an error entry");
    }
}
