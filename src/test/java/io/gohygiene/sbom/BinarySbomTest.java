package io.gohygiene.sbom;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.gohygiene.binary.BinaryInspector;
import io.gohygiene.files.Sha256;
import io.gohygiene.platform.Target;
import io.gohygiene.testing.GoBinaries;
import io.gohygiene.testing.GoOnPath;
import org.cyclonedx.Version;
import org.cyclonedx.parsers.JsonParser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * SBOMs of real binaries built by the tests, validated against CycloneDX 1.6's schema and compared with the
 * reference tools: the modules with {@code go version -m}, the ELF libraries with {@code readelf -d}.
 */
class BinarySbomTest {

    @TempDir
    Path work;

    @Test
    void theModulesAreGoVersionMsWithTheReplacementLinkedAndTheOriginalAsItsAncestor() throws Exception {
        Path exe = GoBinaries.build("withdeps", "linux", "amd64", Map.of());
        JsonNode bom = writeValidated(exe, Target.parse("linux/amd64"));

        Set<String> fromGo = new TreeSet<>();
        Set<String> fromSbom = new TreeSet<>();
        String goVersion = null;
        List<String> lines = run(GoOnPath.executable().toString(), "version", "-m", exe.toString());
        for (int i = 0; i < lines.size(); i++) {
            String[] f = lines.get(i).strip().split("\t", -1);
            if (i == 0) {
                goVersion = lines.get(0).substring(lines.get(0).indexOf(": ") + 2).strip();
            } else if (f[0].equals("dep")) {
                boolean replaced = i + 1 < lines.size() && lines.get(i + 1).strip().startsWith("=>");
                String[] r = replaced ? lines.get(i + 1).strip().split("\t", -1) : null;
                if (!replaced) {
                    fromGo.add(f[1] + "@" + f[2] + " " + (f.length > 3 ? f[3] : ""));
                } else if (!r[1].startsWith(".") && !r[1].startsWith("/")) {
                    fromGo.add(r[1] + "@" + r[2] + " " + r[3] + " replaces " + f[1] + "@" + f[2]);
                } else {
                    fromGo.add(f[1] + "@" + f[2] + " dir " + r[1]);
                }
            }
        }
        for (JsonNode c : bom.get("components")) {
            String name = c.get("name").asText();
            if (name.equals("std")) {
                assertEquals(goVersion, c.get("version").asText());
                assertEquals("pkg:golang/std@" + goVersion, c.get("purl").asText());
                continue;
            }
            Map<String, String> p = properties(c);
            String h1 = c.has("hashes") ? "h1:" + java.util.Base64.getEncoder().encodeToString(
                    java.util.HexFormat.of().parseHex(c.get("hashes").get(0).get("content").asText())) : "";
            if (p.containsKey("go-hygiene:replacedByDirectory")) {
                fromSbom.add(p.get("go-hygiene:replaces") + " dir " + p.get("go-hygiene:replacedByDirectory"));
            } else if (p.containsKey("go-hygiene:replaces")) {
                JsonNode ancestor = c.get("pedigree").get("ancestors").get(0);
                assertEquals(p.get("go-hygiene:replaces"), ancestor.get("name").asText() + "@" + ancestor.get("version").asText());
                fromSbom.add(name + "@" + c.get("version").asText() + " " + h1 + " replaces " + p.get("go-hygiene:replaces"));
            } else {
                assertEquals("pkg:golang/" + name + "@" + c.get("version").asText(), c.get("purl").asText());
                fromSbom.add(name + "@" + c.get("version").asText() + " " + h1);
            }
        }
        assertTrue(fromGo.size() >= 4, fromGo.toString());
        assertTrue(fromGo.stream().anyMatch(s -> s.contains(" replaces rsc.io/sampler@v1.3.0")), fromGo.toString());
        assertTrue(fromGo.stream().anyMatch(s -> s.contains(" dir ./local")), fromGo.toString());
        assertEquals(fromGo, fromSbom);

        JsonNode root = bom.get("metadata").get("component");
        assertEquals(Sha256.hex(exe), root.get("hashes").get(0).get("content").asText());
        Map<String, String> settings = properties(root);
        assertEquals("linux", settings.get("go-hygiene:build:GOOS"));
        assertEquals("amd64", settings.get("go-hygiene:build:GOARCH"));
        assertEquals("0", settings.get("go-hygiene:build:CGO_ENABLED"));
        assertFalse(settings.keySet().stream().anyMatch(k -> k.contains("ldflags")), "ldflags may carry secrets: " + settings);
    }

