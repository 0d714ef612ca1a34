package io.gohygiene.testing;

import io.gohygiene.process.CommandLine;
import io.gohygiene.process.ProcessResult;
import io.gohygiene.process.ProcessRunner;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** file(1), the reference the parsers' findings are compared with ({@code file -b}). */
public final class FileCommand {

    private FileCommand() {
    }

    /** What {@code file -b} says about {@code path}, or empty when file(1) is not installed. */
    public static Optional<String> describe(Path path) {
        try {
            ProcessResult result = new ProcessRunner().run(CommandLine.inheriting(List.of("file", "-b", path.toString()),
                    Map.of(), path.toAbsolutePath().getParent(), Duration.ofMinutes(1)));
            return result.succeeded() ? Optional.of(result.stdout().strip()) : Optional.empty();
        } catch (Exception e) {
            return Optional.empty();
        }
    }
}
