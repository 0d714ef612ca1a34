package io.gohygiene.maven;

import io.gohygiene.binary.BinaryFormatException;
import io.gohygiene.report.Inspection;
import io.gohygiene.report.InspectionFormat;
import io.gohygiene.report.InspectionSummary;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Prints what the parsers see in binaries: format, architecture, interpreter, libraries, version needs,
 * platform minimums, code signature, imports and the Go build info. Needs no pom:
 * {@code mvn io.gohygiene:go-hygiene-maven-plugin:inspect -Dgo-hygiene.file=path/to/binary}. The report is the
 * goal's output: it goes to standard output (so {@code -q} keeps it) or to {@code -Dgo-hygiene.output=FILE}.
 */
@Mojo(name = "inspect", threadSafe = true, requiresProject = false)
public class InspectMojo extends AbstractMojo {

    /** Binaries or directories to inspect, comma-separated; every file under a directory is listed. */
    @Parameter(property = "go-hygiene.file")
    String file;

    /** {@code text} (for people) or {@code json} (the full report). */
    @Parameter(property = "go-hygiene.format", defaultValue = "text")
    String format;

    /** Write the report to this file instead of standard output. */
    @Parameter(property = "go-hygiene.output")
    java.io.File output;

    @Parameter(property = "go-hygiene.skip", defaultValue = "false")
    boolean skip;

    @Override
    public void execute() throws MojoExecutionException, MojoFailureException {
        if (skip) {
            getLog().info("go-hygiene: inspect skipped");
            return;
        }
        if (file == null || file.isBlank()) {
            throw new MojoExecutionException("nothing to inspect: name a binary or a directory with -Dgo-hygiene.file=<path>"
                    + " (several comma-separated), or <file> in the plugin's configuration");
        }
        InspectionFormat chosen;
        try {
            chosen = InspectionFormat.parse(format, "<format> (go-hygiene.format)");
        } catch (IllegalArgumentException e) {
            throw new MojoExecutionException(e.getMessage());
        }
        List<Path> inputs = Arrays.stream(file.split(",")).map(String::strip).filter(s -> !s.isEmpty()).map(Path::of).toList();
        InspectionSummary summary;
        try {
            summary = output == null ? toStandardOutput(inputs, chosen) : toFile(inputs, chosen, output.toPath());
        } catch (IllegalArgumentException e) {
            throw new MojoExecutionException(e.getMessage());
        }
        getLog().info("go-hygiene: " + summary.describe() + (output == null ? "" : "; report written to " + output));
        if (!summary.failures().isEmpty()) {
            throw new MojoFailureException("not inspectable: "
                    + summary.failures().stream().map(BinaryFormatException::getMessage).collect(Collectors.joining("; ")));
        }
    }

    private static InspectionSummary toStandardOutput(List<Path> inputs, InspectionFormat format) throws MojoExecutionException {
        try {
            // Not the log: the report is what the goal produces, and -q must not hide it.
            return Inspection.run(inputs, format, System.out);
        } catch (IOException e) {
            throw new MojoExecutionException("cannot write the inspect report: " + e.getMessage(), e);
        }
    }

    /** Written beside the target and moved over it at the end: a failed run leaves no half report. */
    private static InspectionSummary toFile(List<Path> inputs, InspectionFormat format, Path target) throws MojoExecutionException {
        Path partial = target.resolveSibling(target.getFileName() + ".partial");
        try {
            Path parent = target.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            InspectionSummary summary;
            try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(partial))) {
                summary = Inspection.run(inputs, format, out);
            }
            Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING);
            return summary;
        } catch (IOException e) {
            try {
                Files.deleteIfExists(partial);
            } catch (IOException ignored) {
                // the first error is the one to report
            }
            throw new MojoExecutionException("cannot write the inspect report to " + target + ": " + e.getMessage()
                    + " (go-hygiene.output)", e);
        }
    }
}