    @Test
    void aCgoBinarysCLibrariesAreReadelfsNeededWithTheirGlibcVersions() throws Exception {
        Path exe = GoBinaries.build("cgo", "linux", "amd64", Map.of("CGO_ENABLED", "1"));
        JsonNode bom = writeValidated(exe, Target.parse("linux/amd64"));

        List<String> needed = new ArrayList<>();
        for (String line : run("readelf", "-dW", exe.toString())) {
            if (line.contains("(NEEDED)")) {
                needed.add(line.substring(line.indexOf('[') + 1, line.indexOf(']')));
            }
        }
        List<String> libraries = new ArrayList<>();
        String glibc = null;
        for (JsonNode c : bom.get("components")) {
            Map<String, String> p = properties(c);
            if (c.get("bom-ref").asText().startsWith("native:") && !"interpreter".equals(p.get("go-hygiene:elf:role"))) {
                libraries.add(c.get("name").asText());
                if (c.get("name").asText().equals("libc.so.6")) {
                    glibc = p.get("go-hygiene:elf:versionNeeds");
                }
            }
        }
        assertFalse(needed.isEmpty());
        assertEquals(needed, libraries);
        assertTrue(glibc != null && glibc.contains("GLIBC_2."), String.valueOf(glibc));
    }

    @Test
    void machoAndPeBinariesListTheirDylibsAndDlls() throws Exception {
        JsonNode darwin = writeValidated(GoBinaries.build("darwin", "arm64"), Target.parse("darwin/arm64"));
        assertTrue(names(darwin).contains("/usr/lib/libSystem.B.dylib"), names(darwin).toString());
        JsonNode windows = writeValidated(GoBinaries.build("windows", "amd64"), Target.parse("windows/amd64"));
        assertTrue(names(windows).stream().anyMatch(n -> n.equalsIgnoreCase("kernel32.dll")), names(windows).toString());
    }

    @Test
    void theSameBinaryGivesTheSameBytesAndTheFileIsNamedForItsTarget() throws Exception {
        Path exe = GoBinaries.build("linux", "arm64");
        Path one = BinarySbom.fileFor(work.resolve("a"), Target.parse("linux/arm64"), exe);
        Path two = BinarySbom.fileFor(work.resolve("b"), Target.parse("linux/arm64"), exe);
        BinarySbom.write(BinarySbom.of(BinaryInspector.inspect(exe), Target.parse("linux/arm64"), Sha256.hex(exe), "1.0"), one);
        BinarySbom.write(BinarySbom.of(BinaryInspector.inspect(exe), Target.parse("linux/arm64"), Sha256.hex(exe), "1.0"), two);
        assertEquals(work.resolve("a/linux_arm64/" + exe.getFileName() + ".cdx.json"), one);
        assertEquals(Files.readString(one), Files.readString(two));
    }

