package io.gohygiene.process;

import io.gohygiene.testing.ProcStat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
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
    void streamingHandsEveryLineToTheSinkAndKeepsOnlyTheLastOfTheOutput() throws Exception {
        // 20,000 numbered lines, about 290 KB: more than the kept tail, all of them seen by the sink.
        long[] seen = {0};
        String[] last = {null};
        ProcessResult result = runner.stream(sh("i=0; while [ $i -lt 20000 ]; do echo \"line $i of the streamed output\"; i=$((i+1)); done"),
                (line, stderr) -> {
                    seen[0]++;
                    last[0] = line;
                });

        assertEquals(20_000, seen[0]);
        assertEquals("line 19999 of the streamed output", last[0]);
        assertTrue(result.stdout().length() <= ProcessRunner.STREAMED_TAIL_CHARS, "kept " + result.stdout().length());
        assertTrue(result.stdout().endsWith("line 19999 of the streamed output\n"), "the end is kept for messages");
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
    @EnabledOnOs(OS.LINUX)
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
        // Gone from /proc: neither running nor a zombie waiting to be reaped.
        assertTrue(ProcStat.of(scriptPid).isEmpty(), "the script is still there: " + ProcStat.of(scriptPid));
        assertTrue(ProcStat.of(childPid).isEmpty(), "its child sleep is still there: " + ProcStat.of(childPid));
    }

    /** Issue 15.11: a sleeper double-forked out of the tree (its parent exits, init adopts it) is killed at the timeout too. */
    @Test
    @EnabledOnOs(OS.LINUX)
    void killsAProcessThatDoubleForkedOutOfTheTreeAtTheTimeout() throws Exception {
        String script = "echo $$ > script.pid; (sleep 300 > /dev/null 2>&1 & echo $! > escaped.pid); echo started; sleep 300";
        AtomicReference<ProcStat> escapedWhileRunning = new AtomicReference<>();
        CommandLine command = new CommandLine(List.of("sh", "-c", script), Map.of(), dir, Duration.ofSeconds(2));
        assertThrows(ProcessTimeoutException.class, () -> runner.run(command, (line, stderr) -> {
            if (line.equals("started")) {
                try {
                    escapedWhileRunning.set(ProcStat.of(Long.parseLong(Files.readString(dir.resolve("escaped.pid")).strip())).orElseThrow());
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }
        }));

        long scriptPid = Long.parseLong(Files.readString(dir.resolve("script.pid")).strip());
        ProcStat escaped = escapedWhileRunning.get();
        assertTrue(escaped.parentPid() != scriptPid && ProcessHandle.of(scriptPid).isEmpty(), "the sleeper had left the tree: " + escaped);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (escaped.now().filter(p -> !p.isZombie()).isPresent() && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertTrue(escaped.now().filter(p -> !p.isZombie()).isEmpty(), "the double-forked sleeper still runs: " + escaped.now());
    }

    /**
     * Three generations, as go → compile → an assembler, or go → cgo → gcc → cc1: this script, two shells, two sleeps
     * under each. It prints its pid; each shell prints "ready" once its sleeps are started.
     */
    private static final String TREE = "echo root $$; for i in 1 2; do sh -c 'sleep 300 & sleep 300 & echo ready; wait' & done; wait";

    /** Records every process of {@link #TREE} once both shells are ready. */
    private static final class TreeRecorder implements ProcessRunner.LineSink {
        private final AtomicInteger ready = new AtomicInteger();
        private final CountDownLatch recorded = new CountDownLatch(1);
        private volatile long root;
        private volatile List<ProcStat> processes = List.of();

        @Override
        public void line(String line, boolean stderr) {
            if (line.startsWith("root ")) {
                root = Long.parseLong(line.substring("root ".length()));
            } else if (line.equals("ready") && ready.incrementAndGet() == 2) {
                List<ProcStat> all = new ArrayList<>();
                ProcStat.of(root).ifPresent(all::add);
                ProcessHandle.of(root).ifPresent(h -> h.descendants().forEach(d -> ProcStat.of(d.pid()).ifPresent(all::add)));
                processes = all;
                recorded.countDown();
            }
        }

        /** The script, its 2 shells and their 4 sleeps, as they were while running. */
        List<ProcStat> processes() throws InterruptedException {
            assertTrue(recorded.await(30, TimeUnit.SECONDS), "the process tree never formed");
            assertEquals(7, processes.size(), "script, 2 shells, 4 sleeps: " + processes);
            return processes;
        }
    }

    /**
     * Watches a process tree while it is killed, for a process whose parent died before it: handed to init, it is a
     * zombie until init reaps it, and a container's PID 1 may never do that.
     */
    private static final class OrphanWatch extends Thread {
        private final List<ProcStat> processes;
        private final List<String> orphaned = new java.util.concurrent.CopyOnWriteArrayList<>();
        private volatile boolean stop;

        OrphanWatch(List<ProcStat> processes) {
            super("orphan-watch");
            setDaemon(true);
            this.processes = processes;
        }

        @Override
        public void run() {
            while (!stop) {
                for (ProcStat p : processes) {
                    // State X (being released after its parent reaped it) shows parent 0 for an instant: that is the
                    // proper end, not an orphan; an orphan lives on under init (state S or Z, another parent).
                    p.now().filter(n -> n.state() != 'X' && n.parentPid() != p.parentPid() && !orphaned.contains(p + " -> " + n))
                            .ifPresent(n -> orphaned.add(p + " -> " + n));
                }
                Thread.onSpinWait();
            }
        }

        List<String> stopAndReport() throws InterruptedException {
            stop = true;
            join();
            return List.copyOf(orphaned);
        }
    }

    @Test
    @EnabledOnOs(OS.LINUX)
    void killsGrandchildrenAtTheTimeoutAndLeavesNoZombie() throws Exception {
        TreeRecorder tree = new TreeRecorder();
        CommandLine command = new CommandLine(List.of("sh", "-c", TREE), Map.of(), dir, Duration.ofSeconds(3));
        AtomicReference<OrphanWatch> watch = new AtomicReference<>();
        ProcessRunner.LineSink watched = (line, stderr) -> {
            tree.line(line, stderr);
            if (tree.recorded.getCount() == 0 && watch.get() == null) {
                watch.set(new OrphanWatch(tree.processes));
                watch.get().start();
            }
        };

        long start = System.nanoTime();
        assertThrows(ProcessTimeoutException.class, () -> runner.run(command, watched));
        Duration took = Duration.ofNanos(System.nanoTime() - start);

        assertTrue(took.compareTo(Duration.ofSeconds(20)) < 0, "hang guard: the call took " + took);
        List<ProcStat> processes = tree.processes();
        assertEquals(List.of(), watch.get().stopAndReport(), "killed after their parent, so handed to init");
        assertAllReaped(processes);
        assertNoZombieChildOfThisJvm();
    }

    @Test
    @EnabledOnOs(OS.LINUX)
    void anInterruptedRunKillsTheProcessTreeAndKeepsTheInterrupt() throws Exception {
        TreeRecorder tree = new TreeRecorder();
        CommandLine command = new CommandLine(List.of("sh", "-c", TREE), Map.of(), dir, Duration.ofMinutes(5));
        AtomicReference<Throwable> thrown = new AtomicReference<>();
        AtomicBoolean interruptKept = new AtomicBoolean();
        Thread build = new Thread(() -> {
            try {
                runner.run(command, tree);
            } catch (Throwable t) {
                thrown.set(t);
                interruptKept.set(Thread.currentThread().isInterrupted());
            }
        }, "interrupted-build");
        build.start();
        List<ProcStat> processes = tree.processes();
        OrphanWatch watch = new OrphanWatch(processes);
        watch.start();

        long start = System.nanoTime();
        build.interrupt();
        build.join(TimeUnit.SECONDS.toMillis(30));
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        List<String> orphaned = watch.stopAndReport();

        assertFalse(build.isAlive(), "run() did not return after the interrupt");
        assertTrue(took.compareTo(Duration.ofSeconds(20)) < 0, "hang guard: the call took " + took);
        Throwable e = thrown.get();
        assertTrue(e instanceof ProcessException && !(e instanceof ProcessTimeoutException), "thrown: " + e);
        assertTrue(e.getMessage().contains("interrupted") && e.getMessage().contains("sh -c"), e.getMessage());
        assertTrue(interruptKept.get(), "the caller must still see the interrupt");
        assertEquals(List.of(), orphaned, "killed after their parent, so handed to init");
        assertAllReaped(processes);
        assertNoZombieChildOfThisJvm();
    }

    /** Each process is gone once run() returned: not running, and not a zombie left for an init that may never reap it. */
    private static void assertAllReaped(List<ProcStat> processes) {
        List<ProcStat> left = processes.stream().map(ProcStat::now).flatMap(Optional::stream).collect(Collectors.toList());
        assertEquals(List.of(), left, "still there after the kill, of " + processes);
    }

    private static void assertNoZombieChildOfThisJvm() throws Exception {
        assertEquals(List.of(), ProcStat.zombieChildrenOf(ProcessHandle.current().pid()));
    }
}
