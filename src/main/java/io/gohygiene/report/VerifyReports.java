package io.gohygiene.report;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.gohygiene.rules.BinaryVerification;
import io.gohygiene.rules.BinaryVerifier;
import io.gohygiene.rules.VerifyResult;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Writes the verify goal's three reports into one directory: verify.json (the full parse and every finding),
 * verify.sarif (SARIF 2.1.0 for code-scanning UIs) and TEST-go-hygiene.xml (JUnit XML for CI servers).
 */
public final class VerifyReports {

    private VerifyReports() {
    }

    public static List<Path> write(List<BinaryVerifier.Verification> results, Path directory, Path baseDir, String toolVersion) throws IOException {
        Files.createDirectories(directory);
        VerifyResult result = VerifyResult.of(results.stream()
                .map(v -> new BinaryVerification(v.shownAs(), v.target(), v.findings())).toList(), toolVersion);

        Path json = directory.resolve("verify.json");
        Files.writeString(json, InspectionJson.toString(json(results)) + "\n", StandardCharsets.UTF_8);
        Path sarif = directory.resolve("verify.sarif");
        SarifReport.write(result, sarif, baseDir);
        Path junit = directory.resolve("TEST-go-hygiene.xml");
        JUnitReport.write(result, junit, baseDir);
        return List.of(json, sarif, junit);
    }

    private static ObjectNode json(List<BinaryVerifier.Verification> results) {
        ObjectNode root = JsonNodeFactory.instance.objectNode();
        ArrayNode binaries = root.putArray("binaries");
        for (BinaryVerifier.Verification v : results) {
            ObjectNode node = binaries.addObject();
            node.put("file", v.shownAs().toString());
            node.put("target", v.target().name());
            node.put("verdict", BinaryVerification.worst(v.findings()).name());
            node.set("findings", InspectionJson.tree(v.findings()));
            node.set("inspection", InspectionJson.tree(v.report()));
        }
        return root;
    }
}
