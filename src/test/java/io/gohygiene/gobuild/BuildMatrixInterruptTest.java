package io.gohygiene.gobuild;

import io.gohygiene.platform.Platform;
import io.gohygiene.platform.Target;
import io.gohygiene.process.ProcessRunner;
import io.gohygiene.testing.ProcStat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A build whose thread is interrupted (an IDE's or a Maven daemon's cancel) stops every target's go and what it
 * started before buildAll returns: once Maven has the failure it may exit, and nothing is left running behind it.
 */
@EnabledOnOs(OS.LINUX)
class BuildMatrixInterruptTest {

    @TempDir
    Path dir;

    @Test
    void anInterruptedMatrixKillsEveryTargetsProcessesBeforeItReturns() throws Exception {
        Path pids = dir.resolve("pids");
        // A go that hangs in 'go build' with two children, as go does while it waits for the compiler; each build
        // writes its pid once its children are started. The host is given, as a caller that probed go gives it.
        Path go = Files.writeString(dir.resolve("go"), "#!/bin/sh\n"
                + "sleep 300 & sleep 300 & echo $$ >> '" + pids + "'; wait\n");
        Files.setPosixFilePermissions(go, PosixFilePermissions.fromString("rwxr-xr-x"));
        Path module = BuildTestSupport.copyProgram("tiny", dir);
        BuildRequest request = new BuildRequest(module, List.of("."), dir.resolve("target/go"), dir.resolve("target/go-hygiene"),
                List.of(), null, List.of(), null, true, Map.of("PATH", System.getenv("PATH")), false, Duration.ofMinutes(5), 2);
        List<Target> targets = List.of(Target.parse("linux/amd64"), Target.parse("linux/arm64"));
        AtomicReference<Throwable> thrown = new AtomicReference<>();
        AtomicBoolean interruptKept = new AtomicBoolean();
        Thread build = new Thread(() -> {
            try {
                BuildMatrix.buildAll(go, new Platform("linux", "amd64"), request, targets, Map.of(), new ProcessRunner(), null);
            } catch (Throwable t) {
                thrown.set(t);
                interruptKept.set(Thread.currentThread().isInterrupted());
            }
        }, "interrupted-matrix");
        build.start();
        List<ProcStat> processes = processesOfBothBuilds(pids);

        build.interrupt();
        build.join(Duration.ofSeconds(30).toMillis());

        assertFalse(build.isAlive(), "buildAll did not return after the interrupt");
        List<ProcStat> left = processes.stream().map(ProcStat::now).flatMap(Optional::stream).toList();
        assertEquals(List.of(), left, "still there when buildAll returned, of " + processes);
        assertTrue(thrown.get() instanceof BuildException && thrown.get().getMessage().contains("interrupted"),
                "thrown: " + thrown.get());
        assertTrue(interruptKept.get(), "the caller must still see the interrupt");
    }

    /** Both fake go builds and their sleeps, once both have started them. */
    private static List<ProcStat> processesOfBothBuilds(Path pids) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (!(Files.exists(pids) && Files.readAllLines(pids).size() == 2)) {
            assertTrue(System.nanoTime() < deadline, "the two builds never started");
            Thread.sleep(20);
        }
        List<ProcStat> processes = new ArrayList<>();
        for (String pid : Files.readAllLines(pids)) {
            ProcessHandle goBuild = ProcessHandle.of(Long.parseLong(pid.strip())).orElseThrow();
            ProcStat.of(goBuild.pid()).ifPresent(processes::add);
            goBuild.children().forEach(child -> ProcStat.of(child.pid()).ifPresent(processes::add));
        }
        assertEquals(6, processes.size(), "two go builds with two sleeps each: " + processes);
        return processes;
    }
}
