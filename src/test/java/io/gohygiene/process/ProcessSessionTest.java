package io.gohygiene.process;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@EnabledOnOs(OS.LINUX)
class ProcessSessionTest {

    @Test
    void aCommandRunsAsTheLeaderOfItsOwnSession() throws Exception {
        assertTrue(ProcessSession.available(), "util-linux setsid is installed here");
        ProcessResult result = new ProcessRunner().run(new CommandLine(List.of("sh", "-c", "echo $$; cut -d' ' -f6 /proc/$$/stat"),
                java.util.Map.of(), Path.of("."), java.time.Duration.ofSeconds(30)));
        List<String> pidAndSession = result.stdout().lines().toList();
        assertEquals(pidAndSession.get(0), pidAndSession.get(1), "sh's session id is its own pid");
        assertEquals(List.of("sh", "-c", "echo $$; cut -d' ' -f6 /proc/$$/stat"), result.command().argv(), "argv as given");
    }

    /** The command left Maven's process group, so a Ctrl-C (SIGINT/SIGTERM to Maven) must still take it down. */
    @Test
    void whenTheJvmIsStoppedItsRunningCommandsStopToo() throws Exception {
        Process jvm = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
                System.getProperty("java.class.path"), RunUntilKilled.class.getName()).redirectErrorStream(true).start();
        long child;
        try (BufferedReader out = new BufferedReader(new InputStreamReader(jvm.getInputStream(), StandardCharsets.UTF_8))) {
            String line = out.readLine();
            assertTrue(line != null && line.startsWith("child "), "the command started: " + line);
            child = Long.parseLong(line.substring("child ".length()));
            assertEquals(child, ProcessSession.sessionOf(child), "the command leads its own session");
            jvm.destroy();
            assertTrue(jvm.waitFor(30, TimeUnit.SECONDS), "the JVM stopped");
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (ProcessHandle.of(child).filter(ProcessHandle::isAlive).isPresent() && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertTrue(io.gohygiene.testing.ProcStat.of(child).filter(p -> !p.isZombie()).isEmpty(), "the command outlived the JVM");
    }
}
