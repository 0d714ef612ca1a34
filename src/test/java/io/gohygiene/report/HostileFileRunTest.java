package io.gohygiene.report;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.gohygiene.finding.Finding;
import io.gohygiene.finding.Verdict;
import io.gohygiene.platform.Target;
import io.gohygiene.rules.BinaryToVerify;
import io.gohygiene.rules.BinaryVerifier;
import io.gohygiene.rules.RuleCatalog;
import io.gohygiene.rules.RuleSettings;
import io.gohygiene.rules.VerifyPolicy;
import io.gohygiene.rules.VerifyRun;
import io.gohygiene.testing.GoBinaries;
import io.gohygiene.testing.HostileMutants;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamReader;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * issue 15, "Must show": the hostile-file run in one JVM with a 64 MiB heap. 1,250 deterministic mutants of five
 * real Go executables (ELF amd64, arm64 and cgo, Mach-O arm64, PE amd64) go through verify (all rules, the default
 * policy, all declared Go) and its three reports, and through inspect to JSON: every file is verified or reported
 * by name in every report, none twice, none left out; a mutant whose build info was broken never passes; nothing
 * escapes but findings. Runs in the low-memory Surefire execution (-Xmx64m).
 */
@Tag("lowmem")
class HostileFileRunTest {

    private static final int PER_SEED = 250;
    private static final long SEED = 15;

    @TempDir
    Path project;

