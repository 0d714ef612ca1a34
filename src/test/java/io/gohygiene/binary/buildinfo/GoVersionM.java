package io.gohygiene.binary.buildinfo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.gohygiene.process.CommandLine;
import io.gohygiene.process.ProcessResult;
import io.gohygiene.process.ProcessRunner;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * The oracle: what the installed go's {@code go version -m FILE} prints, parsed from its text (first line
 * {@code FILE: goX.Y.Z}, then tab-indented {@code path}, {@code mod}, {@code dep}, {@code =>} and {@code build} lines),
 * with the build settings' decoded keys and values taken from {@code go version -m -json FILE}, so that the test
 * does not depend on an unquoting of its own.
 */
record GoVersionM(String goVersion, String path, Module main, List<Module> deps, List<BuildSetting> settings,
                  List<String> textLines) {

    private static final ObjectMapper JSON = new ObjectMapper();

    static GoVersionM of(Path file) {
        List<String> text = run(file, "-m").lines().toList();
        GoVersionM fromText = parseText(file, text);
        List<BuildSetting> settings = new ArrayList<>();
        try {
            JsonNode json = JSON.readTree(run(file, "-m", "-json"));
            for (JsonNode s : json.path("Settings")) {
                settings.add(new BuildSetting(s.path("Key").asText(""), s.path("Value").asText("")));
            }
            // The two outputs of the oracle agree with each other on the structured fields.
            assertEquals(fromText.goVersion, json.path("GoVersion").asText(""), "go version -m -json GoVersion");
            assertEquals(fromText.path, json.path("Path").asText(""), "go version -m -json Path");
            assertEquals(fromText.main, module(json.path("Main")), "go version -m -json Main");
            List<Module> jsonDeps = new ArrayList<>();
            json.path("Deps").forEach(d -> jsonDeps.add(module(d)));
            assertEquals(fromText.deps, jsonDeps, "go version -m -json Deps");
        } catch (java.io.IOException e) {
            throw new IllegalStateException("go version -m -json printed no JSON for " + file, e);
        }
        return new GoVersionM(fromText.goVersion, fromText.path, fromText.main, fromText.deps, settings, text);
    }

    /** Asserts that {@code actual} agrees with go version -m in every field, in order, and prints identically. */
    void assertAgrees(BuildInfo actual, Path file) {
        assertAll(file.toString(),
                () -> assertEquals(goVersion, actual.goVersion(), "go version"),
                () -> assertEquals(path, actual.path(), "path"),
                () -> assertEquals(main, actual.main(), "main module"),
                () -> assertEquals(deps.size(), actual.deps().size(), "number of deps"),
                () -> {
                    for (int i = 0; i < Math.min(deps.size(), actual.deps().size()); i++) {
                        assertEquals(deps.get(i), actual.deps().get(i), "dep #" + i);
                    }
                },
                () -> assertEquals(settings, actual.settings(), "build settings (keys and values, in order)"),
                () -> assertEquals(textLines, GoText.render(file.toString(), actual), "go version -m text"));
    }

    private static GoVersionM parseText(Path file, List<String> lines) {
        if (lines.isEmpty() || !lines.get(0).startsWith(file + ": ")) {
            fail("go version -m " + file + " printed no version line: " + lines);
        }
        String goVersion = lines.get(0).substring((file + ": ").length());
        String path = "";
        Module main = Module.NONE;
        List<Module> deps = new ArrayList<>();
        boolean lastIsMain = false;
        for (String line : lines.subList(1, lines.size())) {
            assertTrue(line.startsWith("\t"), "go version -m line not indented: " + line);
            String[] cols = line.substring(1).split("\t", -1);
            switch (cols[0]) {
                case "path" -> path = line.substring("\tpath\t".length());
                case "mod" -> {
                    main = new Module(cols[1], cols[2], cols.length > 3 ? cols[3] : "");
                    lastIsMain = true;
                }
                case "dep" -> {
                    deps.add(new Module(cols[1], cols[2], cols.length > 3 ? cols[3] : ""));
                    lastIsMain = false;
                }
                case "=>" -> {
                    Module replacement = new Module(cols[1], cols[2], cols[3]);
                    if (lastIsMain) {
                        main = main.withReplace(replacement);
                    } else {
                        deps.set(deps.size() - 1, deps.get(deps.size() - 1).withReplace(replacement));
                    }
                }
                case "build" -> {
                    // Compared as text (GoText) and, decoded, from the JSON.
                }
                case "" -> {
                    // BuildInfo.String writes an empty line after every "=>" line.
                }
                default -> fail("unexpected go version -m line: " + line);
            }
        }
        return new GoVersionM(goVersion, path, main, deps, List.of(), lines);
    }

    private static Module module(JsonNode m) {
        Module module = new Module(m.path("Path").asText(""), m.path("Version").asText(""), m.path("Sum").asText(""));
        return m.has("Replace") ? module.withReplace(module(m.get("Replace"))) : module;
    }

    private static String run(Path file, String... flags) {
        List<String> argv = new ArrayList<>(List.of("go", "version"));
        argv.addAll(List.of(flags));
        argv.add(file.toString());
        try {
            ProcessResult r = new ProcessRunner().run(CommandLine.inheriting(argv, Map.of("GOTOOLCHAIN", "local", "GOFLAGS", ""),
                    file.toAbsolutePath().getParent(), Duration.ofMinutes(2)));
            if (!r.succeeded()) {
                throw new IllegalStateException(String.join(" ", argv) + " failed: " + r.diagnostics());
            }
            return r.stdout();
        } catch (IllegalStateException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException("cannot run " + argv, e);
        }
    }
}
