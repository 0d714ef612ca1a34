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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Go's own debug/gosym as an oracle for function names: runs {@code src/test/go/gosymoracle} once on a list of files
 * and returns, per file, the names Go reads from the pclntab it finds as {@code go tool nm} does, or Go's error.
 */
public final class GosymOracle {

    /** Go's answer for one file: the names, or why it found none. */
    public record Answer(List<String> names, Optional<String> error) {
    }

    private static final Path PROGRAM = Path.of("src/test/go/gosymoracle").toAbsolutePath();
    private static final ObjectMapper JSON = new ObjectMapper();

    private GosymOracle() {
    }

    public static Map<Path, Answer> read(List<Path> files, Path workDir) throws Exception {
        Path list = workDir.resolve("gosym-oracle-files.txt");
        StringBuilder lines = new StringBuilder();
        files.forEach(f -> lines.append(f).append('\n'));
        Files.writeString(list, lines);
        ProcessResult r = new ProcessRunner().run(CommandLine.inheriting(List.of("go", "run", ".", list.toString()),
                Map.of("GOTOOLCHAIN", "local", "GOFLAGS", "-buildvcs=false", "CGO_ENABLED", "0"), PROGRAM, Duration.ofMinutes(5)));
        if (r.exitCode() != 0) {
            throw new IOException("the gosym oracle failed: " + r.diagnostics());
        }
        Map<Path, Answer> answers = new LinkedHashMap<>();
        for (String line : r.stdout().split("\n")) {
            if (!line.isBlank()) {
                JsonNode node = JSON.readTree(line);
                List<String> names = new ArrayList<>();
                node.path("Names").forEach(n -> names.add(n.asText()));
                String err = node.path("Err").asText("");
                answers.put(Path.of(node.get("File").asText()), new Answer(names, err.isEmpty() ? Optional.empty() : Optional.of(err)));
            }
        }
        if (answers.size() != files.size()) {
            throw new IOException("the gosym oracle answered " + answers.size() + " of " + files.size() + " files");
        }
        return answers;
    }
}
