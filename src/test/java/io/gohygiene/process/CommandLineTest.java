package io.gohygiene.process;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CommandLineTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    @TempDir
    Path dir;

    private CommandLine command(String... argv) {
        return new CommandLine(List.of(argv), Map.of(), dir, TIMEOUT);
    }

    @Test
    void displayQuotesArgumentsWithSpaces() {
        assertEquals("go build -o '/tmp/my dir/app' ./cmd/app",
                command("go", "build", "-o", "/tmp/my dir/app", "./cmd/app").display());
    }

    @Test
    void displayLeavesPlainArgumentsAlone() {
        assertEquals("go build -trimpath -ldflags=-s,-w -o target/go/linux_amd64/app@1.2+3 ./cmd/app",
                command("go", "build", "-trimpath", "-ldflags=-s,-w", "-o", "target/go/linux_amd64/app@1.2+3", "./cmd/app")
                        .display());
    }

    @Test
    void displayQuotesEmptyArgumentsAndEscapesSingleQuotes() {
        assertEquals("echo '' 'it'\\''s'", command("echo", "", "it's").display());
    }

    @Test
    void displayIsWhatAPersonWouldTypeToRunTheSameCommand() throws Exception {
        // Pasted into a shell, the displayed command must give the program the very same arguments.
        Files.createFile(dir.resolve("a-file-for-globs-to-match"));
        List<String> args = List.of("two words", "it's", "\"dq\"", "$HOME", "$(echo x)", "`echo y`", "back\\slash",
                "a;b", "x|y", "a&&b", "(sub)", ">out", "<in", "*", "?", "[ab]", "~", "#not-a-comment", "{a,b}",
                "!bang", "ünïcödé", "l1\nl2\nl3", "tab\tx", "", "plain");
        List<String> argv = new ArrayList<>(List.of("printf", "%s\\0"));
        argv.addAll(args);
        String typed = new CommandLine(argv, Map.of(), dir, TIMEOUT).display();

        ProcessResult result = new ProcessRunner().run(command("sh", "-c", typed));

        assertEquals(0, result.exitCode(), result.diagnostics());
        String out = result.stdout();
        assertTrue(out.endsWith("\0\n"), typed + " printed " + out);
        assertEquals(args, Arrays.asList(out.substring(0, out.length() - 2).split("\0", -1)), typed);
        assertFalse(Files.exists(dir.resolve("out")), typed + " redirected output");
    }

    @Test
    void inheritingStartsFromThisJvmsEnvironmentWithOverridesAndRemovals() {
        String kept = System.getenv().keySet().stream().sorted().findFirst()
                .orElseThrow(() -> new IllegalStateException("this JVM has no environment"));
        String removed = System.getenv().keySet().stream().sorted().skip(1).findFirst()
                .orElseThrow(() -> new IllegalStateException("this JVM has only one variable"));
        Map<String, String> overrides = new HashMap<>();
        overrides.put("GOOS", "plan9");
        overrides.put(removed, null);

        CommandLine command = CommandLine.inheriting(List.of("go", "env"), overrides, dir, TIMEOUT);

        assertEquals(System.getenv(kept), command.environment().get(kept));
        assertEquals("plan9", command.environment().get("GOOS"));
        assertFalse(command.environment().containsKey(removed));
        assertEquals(System.getenv().size() + (System.getenv().containsKey("GOOS") ? 0 : 1) - 1, command.environment().size());
    }

    @Test
    void anEmptyArgvIsRejected() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new CommandLine(List.of(), Map.of(), dir, TIMEOUT));

        assertTrue(e.getMessage().contains("program"), e.getMessage());
    }

    @Test
    void theProgramIsTheFirstArgument() {
        assertEquals("go", command("go", "version").program());
    }
}