    @Test
    void everyMutantOfFiveRealBinariesIsVerifiedOrReportedByNameInEveryReportInA64MibHeap() throws Exception {
        assertTrue(Runtime.getRuntime().maxMemory() <= 64L << 20, "this test must run with -Xmx64m, not " + Runtime.getRuntime().maxMemory());
        Map<String, Path> seeds = new LinkedHashMap<>();
        seeds.put("linux/amd64", GoBinaries.build("linux", "amd64"));
        seeds.put("linux/arm64", GoBinaries.build("linux", "arm64"));
        seeds.put("linux/amd64 cgo", GoBinaries.build("cgo", "linux", "amd64", Map.of("CGO_ENABLED", "1", "CC", "gcc")));
        seeds.put("darwin/arm64", GoBinaries.build("darwin", "arm64"));
        seeds.put("windows/amd64", GoBinaries.build("windows", "amd64"));
        long start = System.nanoTime();

        Path mutants = Files.createDirectories(project.resolve("mutants"));
        List<BinaryToVerify> inputs = new ArrayList<>();
        Map<String, HostileMutants.Kind> kinds = new HashMap<>();
        Map<String, String> mutations = new HashMap<>();
        int s = 0;
        for (Map.Entry<String, Path> seed : seeds.entrySet()) {
            HostileMutants maker = new HostileMutants(seed.getKey().replace(' ', '-').replace('/', '-'), seed.getValue());
            Target target = Target.parse(seed.getKey().split(" ")[0]);
            for (int i = 0; i < PER_SEED; i++) {
                Path file = mutants.resolve(String.format("m%d-%03d-%s", s, i, HostileMutants.kind(i).name().toLowerCase()));
                mutations.put(project.relativize(file).toString(), maker.write(file, SEED + s, i));
                inputs.add(new BinaryToVerify(file, target, true));
                kinds.put(project.relativize(file).toString(), HostileMutants.kind(i));
            }
            s++;
        }
        long made = System.nanoTime();
        resetPeakHeap();

        BinaryVerifier verifier = new BinaryVerifier(RuleCatalog.all(), VerifyPolicy.of(RuleSettings.none()));
        List<BinaryVerifier.Verification> results = VerifyRun.verifyAll(verifier, inputs, project);
        Path reports = project.resolve("target/go-hygiene");
        VerifyReports.write(results, reports, project, "0.0.0-test");

        Set<String> files = new TreeSet<>(kinds.keySet());
        assertEquals(seeds.size() * PER_SEED, files.size());
        int unreadable = 0;
        int failing = 0;
        int passingBlobFlips = 0;
        Map<String, Integer> passingZeroed = new java.util.TreeMap<>();
        Map<HostileMutants.Kind, int[]> byKind = new java.util.EnumMap<>(HostileMutants.Kind.class); // files, failing
        for (BinaryVerifier.Verification v : results) {
            String name = v.shownAs().toString();
            List<Finding> fails = v.findings().stream().filter(f -> f.verdict() == Verdict.FAIL).toList();
            boolean readableFails = fails.stream().anyMatch(f -> f.check().equals(VerifyRun.READABLE));
            assertTrue(readableFails || (v.report() != null && !v.findings().isEmpty()), name + ": neither a report with findings nor a failing readable finding");
            unreadable += readableFails ? 1 : 0;
            failing += fails.isEmpty() ? 0 : 1;
            if (kinds.get(name) == HostileMutants.Kind.BUILD_INFO_BROKEN) {
                assertTrue(!fails.isEmpty(), name + ": its build info is broken, yet it passes: " + v.findings());
            }
            String mutation = mutations.get(name);
            if (mutation.endsWith("=0") && HostileMutants.LOADER_COUNTS.contains(mutation.substring(0, mutation.length() - 2))) {
                assertTrue(!fails.isEmpty(), name + ": " + mutation + " cannot be loaded by the OS, yet it passes: " + v.findings());
            }
            if (fails.isEmpty() && kinds.get(name) == HostileMutants.Kind.COUNT_ZEROED) {
                passingZeroed.merge(mutation, 1, Integer::sum);
            }
            int[] tally = byKind.computeIfAbsent(kinds.get(name), k -> new int[2]);
            tally[0]++;
            tally[1] += fails.isEmpty() ? 0 : 1;
            passingBlobFlips += kinds.get(name) == HostileMutants.Kind.FLIPS_IN_BUILD_INFO && fails.isEmpty() ? 1 : 0;
        }
        assertEquals(files, occurrences(results.stream().map(v -> v.shownAs().toString()).toList()));

        assertEquals(files, occurrences(jsonArray(reports.resolve("verify.json"), "binaries", b -> {
        }, "file")), "verify.json: every file once");
        List<String> artifacts = new ArrayList<>();
        jsonArray(reports.resolve("verify.sarif"), "artifacts", a -> artifacts.add(a.path("location").path("uri").asText()), null);
        assertEquals(files, occurrences(artifacts), "verify.sarif: every file one artifact");
        assertEquals(files, junitClassnames(reports.resolve("TEST-go-hygiene.xml")), "TEST-go-hygiene.xml: every file has its test cases");
        long verified = System.nanoTime();

        Path inspection = project.resolve("inspect.json");
        InspectionSummary summary;
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(inspection))) {
            summary = Inspection.run(List.of(mutants), InspectionFormat.JSON, out);
        }
        List<String> inspected = new ArrayList<>();
        jsonArray(inspection, null, e -> inspected.add(project.relativize(Path.of(e.get("file").asText())).toString()), null);
        assertEquals(files, occurrences(inspected), "inspect JSON: every file one entry");
        assertEquals(files.size(), summary.files());
        long end = System.nanoTime();

        System.out.printf("hostile-file run: %d files, %d failing (%d unreadable), %d of %d flipped-build-info mutants pass; "
                        + "mutants made in %.1f s, verify + 3 reports %.1f s, inspect JSON %.1f s (%d unreadable); heap pools' peaks summed %.1f MiB (max heap %d MiB)%n",
                files.size(), failing, unreadable, passingBlobFlips, files.size() / HostileMutants.Kind.values().length,
                (made - start) / 1e9, (verified - made) / 1e9, (end - verified) / 1e9, summary.failures().size(),
                peakHeap() / 1048576.0, Runtime.getRuntime().maxMemory() >> 20);
        System.out.println("  zeroed counts that pass (the OS loads such a file): " + passingZeroed);
        byKind.forEach((k, t) -> System.out.printf("  %s: %d files, %d failing%n", k, t[0], t[1]));
        ManagementFactory.getMemoryPoolMXBeans().stream().filter(p -> p.getType() == MemoryType.HEAP)
                .forEach(p -> System.out.printf("  peak %s: %.1f MiB%n", p.getName(), p.getPeakUsage().getUsed() / 1048576.0));
    }

    /** The names, each of which must occur exactly once. */
    private static Set<String> occurrences(List<String> names) {
        Set<String> once = new TreeSet<>();
        for (String n : names) {
            assertTrue(once.add(n), n + " appears more than once");
        }
        return once;
    }

    /**
     * Streams the elements of the first array named {@code field} (or the top-level array when null), each read as a
     * small tree and handed to {@code each}; returns the {@code key} text of each element when {@code key} is set.
     */
    private static List<String> jsonArray(Path file, String field, Consumer<JsonNode> each, String key) throws Exception {
        ObjectMapper mapper = new ObjectMapper();
        List<String> keys = new ArrayList<>();
        try (JsonParser json = mapper.createParser(file.toFile())) {
            JsonToken token;
            while ((token = json.nextToken()) != null) {
                if (token == JsonToken.START_ARRAY && (field == null || field.equals(json.currentName()))) {
                    while (json.nextToken() == JsonToken.START_OBJECT) {
                        JsonNode element = mapper.readTree(json);
                        each.accept(element);
                        if (key != null) {
                            keys.add(element.get(key).asText());
                        }
                    }
                    return keys;
                }
            }
        }
        throw new AssertionError(file + " has no array " + field);
    }

    /** The distinct class names of the JUnit report's test cases: one per binary. */
    private static Set<String> junitClassnames(Path file) throws Exception {
        Set<String> names = new TreeSet<>();
        try (InputStream in = Files.newInputStream(file)) {
            XMLStreamReader xml = XMLInputFactory.newDefaultFactory().createXMLStreamReader(in);
            while (xml.hasNext()) {
                if (xml.next() == XMLStreamConstants.START_ELEMENT && xml.getLocalName().equals("testcase")) {
                    names.add(xml.getAttributeValue(null, "classname"));
                }
            }
        }
        return names;
    }

    private static void resetPeakHeap() {
        System.gc();
        ManagementFactory.getMemoryPoolMXBeans().forEach(MemoryPoolMXBean::resetPeakUsage);
    }

    private static long peakHeap() {
        return ManagementFactory.getMemoryPoolMXBeans().stream().filter(p -> p.getType() == MemoryType.HEAP)
                .mapToLong(p -> p.getPeakUsage().getUsed()).sum();
    }
}
