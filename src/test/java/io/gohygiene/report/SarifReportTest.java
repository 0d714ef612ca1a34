package io.gohygiene.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.ValidationMessage;
import io.gohygiene.finding.Finding;
import io.gohygiene.finding.Verdict;
import io.gohygiene.platform.Target;
import io.gohygiene.rules.BinaryVerification;
import io.gohygiene.rules.VerifyResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import static io.gohygiene.report.VerifyResults.DARWIN_APP;
import static io.gohygiene.report.VerifyResults.LINUX_APP;
import static io.gohygiene.report.VerifyResults.WINDOWS_APP;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SarifReportTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private JsonNode written(VerifyResult result, Path baseDir) throws IOException {
        Path out = dir.resolve("target/go-hygiene/verify.sarif");
        SarifReport.write(result, out, baseDir);
        return JSON.readTree(Files.readString(out, StandardCharsets.UTF_8));
    }

    private JsonNode realistic() throws IOException {
        Path project = VerifyResults.project(dir);
        return written(VerifyResults.realistic(project), project);
    }

    private static JsonNode run(JsonNode log) {
        return log.get("runs").get(0);
    }

    private static List<JsonNode> results(JsonNode log) {
        List<JsonNode> results = new ArrayList<>();
        run(log).get("results").forEach(results::add);
        return results;
    }

    private static JsonNode result(JsonNode log, String ruleId, String subject) {
        return results(log).stream()
                .filter(r -> r.get("ruleId").asText().equals(ruleId) && r.at("/properties/subject").asText().equals(subject))
                .reduce((a, b) -> {
                    throw new AssertionError("two results for " + ruleId + "/" + subject);
                })
                .orElseThrow(() -> new AssertionError("no result for " + ruleId + "/" + subject));
    }

    private static void assertValid(JsonNode log) {
        List<ValidationMessage> errors = SarifSchema.validate(log);
        assertTrue(errors.isEmpty(), () -> "not valid SARIF 2.1.0:\n" + errors.stream().map(ValidationMessage::toString).reduce("", (a, b) -> a + b + "\n"));
    }

    private static List<ValidationMessage> errorsAfter(JsonNode valid, Consumer<ObjectNode> breakIt) {
        ObjectNode broken = valid.deepCopy();
        breakIt.accept(broken);
        return SarifSchema.validate(broken);
    }

    @Test
    void realisticReportIsValidSarif210() throws IOException {
        JsonNode log = realistic();
        assertEquals("2.1.0", log.get("version").asText());
        assertEquals(SarifReport.SCHEMA_URI, log.get("$schema").asText());
        assertEquals(1, log.get("runs").size());
        assertValid(log);
    }

    @Test
    void schemaValidationRejectsBrokenDocuments() throws IOException {
        JsonNode log = realistic();
        List<ValidationMessage> fatal = errorsAfter(log, l -> ((ObjectNode) l.at("/runs/0/results/0")).put("level", "fatal"));
        assertFalse(fatal.isEmpty(), "level 'fatal' is not a SARIF level");
        assertTrue(fatal.stream().anyMatch(e -> e.getInstanceLocation().toString().contains("level")), fatal::toString);

        assertFalse(errorsAfter(log, l -> l.put("version", "2.0.0")).isEmpty(), "only version 2.1.0 is allowed");
        assertFalse(errorsAfter(log, l -> ((ObjectNode) l.at("/runs/0/tool/driver")).remove("name")).isEmpty(), "a driver needs a name");
        assertFalse(errorsAfter(log, l -> ((ObjectNode) l.at("/runs/0/results/0")).putArray("suppressions").addObject().put("kind", "waiver"))
                .isEmpty(), "'waiver' is not a suppression kind");
        assertFalse(errorsAfter(log, l -> ((ObjectNode) l.at("/runs/0/results/0")).put("unknownProperty", 1)).isEmpty(),
                "results allow no properties outside the schema");
    }

    @Test
    void schemaValidationChecksUriFormatsSoEncodingMatters() throws IOException {
        JsonNode log = realistic();
        List<ValidationMessage> space = errorsAfter(log, l -> ((ObjectNode) l.at("/runs/0/results/0/locations/0/physicalLocation/artifactLocation"))
                .put("uri", "target/linux amd64/my app"));
        assertFalse(space.isEmpty(), "an unencoded space is no URI reference");
        assertTrue(space.get(0).getInstanceLocation().toString().replace('/', '.').endsWith("artifactLocation.uri"), space::toString);
        assertFalse(errorsAfter(log, l -> ((ObjectNode) l.at("/runs/0/tool/driver")).put("informationUri", "docs/index.html")).isEmpty(),
                "informationUri must be absolute");
    }

    @Test
    void describesTheToolAndEveryRuleSeenOnce() throws IOException {
        JsonNode driver = run(realistic()).at("/tool/driver");
        assertEquals("go-hygiene-maven-plugin", driver.get("name").asText());
        assertEquals("0.1.0-SNAPSHOT", driver.get("version").asText());
        assertFalse(driver.has("informationUri"), "no information URI was given");
        List<String> ids = new ArrayList<>();
        driver.get("rules").forEach(rule -> {
            ids.add(rule.get("id").asText());
            assertFalse(rule.at("/shortDescription/text").asText().isBlank(), rule::toString);
        });
        assertEquals(List.of("cgo", "glibc", "hardening", "libraries", "linkage", "macos", "target", "windows"), ids);
        assertTrue(driver.at("/rules/1/shortDescription/text").asText().contains("GLIBC_"));
    }

    @Test
    void givesTheInformationUriWhenTheResultHasOne() throws IOException {
        VerifyResult plain = VerifyResults.realistic(dir);
        VerifyResult withUri = new VerifyResult(plain.binaries(), plain.toolName(), plain.toolVersion(), "https://example.org/go-hygiene");
        JsonNode log = written(withUri, dir);
        assertEquals("https://example.org/go-hygiene", run(log).at("/tool/driver/informationUri").asText());
        assertValid(log);
    }

    @Test
    void anUnknownRuleStillGetsADescription() throws IOException {
        VerifyResult result = VerifyResult.of(List.of(new BinaryVerification(dir.resolve("app"), Target.parse("linux/riscv64"),
                List.of(Finding.problem("riscvFloatAbi", "e_flags", "soft", "double", Verdict.FAIL, "soft-float ABI", "set GORISCV64")))), "1.0");
        JsonNode log = written(result, dir);
        assertEquals("go-hygiene rule 'riscvFloatAbi'.", run(log).at("/tool/driver/rules/0/shortDescription/text").asText());
        assertValid(log);
    }

    @Test
    void reportsFailuresAsErrorsWarningsAsWarningsAndLeavesPassesOut() throws IOException {
        JsonNode log = realistic();
        assertEquals(7, results(log).size(), "4 problems on linux, 2 on darwin, 1 on windows; no PASS, INFO or SKIP rows");
        assertEquals("error", result(log, "linkage", "linkage").get("level").asText());
        assertEquals("error", result(log, "glibc", "GLIBC_2.34").get("level").asText());
        assertEquals("error", result(log, "glibc", "GLIBCXX_3.4.29").get("level").asText());
        assertEquals("warning", result(log, "hardening", "RELRO").get("level").asText());
        assertEquals("warning", result(log, "libraries", "/usr/local/lib/libz.1.dylib").get("level").asText());
        assertEquals("error", result(log, "hardening", "DYNAMIC_BASE").get("level").asText());
        for (JsonNode r : results(log)) {
            int index = r.get("ruleIndex").asInt();
            assertEquals(r.get("ruleId").asText(), run(log).at("/tool/driver/rules/" + index + "/id").asText(), "ruleIndex points at its rule");
        }
    }

    @Test
    void everyResultIsOfKindFailWithALevelAsSarif210Says() throws IOException {
        for (JsonNode r : results(realistic())) {
            assertEquals("fail", r.get("kind").asText(), r::toString);
            assertTrue(List.of("error", "warning").contains(r.get("level").asText()), r::toString);
        }
    }

    @Test
    void eachBinaryIsAnArtifactWithItsVerdictAndACleanOneIsPass() throws IOException {
        Path project = VerifyResults.project(dir);
        BinaryVerification clean = new BinaryVerification(project.resolve("target/go/clean"), Target.parse("linux/amd64"), List.of(
                Finding.pass("target", "GOARCH", "amd64", "amd64"), Finding.info("cgo", "CGO_ENABLED", "0", "cgo is off"),
                Finding.skip("macos", "macOS", "not a macOS binary")));
        List<BinaryVerification> binaries = new ArrayList<>(VerifyResults.realistic(project).binaries());
        binaries.add(clean);
        JsonNode log = written(VerifyResult.of(binaries, "1.0"), project);
        assertValid(log);
        JsonNode artifacts = run(log).get("artifacts");
        assertEquals(4, artifacts.size());
        assertEquals("target/go/clean", artifacts.at("/3/location/uri").asText());
        assertEquals("PASS", artifacts.at("/3/properties/verdict").asText(), "n/a and info rows do not make a clean binary SKIP");
        assertEquals("linux/amd64", artifacts.at("/3/properties/targets/0").asText());
        assertEquals("FAIL", artifacts.at("/0/properties/verdict").asText());
        assertEquals("WARN", artifacts.at("/1/properties/verdict").asText(), "a warning and a waived violation");
        assertTrue(results(log).stream().noneMatch(r -> r.at("/locations/0/physicalLocation/artifactLocation/uri").asText().endsWith("clean")));
        JsonNode linkage = result(log, "linkage", "linkage");
        assertEquals(0, linkage.at("/locations/0/physicalLocation/artifactLocation/index").asInt(), "a result points at its artifact");
    }

    @Test
    void messageIsTheFindingsMessageThenItsHint() throws IOException {
        JsonNode glibc = result(realistic(), "glibc", "GLIBC_2.34");
        assertEquals(VerifyResults.GLIBC_MESSAGE + " Hint: build on a system with glibc <= 2.28, or in a container such as manylinux_2_28",
                glibc.at("/message/text").asText());
    }

    @Test
    void aWaivedViolationIsSuppressedWithTheWaiversReason() throws IOException {
        JsonNode log = realistic();
        JsonNode waived = result(log, "macos", "minos");
        assertEquals("warning", waived.get("level").asText());
        assertEquals(1, waived.get("suppressions").size());
        JsonNode suppression = waived.at("/suppressions/0");
        assertEquals("external", suppression.get("kind").asText());
        assertEquals("accepted", suppression.get("status").asText());
        assertEquals(VerifyResults.WAIVER_REASON, suppression.get("justification").asText());
        assertTrue(waived.at("/message/text").asText().contains("(waived: " + VerifyResults.WAIVER_REASON + ")"));
        assertEquals(1, results(log).stream().filter(r -> r.has("suppressions")).count(), "only the waived row is suppressed");
    }

    @Test
    void locationsAreProjectRelativeAndPercentEncoded() throws IOException {
        JsonNode log = realistic();
        JsonNode linux = result(log, "linkage", "linkage").at("/locations/0/physicalLocation/artifactLocation");
        assertEquals("target/go-hygiene/bin/linux%20amd64/my%20app", linux.get("uri").asText());
        assertEquals("%SRCROOT%", linux.get("uriBaseId").asText());

        JsonNode darwin = result(log, "macos", "minos").at("/locations/0/physicalLocation/artifactLocation");
        String uri = darwin.get("uri").asText();
        assertTrue(uri.chars().allMatch(c -> c > 0x20 && c < 0x7f), "ASCII only: " + uri);
        assertEquals(DARWIN_APP, URI.create(uri).getPath(), "decodes back to the path");

        JsonNode windows = result(log, "hardening", "DYNAMIC_BASE").at("/locations/0/physicalLocation/artifactLocation");
        assertEquals(WINDOWS_APP, windows.get("uri").asText());
    }

    @Test
    void aProjectRelativeBinaryPathIsResolvedAgainstTheProjectNotTheWorkingDirectory() throws IOException {
        Path project = VerifyResults.project(dir);
        List<Finding> rows = List.of(Finding.problem("linkage", "linkage", "dynamic", "static", Verdict.FAIL, "dynamic", "CGO_ENABLED=0"));
        JsonNode relative = written(VerifyResult.of(List.of(new BinaryVerification(Path.of(LINUX_APP), Target.parse("linux/amd64"), rows)), "1.0"),
                project);
        JsonNode absolute = written(VerifyResult.of(List.of(new BinaryVerification(project.resolve(LINUX_APP), Target.parse("linux/amd64"), rows)),
                "1.0"), project);
        assertEquals("target/go-hygiene/bin/linux%20amd64/my%20app", run(relative).at("/results/0/locations/0/physicalLocation/artifactLocation/uri").asText());
        assertEquals(run(absolute).get("results"), run(relative).get("results"));
    }

    @Test
    void reservedCharactersInFileNamesStayPartOfThePath() {
        assertEquals("dist/a%25b%23c%3Fd%3Ae/%D1%8F", ReportPaths.relativeUri("dist/a%b#c?d:e/я"));
        assertEquals("dist/a%b#c?d:e/я", URI.create(ReportPaths.relativeUri("dist/a%b#c?d:e/я")).getPath());
    }

    @Test
    void propertiesCarryTheEvidence() throws IOException {
        JsonNode properties = result(realistic(), "glibc", "GLIBC_2.34").get("properties");
        assertEquals("GLIBC_2.34", properties.get("seen").asText());
        assertEquals("<= 2.28", properties.get("expected").asText());
        assertEquals("GLIBC_2.34", properties.get("subject").asText());
        assertEquals("linux/amd64", properties.get("target").asText());
        assertEquals("FAIL", properties.get("verdict").asText());
    }

    @Test
    void aBinaryOutsideTheProjectIsNamedByAnAbsoluteFileUri() throws IOException {
        Path project = VerifyResults.project(dir);
        Path elsewhere = dir.resolve("other place/dist/app");
        VerifyResult result = VerifyResult.of(List.of(new BinaryVerification(elsewhere, Target.parse("linux/arm64"),
                List.of(Finding.problem("linkage", "linkage", "dynamic", "static", Verdict.FAIL, "dynamic", "CGO_ENABLED=0")))), "1.0");
        JsonNode log = written(result, project);
        JsonNode artifact = run(log).at("/results/0/locations/0/physicalLocation/artifactLocation");
        assertEquals(elsewhere.toAbsolutePath().normalize().toUri().toASCIIString(), artifact.get("uri").asText());
        assertTrue(artifact.get("uri").asText().startsWith("file:/"));
        assertFalse(artifact.has("uriBaseId"));
        assertValid(log);
    }

    @Test
    void theSameResultGivesTheSameBytes() throws IOException {
        Path project = VerifyResults.project(dir);
        byte[] first = SarifReport.render(VerifyResults.realistic(project), project);
        byte[] second = SarifReport.render(VerifyResults.realistic(project), project);
        assertArrayEquals(first, second);
        String text = new String(first, StandardCharsets.UTF_8);
        assertFalse(text.contains("\r"), "'\\n' line ends on every platform");
        assertTrue(text.endsWith("}\n"));
    }

    @Test
    void fingerprintsIdentifyAFindingNotItsValues() throws IOException {
        Path project = VerifyResults.project(dir);
        Target linux = Target.parse("linux/amd64");
        Finding glibc34 = Finding.problem("glibc", "GLIBC_2.34", "GLIBC_2.34", "<= 2.28", Verdict.FAIL, "too new", "older glibc");
        Finding glibc34LaterRun = Finding.problem("glibc", "GLIBC_2.34", "GLIBC_2.34", "<= 2.17", Verdict.FAIL, "much too new", "older glibc");
        Finding glibc35 = Finding.problem("glibc", "GLIBC_2.35", "GLIBC_2.35", "<= 2.28", Verdict.FAIL, "too new", "older glibc");
        JsonNode log = written(VerifyResult.of(List.of(new BinaryVerification(project.resolve(LINUX_APP), linux,
                List.of(glibc34, glibc35))), "1.0"), project);
        JsonNode later = written(VerifyResult.of(List.of(new BinaryVerification(project.resolve(LINUX_APP), linux,
                List.of(glibc34LaterRun))), "1.0"), project);
        String key = "/partialFingerprints/" + SarifReport.FINGERPRINT_KEY.replace("/", "~1");
        assertEquals(run(log).at("/results/0" + key).asText(), run(later).at("/results/0" + key).asText());
        assertNotEquals(run(log).at("/results/0" + key).asText(), run(log).at("/results/1" + key).asText());
        assertEquals(64, run(log).at("/results/0" + key).asText().length());
    }

    @Test
    void anEmptyResultIsValidSarif() throws IOException {
        JsonNode log = written(VerifyResult.of(List.of(), "1.0"), dir);
        assertEquals(0, ((ArrayNode) run(log).get("results")).size());
        assertEquals(0, run(log).at("/tool/driver/rules").size());
        assertValid(log);
    }
}