    /** The vulnerabilities rule's findings on real binaries and the real database, as the SBOM's vulnerabilities. */
    @Test
    void theVulnerabilitiesFoundAreInTheSbomLinkedOrMarkedNotAffected() throws Exception {
        io.gohygiene.vulndb.VulnDatabase db = io.gohygiene.vulndb.VulnDatabase.open(io.gohygiene.vulndb.RealVulnDb.module().dir(), work.resolve("index"));
        io.gohygiene.rules.VulnerabilityRule rule = io.gohygiene.rules.VulnerabilityRule.over(db, "vulndb");
        Target target = Target.parse("linux/amd64");
        for (String program : List.of("vulnlinked", "vulnunlinked")) {
            Path exe = GoBinaries.build(program, "linux", "amd64", Map.of(), "-ldflags=-s -w");
            io.gohygiene.binary.BinaryReport report = BinaryInspector.inspect(exe);
            Path file = BinarySbom.fileFor(work, target, exe);
            BinarySbom.write(BinarySbom.of(report, target, Sha256.hex(exe), "0.1.0-test",
                    rule.evaluate(report, target, io.gohygiene.rules.RuleSettings.none())), file);
            assertEquals(List.of(), new JsonParser().validate(file.toFile(), Version.VERSION_16).stream().map(Throwable::getMessage).toList());
            JsonNode bom = new ObjectMapper().readTree(file.toFile());
            JsonNode vuln = null;
            for (JsonNode v : bom.get("vulnerabilities")) {
                if (v.get("id").asText().equals("GO-2022-1059")) {
                    vuln = v;
                }
            }
            assertTrue(vuln != null, program + ": " + bom.get("vulnerabilities"));
            assertEquals("pkg:golang/golang.org/x/text@v0.3.7", vuln.get("affects").get(0).get("ref").asText());
            assertEquals("CVE-2022-32149", vuln.get("references").get(0).get("id").asText());
            if (program.equals("vulnlinked")) {
                assertTrue(vuln.get("description").asText().contains("symbols linked: language.ParseAcceptLanguage"), vuln.toString());
                assertFalse(vuln.has("analysis"), vuln.toString());
            } else {
                assertEquals("not_affected", vuln.get("analysis").get("state").asText());
                assertEquals("code_not_present", vuln.get("analysis").get("justification").asText());
            }
        }
    }

    @Test
    void h1SumsBecomeHexSha256AndAnythingElseIsLeftOut() {
        assertEquals(java.util.Optional.of("0b2a06a5bba82ba43f59d8eb53a8b0fc7b6a2f1bbbbcf1c88dc6bb60fa7ef0a8"),
                BinarySbom.h1AsSha256("h1:CyoGpbuoK6Q/WdjrU6iw/HtqLxu7vPHIjca7YPp+8Kg="));
        assertEquals(java.util.Optional.empty(), BinarySbom.h1AsSha256(""));
        assertEquals(java.util.Optional.empty(), BinarySbom.h1AsSha256("h2:abc"));
        assertEquals(java.util.Optional.empty(), BinarySbom.h1AsSha256("h1:not base64!"));
    }

    private JsonNode writeValidated(Path exe, Target target) throws Exception {
        Path file = BinarySbom.fileFor(work, target, exe);
        BinarySbom.write(BinarySbom.of(BinaryInspector.inspect(exe), target, Sha256.hex(exe), "0.1.0-test"), file);
        assertEquals(List.of(), new JsonParser().validate(file.toFile(), Version.VERSION_16).stream().map(Throwable::getMessage).toList());
        JsonNode bom = new ObjectMapper().readTree(file.toFile());
        assertEquals("CycloneDX", bom.get("bomFormat").asText());
        assertEquals("1.6", bom.get("specVersion").asText());
        return bom;
    }

    private static List<String> names(JsonNode bom) {
        List<String> names = new ArrayList<>();
        bom.get("components").forEach(c -> names.add(c.get("name").asText()));
        return names;
    }

    private static Map<String, String> properties(JsonNode c) {
        Map<String, String> p = new java.util.LinkedHashMap<>();
        if (c.has("properties")) {
            c.get("properties").forEach(x -> p.put(x.get("name").asText(), x.get("value").asText()));
        }
        return p;
    }

    private static List<String> run(String... argv) throws Exception {
        Process p = new ProcessBuilder(argv).redirectErrorStream(true).start();
        List<String> lines = new String(p.getInputStream().readAllBytes()).lines().toList();
        assertEquals(0, p.waitFor(), String.join("\n", lines));
        return lines;
    }
}
