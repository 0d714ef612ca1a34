package io.gohygiene.process;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/** A JVM that runs one long command and prints its lines: {@link ProcessSessionTest} stops this JVM as Ctrl-C would. */
public final class RunUntilKilled {

    private RunUntilKilled() {
    }

    public static void main(String[] args) throws Exception {
        new ProcessRunner().run(new CommandLine(List.of("sh", "-c", "echo child $$; sleep 300"), Map.of("PATH", System.getenv("PATH")),
                Path.of("."), Duration.ofMinutes(5)), (line, stderr) -> {
                    System.out.println(line);
                    System.out.flush();
                });
    }
}
