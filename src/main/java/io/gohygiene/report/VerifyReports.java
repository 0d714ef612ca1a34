package io.gohygiene.report;

import com.fasterxml.jackson.core.JsonGenerator;
import io.gohygiene.files.Sha256;
import io.gohygiene.rules.BinaryVerification;
import io.gohygiene.rules.BinaryVerifier;
import io.gohygiene.rules.VerifyResult;

import java.io.IOException;
import java.io.OutputStream;
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
        ReportPaths.write(json, out -> writeJson(results, out));
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

    /** verify.json, streamed one binary at a time: 1,250 binaries fit in a 64 MiB heap (issue 15). */
    static void writeJson(List<BinaryVerifier.Verification> results, OutputStream out) throws IOException {
        try (JsonGenerator json = InspectionJson.generator(out)) {
            json.writeStartObject();
            json.writeArrayFieldStart("binaries");
            for (BinaryVerifier.Verification v : results) {
                json.writeStartObject();
                json.writeStringField("file", v.shownAs().toString());
                json.writeStringField("target", v.target().name());
                json.writeStringField("verdict", BinaryVerification.worst(v.findings()).name());
                json.writeFieldName("findings");
                json.writeTree(InspectionJson.tree(v.findings()));
                // A file that could not be read has no inspection; its failing "readable" finding says why.
                json.writeFieldName("inspection");
                if (v.report() != null) {
                    json.writeTree(InspectionJson.tree(v.report()));
                } else {
                    json.writeNull();
                }
                json.writeEndObject();
            }
            json.writeEndArray();
            json.writeEndObject();
        }
        out.write('\n');
    }
}
