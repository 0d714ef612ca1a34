package io.gohygiene.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.gohygiene.finding.Verdict;
import io.gohygiene.platform.Target;
import io.gohygiene.rules.BinaryVerifier;
import io.gohygiene.rules.RuleCatalog;
import io.gohygiene.rules.RuleSettings;
import io.gohygiene.rules.VerifyPolicy;
import io.gohygiene.testing.GoBinaries;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The verify reports are left alone when a run would write what is there already, and rewritten when anything differs. */
class VerifyReportsTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path project;

    @Test
    void aSecondRunWithTheSameBinariesAndFindingsLeavesTheReportsAsTheyAre() throws Exception {
        Path binary = copyOf(GoBinaries.build("linux", "amd64"), "app");
        Path reports = project.resolve("target/go-hygiene");

        VerifyReports.Written first = VerifyReports.write(verify(binary, RuleSettings.none()), reports, project, "1.0");
        assertFalse(first.unchanged());
        String json = Files.readString(reports.resolve("verify.json"));
        assertTrue(json.contains("\"verdict\""), json.substring(0, Math.min(200, json.length())));
        FileTime written = Files.getLastModifiedTime(reports.resolve("verify.sarif"));

        VerifyReports.Written second = VerifyReports.write(verify(binary, RuleSettings.none()), reports, project, "1.0");
        assertTrue(second.unchanged());
        assertEquals(written, Files.getLastModifiedTime(reports.resolve("verify.sarif")));
        assertEquals(first.files(), second.files());
    }

    @Test
    void aChangedBinaryFindingOrMissingReportWritesThemAgain() throws Exception {
        Path binary = copyOf(GoBinaries.build("linux", "amd64"), "app");
        Path reports = project.resolve("target/go-hygiene");
        VerifyReports.write(verify(binary, RuleSettings.none()), reports, project, "1.0");

        assertFalse(VerifyReports.write(verify(binary, RuleSettings.none()), reports, project, "1.1").unchanged(), "another plugin version");

        Files.delete(reports.resolve("TEST-go-hygiene.xml"));
        assertFalse(VerifyReports.write(verify(binary, RuleSettings.none()), reports, project, "1.1").unchanged(), "a report was deleted");
        assertTrue(Files.isRegularFile(reports.resolve("TEST-go-hygiene.xml")));

        String before = Files.readString(reports.resolve("verify.json"));
        Files.copy(GoBinaries.build("linux", "arm64"), binary, StandardCopyOption.REPLACE_EXISTING);
        assertFalse(VerifyReports.write(verify(binary, RuleSettings.none()), reports, project, "1.1").unchanged(), "the binary changed");
        assertNotEquals(before, Files.readString(reports.resolve("verify.json")));

        Files.setLastModifiedTime(binary, FileTime.fromMillis(Files.getLastModifiedTime(binary).toMillis() - 60_000));
        assertFalse(VerifyReports.write(verify(binary, RuleSettings.none()), reports, project, "1.1").unchanged(), "same size, older time");
    }

    @Test
    void differentFindingsFromOtherSettingsWriteThemAgain() throws Exception {
        Path binary = copyOf(GoBinaries.build("linux", "amd64"), "app");
        Path reports = project.resolve("target/go-hygiene");
        VerifyReports.write(verify(binary, RuleSettings.none()), reports, project, "1.0");

        RuleSettings staticOnly = RuleSettings.builder().linkage(io.gohygiene.rules.Linkage.STATIC).build();
        assertFalse(VerifyReports.write(verify(binary, staticOnly), reports, project, "1.0").unchanged());
        assertTrue(VerifyReports.write(verify(binary, staticOnly), reports, project, "1.0").unchanged());
    }

    @Test
    void aCleanBinaryWithANotApplicableRowIsPassInEveryReport() throws Exception {
        Path binary = copyOf(GoBinaries.build("linux", "amd64"), "app");
        Path reports = project.resolve("target/go-hygiene");
        List<BinaryVerifier.Verification> results = verify(binary, RuleSettings.none());
        assertTrue(results.get(0).findings().stream().anyMatch(f -> f.verdict() == Verdict.SKIP), "the macOS row of an ELF is n/a");
        assertTrue(results.get(0).findings().stream().noneMatch(f -> f.verdict().isProblem()), "a clean binary");
        VerifyReports.write(results, reports, project, "1.0");

        JsonNode json = JSON.readTree(reports.resolve("verify.json").toFile());
        assertEquals("PASS", json.at("/binaries/0/verdict").asText(), "verify.json");

        JsonNode run = JSON.readTree(reports.resolve("verify.sarif").toFile()).at("/runs/0");
        assertEquals(0, run.get("results").size(), "no result to look at");
        assertEquals("target/go/app", run.at("/artifacts/0/location/uri").asText());
        assertEquals("PASS", run.at("/artifacts/0/properties/verdict").asText(), "verify.sarif");

        String junit = Files.readString(reports.resolve("TEST-go-hygiene.xml"));
        assertTrue(junit.contains("skipped=\"0\""), junit);
        assertTrue(junit.contains("failures=\"0\""), junit);
        assertFalse(junit.contains("<skipped"), "the n/a macos case passes: " + junit);
        assertTrue(junit.contains("name=\"macos\""), junit);
    }

    private Path copyOf(Path binary, String name) throws Exception {
        Path copy = Files.createDirectories(project.resolve("target/go")).resolve(name);
        Files.copy(binary, copy, StandardCopyOption.REPLACE_EXISTING);
        return copy;
    }

    private List<BinaryVerifier.Verification> verify(Path binary, RuleSettings settings) throws Exception {
        return List.of(new BinaryVerifier(RuleCatalog.all(), VerifyPolicy.of(settings))
                .verify(binary, project.relativize(binary), Target.parse("linux/amd64")));
    }
}
