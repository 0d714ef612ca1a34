package io.gohygiene.platform;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.gohygiene.process.CommandLine;
import io.gohygiene.process.ProcessResult;
import io.gohygiene.process.ProcessRunner;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Built from what the real go prints for {@code go tool dist list -json}. */
class SupportedPlatformsTest {

    private static final Map<String, String> GO_ENV = Map.of("GOTOOLCHAIN", "local", "GOFLAGS", "");

    private static SupportedPlatforms platforms;
    private static String goVersion;
    private static Set<String> distList;

    @BeforeAll
    static void askTheRealGo() throws Exception {
        goVersion = go("env", "GOVERSION").strip();
        List<SupportedPlatforms.Entry> entries = new ArrayList<>();
        for (JsonNode row : new ObjectMapper().readTree(go("tool", "dist", "list", "-json"))) {
            entries.add(new SupportedPlatforms.Entry(new Platform(row.path("GOOS").asText(), row.path("GOARCH").asText()),
                    row.path("CgoSupported").asBoolean(), row.path("FirstClass").asBoolean()));
        }
        platforms = new SupportedPlatforms(entries, goVersion);
        distList = new TreeSet<>(go("tool", "dist", "list").lines().toList());
    }

    private static String go(String... args) throws Exception {
        List<String> argv = new ArrayList<>(List.of("go"));
        argv.addAll(List.of(args));
        ProcessResult result = new ProcessRunner().run(CommandLine.inheriting(argv, GO_ENV,
                Path.of(System.getProperty("java.io.tmpdir")), Duration.ofMinutes(2)));
        if (!result.succeeded()) {
            throw new IllegalStateException("go " + String.join(" ", args) + ": " + result.diagnostics());
        }
        return result.stdout();
    }

    @Test
    void knowsExactlyThePlatformsGoToolDistListPrints() {
        Set<String> known = new TreeSet<>();
        platforms.platforms().forEach(p -> known.add(p.toString()));

        assertEquals(distList, known);
        assertTrue(known.size() > 30, "go knows " + known.size() + " platforms");
    }

    @Test
    void requireKnownAcceptsRealTargets() {
        assertDoesNotThrow(() -> platforms.requireKnown(List.of(Target.parse("linux/amd64"), Target.parse("linux/arm64/v8.2"),
                Target.parse("windows/arm64"), Target.parse("darwin/arm64"), Target.parse("js/wasm"))));
    }

    @Test
    void anUnknownTargetIsNamedAndTheValidOnesListed() {
        UnknownTargetException e = assertThrows(UnknownTargetException.class,
                () -> platforms.requireKnown(List.of(Target.parse("linux/amd64"), Target.parse("linux/amd65"))));

        String message = e.getMessage();
        assertTrue(message.startsWith("unknown target linux/amd65:"), message);
        assertTrue(message.contains(" linux/amd64 "), message);
        assertTrue(message.contains("windows/arm64"), message);
        assertTrue(message.contains(goVersion), message);
    }

    @Test
    void everyUnknownTargetIsNamedTogether() {
        UnknownTargetException e = assertThrows(UnknownTargetException.class,
                () -> platforms.requireKnown(List.of(Target.parse("linux/amd65"), Target.parse("windws/amd64"))));

        assertTrue(e.getMessage().startsWith("unknown targets linux/amd65, windws/amd64:"), e.getMessage());
    }

    @Test
    void knowsWhereCgoIsSupported() {
        assertEquals(true, platforms.find(Platform.parse("linux/amd64")).map(SupportedPlatforms.Entry::cgoSupported).orElseThrow());
        assertEquals(false, platforms.find(Platform.parse("js/wasm")).map(SupportedPlatforms.Entry::cgoSupported).orElseThrow());
    }

    @Test
    void knowsTheFirstClassPorts() {
        assertTrue(platforms.find(Platform.parse("linux/amd64")).orElseThrow().firstClass());
        assertFalse(platforms.find(Platform.parse("js/wasm")).orElseThrow().firstClass());
    }

    @Test
    void findsNothingForAnUnknownPlatform() {
        assertTrue(platforms.find(Platform.parse("linux/amd65")).isEmpty());
    }
}
