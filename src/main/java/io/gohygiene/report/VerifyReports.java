package io.gohygiene.report;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.gohygiene.files.Sha256;
import io.gohygiene.rules.BinaryVerification;
import io.gohygiene.rules.BinaryVerifier;
import io.gohygiene.rules.VerifyResult;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes the verify goal's three reports into one directory: verify.json (the full parse and every finding),
 * verify.sarif (SARIF 2.1.0 for code-scanning UIs) and TEST-go-hygiene.xml (JUnit XML for CI servers).
 */
public final class VerifyReports {

    private VerifyReports() {
    }

    /**
     * @param files     the three reports
     * @param unchanged true when the reports of an earlier run already said all this and were left as they were
     */
    public record Written(List<Path> files, boolean unchanged) {
    }

    /** The key of what the reports in a directory say; beside them, so a clean removes both. */
    static final String KEY_FILE = ".verify-reports.key";

    /**
     * Writes the reports, or leaves them when a run before wrote them from the same binaries (path, size, time,
     * file key), the same findings and the same plugin build: a no-op build does not pay for rendering them.
     */
    public static Written write(List<BinaryVerifier.Verification> results, Path directory, Path baseDir, String toolVersion) throws IOException {
        Path json = directory.resolve("verify.json");
        Path sarif = directory.resolve("verify.sarif");
        Path junit = directory.resolve("TEST-go-hygiene.xml");
        List<Path> files = List.of(json, sarif, junit);
        Path keyFile = directory.resolve(KEY_FILE);
        String key = key(results, baseDir, toolVersion);
        if (key != null && files.stream().allMatch(Files::isRegularFile) && Files.isRegularFile(keyFile)
                && key.equals(Files.readString(keyFile, StandardCharsets.UTF_8))) {
            return new Written(files, true);
        }

        Files.createDirectories(directory);
        Files.deleteIfExists(keyFile);
        VerifyResult result = VerifyResult.of(results.stream()
                .map(v -> new BinaryVerification(v.shownAs(), v.target(), v.findings())).toList(), toolVersion);
        ReportPaths.write(json, (InspectionJson.toString(json(results)) + "\n").getBytes(StandardCharsets.UTF_8));
        SarifReport.write(result, sarif, baseDir);
        JUnitReport.write(result, junit, baseDir);
        // Written last: a run interrupted before this point leaves no key, and the next run writes the reports again.
        if (key != null) {
            Files.writeString(keyFile, key, StandardCharsets.UTF_8);
        }
        return new Written(files, false);
    }

    /** SHA-256 over everything the reports are made of; null when a binary cannot be looked at (then always write). */
    static String key(List<BinaryVerifier.Verification> results, Path baseDir, String toolVersion) {
        List<String> parts = new ArrayList<>(List.of(toolVersion, baseDir.toString(), pluginBuild()));
        try {
            for (BinaryVerifier.Verification v : results) {
                BasicFileAttributes a = Files.readAttributes(v.file(), BasicFileAttributes.class);
                parts.addAll(List.of(v.file().toAbsolutePath().toString(), a.size() + "@" + a.lastModifiedTime() + "@" + a.fileKey(),
                        v.shownAs().toString(), v.target().toString(), v.findings().toString()));
            }
        } catch (IOException e) {
            return null;
        }
        return Sha256.hexOf(parts.toArray(String[]::new));
    }

    /** The plugin's own jar, by size and time: a rebuilt SNAPSHOT with a changed parser rewrites the reports. */
    private static String pluginBuild() {
        try {
            Path code = Path.of(VerifyReports.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            BasicFileAttributes a = Files.readAttributes(code, BasicFileAttributes.class);
            return code + "@" + a.size() + "@" + a.lastModifiedTime().toMillis();
        } catch (Exception e) {
            return "unknown@" + System.nanoTime();
        }
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
            // A file that could not be read has no inspection; its failing "readable" finding says why.
            if (v.report() != null) {
                node.set("inspection", InspectionJson.tree(v.report()));
            } else {
                node.putNull("inspection");
            }
        }
        return root;
    }
}
