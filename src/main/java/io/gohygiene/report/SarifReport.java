package io.gohygiene.report;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.gohygiene.files.Sha256;
import io.gohygiene.finding.Finding;
import io.gohygiene.finding.Verdict;
import io.gohygiene.rules.BinaryVerification;
import io.gohygiene.rules.VerifyResult;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The verify result as SARIF 2.1.0 (OASIS), for code-scanning UIs: one run, the rules that reported anything, every
 * binary as an artifact with its verdict (PASS, WAIVED, WARN or FAIL, as in verify.json), and one result of kind
 * {@code fail} per violation, warning and waived violation (the latter suppressed, with the waiver's reason). Passing,
 * informational and not-applicable rows are not results: code scanning (GitHub's subset of SARIF has no {@code kind})
 * would show them as alerts. The same result gives the same bytes.
 */
public final class SarifReport {

    /** The schema the output follows: SARIF 2.1.0 as published with errata 01. */
    public static final String SCHEMA_URI = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json";
    /** Where result locations are relative to: the project directory, by SARIF's convention. */
    public static final String SRCROOT = "%SRCROOT%";
    /** partialFingerprints key: one finding keeps its identity across runs even when the values it saw change. */
    static final String FINGERPRINT_KEY = "goHygieneFinding/v1";

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final ObjectMapper JSON = new ObjectMapper().disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);

    private SarifReport() {
    }

    /**
     * Writes {@code result} to {@code out} (parent directories created), binaries named relative to {@code baseDir}
     * (the project directory) under {@value #SRCROOT}, or by absolute file URI when they lie outside it. A relative
     * binary path is taken as relative to {@code baseDir}.
     */
    public static void write(VerifyResult result, Path out, Path baseDir) throws IOException {
        ReportPaths.write(out, render(result, baseDir));
    }

    /** The SARIF log, UTF-8, indented with '\n' line ends whatever the platform. */
    public static byte[] render(VerifyResult result, Path baseDir) {
        ObjectNode log = toJson(result, baseDir);
        DefaultPrettyPrinter printer = new DefaultPrettyPrinter().withObjectIndenter(new DefaultIndenter("  ", "\n"))
                .withArrayIndenter(new DefaultIndenter("  ", "\n"));
        try (ByteArrayOutputStream buffer = new ByteArrayOutputStream()) {
            writeTo(log, printer, buffer);
            buffer.write('\n');
            return buffer.toByteArray();
        } catch (IOException e) {
            throw new IllegalStateException("a SARIF report could not be rendered", e);
        }
    }

    /** The SARIF log as a JSON tree. */
    public static ObjectNode toJson(VerifyResult result, Path baseDir) {
        Map<String, Integer> ruleIndex = ruleIndex(result);

        ObjectNode driver = NODES.objectNode();
        driver.put("name", result.toolName());
        driver.put("version", result.toolVersion());
        if (result.toolInformationUri() != null) {
            driver.put("informationUri", result.toolInformationUri());
        }
        ArrayNode rules = driver.putArray("rules");
        for (String id : ruleIndex.keySet()) {
            ObjectNode rule = rules.addObject();
            rule.put("id", id);
            rule.putObject("shortDescription").put("text", RuleDescriptions.of(id));
        }

        ObjectNode run = NODES.objectNode();
        run.putObject("tool").set("driver", driver);
        Map<String, ObjectNode> artifacts = artifacts(result, baseDir);
        ArrayNode artifactArray = run.putArray("artifacts");
        artifacts.values().forEach(artifactArray::add);
        List<String> artifactPaths = List.copyOf(artifacts.keySet());
        ArrayNode results = run.putArray("results");
        for (BinaryVerification binary : result.binaries()) {
            for (Finding f : binary.findings()) {
                if (isReported(f.verdict())) {
                    int artifactIndex = artifactPaths.indexOf(shownPath(baseDir, binary));
                    results.add(result(f, binary, baseDir, ruleIndex.get(f.check()), artifactIndex));
                }
            }
        }

        ObjectNode log = NODES.objectNode();
        log.put("$schema", SCHEMA_URI);
        log.put("version", "2.1.0");
        log.putArray("runs").add(run);
        return log;
    }

    private static boolean isReported(Verdict verdict) {
        return verdict == Verdict.FAIL || verdict == Verdict.WARN || verdict == Verdict.WAIVED;
    }

    /** Every rule id any binary reported, sorted, with its index in the driver's rules. */
    private static Map<String, Integer> ruleIndex(VerifyResult result) {
        Map<String, Integer> index = new TreeMap<>();
        result.binaries().forEach(b -> b.findings().forEach(f -> index.put(f.check(), 0)));
        int i = 0;
        for (Map.Entry<String, Integer> e : index.entrySet()) {
            e.setValue(i++);
        }
        return index;
    }

    /**
     * One artifact per binary file, keyed by its shown path, in the order checked: its verdict is the worst of the
     * verdicts it got (a universal Mach-O is checked once per target), and it lists those targets.
     */
    private static Map<String, ObjectNode> artifacts(VerifyResult result, Path baseDir) {
        Map<String, ObjectNode> artifacts = new LinkedHashMap<>();
        for (BinaryVerification binary : result.binaries()) {
            ObjectNode artifact = artifacts.computeIfAbsent(shownPath(baseDir, binary), path -> {
                ObjectNode a = NODES.objectNode();
                a.set("location", artifactLocation(binary, baseDir));
                a.putArray("roles").add("analysisTarget");
                a.putObject("properties").put("verdict", Verdict.PASS.name()).putArray("targets");
                return a;
            });
            ObjectNode properties = (ObjectNode) artifact.get("properties");
            Verdict verdict = binary.worstVerdict();
            if (verdict.compareTo(Verdict.valueOf(properties.get("verdict").asText())) > 0) {
                properties.put("verdict", verdict.name());
            }
            ((ArrayNode) properties.get("targets")).add(binary.target().name());
        }
        return artifacts;
    }

    /** The binary's path relative to the project, or its absolute path when it lies outside. */
    private static String shownPath(Path baseDir, BinaryVerification binary) {
        String relative = ReportPaths.relative(baseDir, binary.file());
        return relative != null ? relative : ReportPaths.absolute(baseDir, binary.file()).toString();
    }

    private static ObjectNode artifactLocation(BinaryVerification binary, Path baseDir) {
        ObjectNode location = NODES.objectNode();
        String relative = ReportPaths.relative(baseDir, binary.file());
        if (relative != null) {
            location.put("uri", ReportPaths.relativeUri(relative));
            location.put("uriBaseId", SRCROOT);
        } else {
            location.put("uri", ReportPaths.absolute(baseDir, binary.file()).toUri().toASCIIString());
        }
        return location;
    }

    private static ObjectNode result(Finding f, BinaryVerification binary, Path baseDir, int ruleIndex, int artifactIndex) {
        ObjectNode r = NODES.objectNode();
        r.put("ruleId", f.check());
        r.put("ruleIndex", ruleIndex);
        // SARIF 2.1.0 3.27.9/3.27.10: a violation is kind "fail" with level error or warning. A waiver does not say
        // whether it accepted an error or a warning: a waived row is shown as a warning.
        r.put("kind", "fail");
        r.put("level", f.verdict() == Verdict.FAIL ? "error" : "warning");
        r.putObject("message").put("text", ReportText.messageWithHint(f));

        ObjectNode artifact = artifactLocation(binary, baseDir);
        artifact.put("index", artifactIndex);
        r.putArray("locations").addObject().putObject("physicalLocation").set("artifactLocation", artifact);

        r.putObject("partialFingerprints").put(FINGERPRINT_KEY,
                fingerprint(f.check(), binary.target().name(), shownPath(baseDir, binary), f.subject()));

        if (f.verdict() == Verdict.WAIVED) {
            ObjectNode suppression = r.putArray("suppressions").addObject();
            suppression.put("kind", "external");
            suppression.put("status", "accepted");
            ReportText.waiverReason(f).ifPresent(reason -> suppression.put("justification", reason));
        }

        ObjectNode properties = r.putObject("properties");
        properties.put("subject", f.subject());
        properties.put("seen", f.seen());
        properties.put("expected", f.expected());
        properties.put("target", binary.target().name());
        properties.put("verdict", f.verdict().name());
        return r;
    }

    private static String fingerprint(String... parts) {
        return Sha256.hexOf(parts);
    }

    private static void writeTo(ObjectNode log, DefaultPrettyPrinter printer, OutputStream out) throws IOException {
        JSON.writer(printer).writeValue(out, log);
    }
}
