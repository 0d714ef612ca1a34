package io.gohygiene.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.gohygiene.binary.BinaryInspector;
import io.gohygiene.binary.BinaryReport;
import io.gohygiene.testing.GoBinaries;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What inspect prints for real binaries: the facts a person looks for, in text and in JSON. */
class InspectionReportTest {

    private static final Map<String, String> CGO = Map.of("CGO_ENABLED", "1", "CC", "gcc");

    @TempDir
    Path dir;

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

    @Test
    void aSharedLibraryIsASharedObjectNeitherPieNorStatic() throws Exception {
        String text = text(BinaryInspector.inspect(GoBinaries.build("cgo", "linux", "amd64", CGO, "-buildmode=c-shared")));
        assertTrue(text.contains("ET_DYN (shared object)"), text);
        assertTrue(text.matches("(?s).*\n  security +shared object, .*"), text);
        assertFalse(text.contains("PIE"), "a shared library is not an executable, PIE or not: " + text);
        assertFalse(text.contains("statically linked"), "it needs libc.so.6: " + text);
        assertTrue(text.matches("(?s).*\n  interp +none \\(a shared object: loaded by the program that uses it\\)\n.*"), text);
    }

    @Test
    void aStaticBinarySaysNothingAboutBinding() throws Exception {
        String text = text(BinaryInspector.inspect(GoBinaries.build("linux", "amd64")));
        assertTrue(text.contains("ET_EXEC (executable)"), text);
        assertFalse(text.contains("lazy binding") || text.contains("BIND_NOW"), "binding means something only when a loader binds: " + text);
        assertTrue(text.matches("(?s).*\n  security +not PIE, .*"), text);
    }

    @Test
    void aCgoBinaryIsLazyOrBindNowAndAPieExecutableSaysSo() throws Exception {
        String text = text(BinaryInspector.inspect(GoBinaries.build("cgo", "linux", "amd64", CGO)));
        assertTrue(text.contains("lazy binding") || text.contains("BIND_NOW"), text);
        String pie = text(BinaryInspector.inspect(GoBinaries.build("cgo", "linux", "amd64", CGO, "-buildmode=pie")));
        assertTrue(pie.contains("ET_DYN (pie executable)") && pie.matches("(?s).*\n  security +PIE, .*"), pie);
    }

    @Test
    void glibcVersionsAreSortedAsVersionsAndTheHighestIsNamed() throws Exception {
        String text = text(BinaryInspector.inspect(GoBinaries.build("cgo", "linux", "amd64", CGO, "-buildmode=c-shared")));
        Matcher line = Pattern.compile("\n  versions +libc\\.so\\.6: (.*) \\(highest (GLIBC_[0-9.]+)\\)\n").matcher(text);
        assertTrue(line.find(), text);
        List<int[]> versions = new ArrayList<>();
        for (String name : line.group(1).split(", ")) {
            assertTrue(name.matches("GLIBC_[0-9.]+"), name);
            versions.add(java.util.Arrays.stream(name.substring(6).split("\\.")).mapToInt(Integer::parseInt).toArray());
        }
        assertTrue(versions.size() > 2, "the c-shared library needs several glibc versions: " + line.group(1));
        for (int i = 1; i < versions.size(); i++) {
            assertTrue(java.util.Arrays.compare(versions.get(i - 1), versions.get(i)) < 0, "ascending as versions: " + line.group(1));
        }
        String[] all = line.group(1).split(", ");
        assertEquals(all[all.length - 1], line.group(2));
    }

    @Test
    void controlCharactersFromTheFileAndItsNameAreEscaped() throws Exception {
        byte[] bytes = Files.readAllBytes(GoBinaries.build("cgo", "linux", "amd64", CGO));
        String raw = new String(bytes, StandardCharsets.ISO_8859_1);
        // Every "libc.so.6" in .dynstr becomes "li\nc\x1bso.6" (same length): DT_NEEDED and the version need name it.
        byte[] hostile = raw.replace("libc.so.6\0", "li\nc\u001bso.6\0").getBytes(StandardCharsets.ISO_8859_1);
        Path file = Files.write(dir.resolve("evil\n\u001b[2Kname"), hostile);
        List<String> lines = InspectionText.render(BinaryInspector.inspect(file));
        String text = String.join("\n", lines);
        assertTrue(lines.get(0).startsWith(dir + "/evil\\n\\x1b[2Kname: linux/amd64 ELF"), lines.get(0));
        assertTrue(text.matches("(?s).*\n  needed +li\\\\nc\\\\x1bso\\.6\n.*"), text);
        assertTrue(text.contains("versions   li\\nc\\x1bso.6: GLIBC_"), text);
        lines.forEach(l -> assertFalse(l.chars().anyMatch(Character::isISOControl), "a raw control character in: " + l));
    }
}
