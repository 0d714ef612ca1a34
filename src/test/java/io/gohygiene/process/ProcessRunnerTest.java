package io.gohygiene.process;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Runs real processes (sh, env, printf, pwd, sleep): what the runner promises is what the child sees. */
class ProcessRunnerTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    @TempDir
    Path dir;

    private final ProcessRunner runner = new ProcessRunner();

    private CommandLine command(List<String> argv, Map<String, String> env) {
        return new CommandLine(argv, env, dir, TIMEOUT);
    }

    private CommandLine sh(String script) {
        return command(List.of("sh", "-c", script), Map.of());
    }

    /** One line as the sink saw it. */
    private record Line(String text, boolean stderr) {
    }

    @Test
    void capturesStdoutAndStderrApartAndStreamsEachLineWithItsStream() throws Exception {
        List<Line> lines = new ArrayList<>();
        ProcessResult result = runner.run(
                sh("echo out one; echo err one >&2; echo out two; echo err two >&2"),
                (line, stderr) -> {
                    synchronized (lines) {
                        lines.add(new Line(line, stderr));
                    }
                });

        assertEquals("out one\nout two\n", result.stdout());
        assertEquals("err one\nerr two\n", result.stderr());
        // The two streams interleave in any order; within a stream the order is kept.
        assertEquals(List.of(new Line("out one", false), new Line("out two", false)),
                lines.stream().filter(l -> !l.stderr()).collect(Collectors.toList()));
        assertEquals(List.of(new Line("err one", true), new Line("err two", true)),
                lines.stream().filter(Line::stderr).collect(Collectors.toList()));
    }

    @Test
    void streamsALineToTheSinkWhileTheProcessIsStillRunning() throws Exception {
        // The script prints "waiting", then runs until a file appears; only the sink creates that file,
        // on seeing "waiting". If lines reached the sink only after exit, this would run into the timeout.
        Path proceed = dir.resolve("proceed");
        CommandLine command = new CommandLine(List.of("sh", "-c",
                "echo waiting; while [ ! -e proceed ]; do sleep 0.05; done; echo finished"),
                Map.of(), dir, Duration.ofSeconds(10));

        ProcessResult result = runner.run(command, (line, stderr) -> {
            if (line.equals("waiting")) {
                try {
                    Files.createFile(proceed);
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }
        });

        assertEquals("waiting\nfinished\n", result.stdout());
    }

    @Test
    void reportsTheExitCode() throws Exception {
        ProcessResult failed = runner.run(sh("echo broken >&2; exit 42"));
        ProcessResult passed = runner.run(sh("exit 0"));

        assertEquals(42, failed.exitCode());
        assertFalse(failed.succeeded());
        assertEquals("broken", failed.diagnostics());
        assertEquals(0, passed.exitCode());
        assertTrue(passed.succeeded());
    }

    @Test
    void theChildSeesExactlyTheGivenEnvironment() throws Exception {
        ProcessResult result = runner.run(command(List.of("env"), Map.of("ONE", "1", "TWO", "two words")));

        List<String> seen = result.stdout().lines().sorted().collect(Collectors.toList());
        assertEquals(List.of("ONE=1", "TWO=two words"), seen);
    }

    @Test
    void aVariableNotInTheMapIsNotSeenEvenWhenThisJvmHasIt() throws Exception {
        // A variable this JVM has and that sh does not set by itself (sh sets PATH, PWD, IFS … even in an empty environment).
        List<String> setBySh = runner.run(sh("set")).stdout().lines()
                .map(line -> line.split("=", 2)[0]).collect(Collectors.toList());
        String inherited = System.getenv().keySet().stream().sorted()
                .filter(name -> name.matches("[A-Za-z_][A-Za-z0-9_]*") && !setBySh.contains(name))
                .findFirst().orElseThrow(() -> new IllegalStateException("this JVM has no environment to leak"));
        String script = "echo \"${FOO-unset} ${" + inherited + "-unset}\"";

        ProcessResult without = runner.run(sh(script));
        ProcessResult with = runner.run(command(List.of("sh", "-c", script), Map.of("FOO", "bar", inherited, "given")));

        assertEquals("unset unset\n", without.stdout());
        assertEquals("bar given\n", with.stdout());
    }

    @Test
    void argumentsReachTheChildVerbatimWithoutAShell() throws Exception {
        Path marker = dir.resolve("shell-ran");
        List<String> hostile = List.of(
                "two words",
                "double \"quoted\"",
                "single 'quoted'",
                "$(touch " + marker + ")",
                "`touch " + marker + "`",
                "; touch " + marker,
                "a && b | c > d < e",
                "$HOME ${PATH} * ? [a-z] ~",
                "back\\slash\\n",
                "ünïcödé ✓ 日本語 🚀",
                "",
                "line one\nline two",
                "tab\there",
                "-n",
                "%s %d");
        List<String> argv = new ArrayList<>(List.of("printf", "%s\\0"));
        argv.addAll(hostile);

        ProcessResult result = runner.run(command(argv, Map.of()));

        // printf writes each argument followed by NUL; the runner adds a final newline after the last line.
        String out = result.stdout();
        assertTrue(out.endsWith("\0\n"), out);
        List<String> received = Arrays.asList(out.substring(0, out.length() - 2).split("\0", -1));
        assertEquals(hostile, received);
        assertFalse(Files.exists(marker), "a shell evaluated an argument");
    }

    @Test
    void runsInTheGivenWorkingDirectory() throws Exception {
        Path workDir = Files.createDirectory(dir.resolve("work dir ü $x"));

        ProcessResult result = runner.run(new CommandLine(List.of("pwd", "-P"), Map.of(), workDir, TIMEOUT));

        assertEquals(workDir.toRealPath().toString(), result.stdout().strip());
    }

    @Test
    void aProgramThatDoesNotExistIsAProcessExceptionNamingIt() {
        CommandLine command = command(List.of("no-such-program-gohygiene", "--version"), Map.of());

        ProcessException e = assertThrows(ProcessException.class, () -> runner.run(command));

        assertTrue(e.getMessage().contains("no-such-program-gohygiene"), e.getMessage());
        assertEquals(command, e.command());
        assertFalse(e instanceof ProcessTimeoutException);
    }

    @Test
    void aWorkingDirectoryThatDoesNotExistIsAProcessExceptionNamingIt() {
        Path missing = dir.resolve("missing");
        CommandLine command = new CommandLine(List.of("pwd"), Map.of(), missing, TIMEOUT);

        ProcessException e = assertThrows(ProcessException.class, () -> runner.run(command));

        assertTrue(e.getMessage().contains(missing.toString()), e.getMessage());
    }

    @Test
    void killsTheWholeProcessTreeAtTheTimeout() throws Exception {
        // A script that starts a child and waits for it, as go waits for the compiler or linker.
        String script = "echo $$ > script.pid; sleep 300 & echo $! > child.pid; echo started; wait";
        CommandLine command = new CommandLine(List.of("sh", "-c", script), Map.of(), dir, Duration.ofSeconds(1));

        long start = System.nanoTime();
        ProcessTimeoutException e = assertThrows(ProcessTimeoutException.class, () -> runner.run(command));
        Duration took = Duration.ofNanos(System.nanoTime() - start);

        assertTrue(took.compareTo(Duration.ofSeconds(15)) < 0, "hang guard: the call took " + took);
        assertTrue(e.getMessage().contains(command.display()), e.getMessage());
        assertTrue(e.getMessage().contains("1.0 s"), e.getMessage());
        assertEquals("started", e.partialOutput());
        long scriptPid = Long.parseLong(Files.readString(dir.resolve("script.pid")).strip());
        long childPid = Long.parseLong(Files.readString(dir.resolve("child.pid")).strip());
        assertFalse(isAlive(scriptPid), "the script " + scriptPid + " is still alive");
        assertFalse(isAlive(childPid), "its child sleep " + childPid + " is still alive");
    }

    private static boolean isAlive(long pid) {
        return ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
    }
}
