package io.gohygiene.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.gohygiene.process.CommandLine;
import io.gohygiene.process.ProcessResult;
import io.gohygiene.process.ProcessRunner;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Go's own debug/elf, debug/macho, debug/pe and debug/buildinfo as an oracle: runs {@code src/test/go/debugoracle}
 * once (one {@code go run}) on a list of files and returns its answer for each, in the same order (one JSON object:
 * Format, Err, Images, BuildInfo, BuildInfoErr; see that program).
 */
public final class DebugOracle {

    private static final Path PROGRAM = Path.of("src/test/go/debugoracle").toAbsolutePath();
    private static final ObjectMapper JSON = new ObjectMapper();

    private DebugOracle() {
    }

    public static List<JsonNode> read(List<Path> files, Path workDir) throws Exception {
        Path list = workDir.resolve("oracle-files.txt");
        StringBuilder lines = new StringBuilder();
        files.forEach(f -> lines.append(f).append('\n'));
        Files.writeString(list, lines);
        ProcessResult r = new ProcessRunner().run(CommandLine.inheriting(List.of("go", "run", ".", list.toString()),
                Map.of("GOTOOLCHAIN", "local", "GOFLAGS", "-buildvcs=false", "CGO_ENABLED", "0"), PROGRAM, Duration.ofMinutes(5)));
        if (r.exitCode() != 0) {
            throw new IOException("the debug oracle failed: " + r.diagnostics());
        }
        List<JsonNode> answers = new ArrayList<>();
        for (String line : r.stdout().split("\n")) {
            if (!line.isBlank()) {
                answers.add(JSON.readTree(line));
            }
        }
        if (answers.size() != files.size()) {
            throw new IOException("the debug oracle answered " + answers.size() + " of " + files.size() + " files");
        }
        return answers;
    }
}
