package io.gohygiene.report;

import io.gohygiene.binary.BinaryFormatException;
import io.gohygiene.binary.BinaryInspector;
import io.gohygiene.binary.BinaryReport;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * The inspect goal's work: every file named, and every file under every directory named, inspected and written
 * to the report one at a time (text or JSON), each either as what the parsers read or with why it could not be
 * read. Nothing is left out, and memory does not grow with the number of files.
 */
public final class Inspection {

    private Inspection() {
    }

    /**
     * Inspects {@code inputs} (files and directories) into {@code out}, which is flushed but not closed.
     *
     * @throws IOException when {@code out} cannot be written
     * @throws IllegalArgumentException when a directory cannot be listed (its message names it)
     */
    public static InspectionSummary run(List<Path> inputs, InspectionFormat format, OutputStream out) throws IOException {
        boolean singleFile = inputs.size() == 1 && !Files.isDirectory(inputs.get(0));
        // Directories are listed before anything is written: one that cannot be listed fails the run, not half a report.
        List<List<Path>> listed = new ArrayList<>();
        for (Path input : inputs) {
            listed.add(Files.isDirectory(input) ? filesIn(input) : List.of(input));
        }
        int files = 0;
        int inspected = 0;
        int notExecutables = 0;
        List<BinaryFormatException> failures = new ArrayList<>();
        try (InspectionSink sink = format == InspectionFormat.JSON ? new JsonInspectionSink(out, singleFile) : new TextInspectionSink(out)) {
            for (int i = 0; i < inputs.size(); i++) {
                boolean named = !Files.isDirectory(inputs.get(i));
                for (Path file : listed.get(i)) {
                    files++;
                    try {
                        sink.report(BinaryInspector.inspect(file));
                        inspected++;
                    } catch (BinaryFormatException e) {
                        // In a directory, a file without an executable's magic (a README, a pipe) is listed, not a failure.
                        boolean notExecutable = !named && BinaryInspector.formatOf(file).isEmpty();
                        sink.error(e, notExecutable);
                        if (notExecutable) {
                            notExecutables++;
                        } else {
                            failures.add(e);
                        }
                    }
                }
            }
        }
        return new InspectionSummary(files, inspected, failures, notExecutables);
    }

    /** Everything under {@code dir} but directories (symbolic links to them included), in path order. */
    private static List<Path> filesIn(Path dir) {
        try (Stream<Path> paths = Files.walk(dir)) {
            return paths.filter(p -> !Files.isDirectory(p)).sorted().toList();
        } catch (IOException | UncheckedIOException e) {
            throw new IllegalArgumentException("cannot list " + dir + ": " + (e instanceof UncheckedIOException u ? u.getCause() : e).getMessage()
                    + "; name the files to inspect instead", e);
        }
    }
}
