package io.gohygiene.binary.buildinfo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.gohygiene.process.CommandLine;
import io.gohygiene.process.ProcessResult;
import io.gohygiene.process.ProcessRunner;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * The Java module-info parser against Go's own runtime/debug.ParseBuildInfo (a small Go program, {@link #ORACLE}) on
 * thousands of texts: hand-written corner cases and random lines built from the grammar's tokens (quotes, escapes,
 * tabs, carriage returns, invalid UTF-8). Where Go fails we must fail on the same line; where Go parses we must
 * produce the same path, modules and settings.
 */
class ModInfoDifferentialTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern LINE = Pattern.compile("could not parse Go build info: line (\\d+): ");

    /** The oracle, written to a temporary module at test time: runtime/debug.ParseBuildInfo on each base64 line. */
    private static final String ORACLE = """
            // Command parsebuildinfo is the oracle for the Java module-info parser's tests: it reads a file of base64 lines,
            // each a module-info text (without sentinels), runs runtime/debug.ParseBuildInfo on each and prints one JSON
            // object per line: {"Err": "..."} or {"Info": BuildInfo}.
            package main

            import (
                "bufio"
                "encoding/base64"
                "encoding/json"
                "fmt"
                "os"
                "runtime/debug"
            )

            type result struct {
                Info *debug.BuildInfo `json:",omitempty"`
                Err  string           `json:",omitempty"`
            }

            func main() {
                f, err := os.Open(os.Args[1])
                if err != nil {
                    fmt.Fprintln(os.Stderr, err)
                    os.Exit(2)
                }
                defer f.Close()
                in := bufio.NewScanner(f)
                in.Buffer(make([]byte, 1<<20), 1<<24)
                out := json.NewEncoder(os.Stdout)
                for in.Scan() {
                    text, err := base64.StdEncoding.DecodeString(in.Text())
                    if err != nil {
                        fmt.Fprintln(os.Stderr, err)
                        os.Exit(2)
                    }
                    var r result
                    if bi, err := debug.ParseBuildInfo(string(text)); err != nil {
                        r.Err = err.Error()
                    } else {
                        r.Info = bi
                    }
                    if err := out.Encode(r); err != nil {
                        fmt.Fprintln(os.Stderr, err)
                        os.Exit(2)
                    }
                }
                if err := in.Err(); err != nil {
                    fmt.Fprintln(os.Stderr, err)
                    os.Exit(2)
                }
            }
            """;

    /** Pieces lines are made of; several are byte sequences that are not UTF-8. */
    private static final List<byte[]> TOKENS = new ArrayList<>();

    static {
        for (String t : List.of("path\t", "mod\t", "dep\t", "=>\t", "build\t", "build\t", "build\t", "\t", "\t", "=", "=", "\"",
                "\"", "`", "\\", "\\\"", "\\\\", "\\x41", "\\xff", "\\xe2\\x82\\xac", "\\u00e9", "\\uD800", "\\U0001F600",
                "\\U00110000", "\\n", "\\t", "\\r", "\\a", "\\'", "\\0", "\\101", "\\400", "\\z", "\\x4", " ", "\r", "a", "key",
                "v1.2.3", "h1:abc=", "\u00e9", "\u20ac", "\uD83D\uDE00", "'")) {
            TOKENS.add(t.getBytes(StandardCharsets.UTF_8));
        }
        TOKENS.add(new byte[] {(byte) 0xff});
        TOKENS.add(new byte[] {(byte) 0xe2, (byte) 0x82});
        TOKENS.add(new byte[] {(byte) 0xed, (byte) 0xa0, (byte) 0x80});
        TOKENS.add(new byte[] {(byte) 0xc0, (byte) 0xaf});
        TOKENS.add(new byte[] {(byte) 0xf4, (byte) 0x90, (byte) 0x80, (byte) 0x80});
    }

    @Test
    void agreesWithParseBuildInfoOnCornerCasesAndRandomText(@TempDir Path dir) throws Exception {
        List<byte[]> cases = new ArrayList<>();
        for (String text : List.of("", "\n", "path\t\n", "path\ta\tb\n", "mod\ta\tb\t\n", "dep\ta\tb\tc\n=>\td\te\tf\n\n",
                "build\t\"a=b\"=\"c\"\n", "build\t`k`=`v\r`\n", "build\t`k\r`=1\n", "build\tk=`a\tb`\n", "build\tk=\"\"\n",
                "build\t\"\"=x\n", "build\t``=x\n", "build\tk='a b'\n", "build\t'k'=v\n", "build\tk=v\r\n", "path\tp\r\n",
                "build\tk==\n", "build\tk=a=b\n", "mod\ta\tb\n=>\tc\td\te\nmod\tx\ty\n", "dep\ta\tb\n\n=>\tc\td\te\n")) {
            cases.add(text.getBytes(StandardCharsets.UTF_8));
        }
        Random random = new Random(20260101);
        for (int i = 0; i < 3000; i++) {
            cases.add(randomText(random));
        }
        List<JsonNode> go = parseWithGo(dir, cases);
        assertEquals(cases.size(), go.size(), "one answer per case from the Go oracle");
        int parsed = 0;
        for (int i = 0; i < cases.size(); i++) {
            byte[] text = cases.get(i);
            String shown = "case " + i + " " + HexFormat.of().formatHex(text) + " = " + new String(text, StandardCharsets.UTF_8)
                    .replace("\t", "\\t").replace("\n", "\\n").replace("\r", "\\r");
            JsonNode expected = go.get(i);
            ModInfo actual;
            try {
                actual = ModInfo.parse(GoStrings.decode(text));
            } catch (ModInfoSyntaxException e) {
                assertTrue(expected.has("Err"), shown + ": Go parses it, we said " + e.getMessage());
                Matcher m = LINE.matcher(expected.get("Err").asText());
                assertTrue(m.find(), expected.toString());
                assertEquals(Integer.parseInt(m.group(1)), e.line(), shown + ": Go says " + expected.get("Err").asText());
                continue;
            }
            if (expected.has("Err")) {
                fail(shown + ": Go says " + expected.get("Err").asText() + ", we parsed " + actual);
            }
            JsonNode info = expected.get("Info");
            assertEquals(info.path("Path").asText(""), actual.path(), shown);
            assertEquals(module(info.path("Main")), actual.main(), shown);
            List<Module> deps = new ArrayList<>();
            info.path("Deps").forEach(d -> deps.add(module(d)));
            assertEquals(deps, actual.deps(), shown);
            List<BuildSetting> settings = new ArrayList<>();
            info.path("Settings").forEach(s -> settings.add(new BuildSetting(s.path("Key").asText(""), s.path("Value").asText(""))));
            assertEquals(settings, actual.settings(), shown);
            parsed++;
        }
        // The generator must reach both outcomes often, or the comparison proves little.
        assertTrue(parsed > 300 && parsed < cases.size() - 300, "parsed " + parsed + " of " + cases.size());
    }

    private static byte[] randomText(Random random) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int lines = 1 + random.nextInt(4);
        for (int l = 0; l < lines; l++) {
            // Mostly build lines, where the quoting rules are.
            String[] prefixes = {"build\t", "build\t", "build\tk=", "build\tk=\"", "build\t\"", "dep\t", "mod\t", "=>\t", "path\t"};
            out.writeBytes(prefixes[random.nextInt(prefixes.length)].getBytes(StandardCharsets.UTF_8));
            int tokens = random.nextInt(7);
            for (int t = 0; t < tokens; t++) {
                out.writeBytes(TOKENS.get(random.nextInt(TOKENS.size())));
            }
            if (random.nextInt(8) > 0 || l < lines - 1) {
                out.write('\n');
            }
        }
        return out.toByteArray();
    }

    private static Module module(JsonNode m) {
        Module module = new Module(m.path("Path").asText(""), m.path("Version").asText(""), m.path("Sum").asText(""));
        return m.has("Replace") && !m.get("Replace").isNull() ? module.withReplace(module(m.get("Replace"))) : module;
    }

    private static List<JsonNode> parseWithGo(Path dir, List<byte[]> cases) throws Exception {
        Path oracle = Files.createDirectories(dir.resolve("parsebuildinfo"));
        Files.writeString(oracle.resolve("go.mod"), "module example.com/parsebuildinfo\n\ngo 1.21\n");
        Files.writeString(oracle.resolve("main.go"), ORACLE);
        Path input = dir.resolve("cases.txt");
        StringBuilder lines = new StringBuilder();
        cases.forEach(c -> lines.append(Base64.getEncoder().encodeToString(c)).append('\n'));
        Files.writeString(input, lines);
        ProcessResult r = new ProcessRunner().run(CommandLine.inheriting(List.of("go", "run", ".", input.toString()),
                Map.of("GOTOOLCHAIN", "local", "GOFLAGS", "-buildvcs=false", "CGO_ENABLED", "0"),
                oracle, Duration.ofMinutes(5)));
        assertEquals(0, r.exitCode(), r.diagnostics());
        List<JsonNode> answers = new ArrayList<>();
        for (String line : r.stdout().split("\n")) {
            if (!line.isBlank()) {
                answers.add(JSON.readTree(line));
            }
        }
        return answers;
    }
}
