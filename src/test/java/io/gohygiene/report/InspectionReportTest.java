package io.gohygiene.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.gohygiene.binary.BinaryInspector;
import io.gohygiene.binary.BinaryReport;
import io.gohygiene.testing.GoBinaries;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What inspect prints for real binaries: the facts a person looks for, in text and in JSON. */
class InspectionReportTest {

    private static String text(BinaryReport report) {
        return String.join("\n", InspectionText.render(report));
    }

    @Test
    void aCgoElfShowsItsInterpreterLibrariesAndGlibcVersions() throws Exception {
        BinaryReport report = BinaryInspector.inspect(GoBinaries.build("cgo", "linux", "amd64", Map.of("CGO_ENABLED", "1", "CC", "gcc")));
        String text = text(report);
        assertTrue(text.matches("(?s).*\n  interp +/lib64/ld-linux-x86-64\\.so\\.2\n.*"), text);
        assertTrue(text.matches("(?s).*\n  needed +libc\\.so\\.6\n.*"), text);
        assertTrue(text.matches("(?s).*\n  versions +libc\\.so\\.6: .*GLIBC_2\\.2\\.5.*"), text);
        assertTrue(text.contains("__libc_start_main@GLIBC_"), text);
        assertTrue(text.matches("(?s).*\n  build +CGO_ENABLED=1\n.*"), text);
    }

    @Test
    void aStaticGoElfSaysSo() throws Exception {
        String text = text(BinaryInspector.inspect(GoBinaries.build("linux", "arm64")));
        assertTrue(text.startsWith(GoBinaries.build("linux", "arm64") + ": linux/arm64 ELF ("), text);
        assertTrue(text.contains("interp     none (statically linked)"), text);
        assertTrue(text.contains("EM_AARCH64"), text);
    }

    @Test
    void aWindowsBinaryShowsSubsystemHardeningAndImports() throws Exception {
        String text = text(BinaryInspector.inspect(GoBinaries.build("windows", "amd64")));
        assertTrue(text.contains("pe         PE32+ AMD64, subsystem WINDOWS_CUI"), text);
        assertTrue(text.contains("DYNAMIC_BASE") && text.contains("NX_COMPAT"), text);
        assertTrue(text.contains("imports    kernel32.dll"), text);
    }

    @Test
    void jsonHoldsPlatformParseAndBuildInfoPerImage() throws Exception {
        BinaryReport report = BinaryInspector.inspect(GoBinaries.build("cgo", "linux", "amd64", Map.of("CGO_ENABLED", "1", "CC", "gcc")));
        JsonNode json = new ObjectMapper().readTree(InspectionJson.write(List.of(report)));
        assertEquals("ELF", json.path("format").asText());
        JsonNode image = json.path("images").get(0);
        assertEquals("linux", image.path("goos").asText());
        assertEquals("amd64", image.path("goarch").asText());
        assertEquals("libc.so.6", image.path("elf").path("versionNeeds").get(0).path("file").asText());
        assertEquals("/lib64/ld-linux-x86-64.so.2", image.path("elf").path("interpreter").asText());
        assertEquals("example.com/cgo", image.path("buildInfo").path("path").asText());
    }
}
