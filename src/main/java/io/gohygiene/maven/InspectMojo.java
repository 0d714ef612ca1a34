package io.gohygiene.maven;

import io.gohygiene.binary.BinaryFormatException;
import io.gohygiene.binary.BinaryInspector;
import io.gohygiene.binary.BinaryReport;
import io.gohygiene.report.InspectionJson;
import io.gohygiene.report.InspectionText;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Prints what the parsers see in binaries: format, architecture, interpreter, libraries, version needs,
 * platform minimums, code signature, imports and the Go build info. Needs no pom:
 * {@code mvn io.gohygiene:go-hygiene-maven-plugin:inspect -Dgo-hygiene.file=path/to/binary}.
 */
@Mojo(name = "inspect", threadSafe = true, requiresProject = false)
public class InspectMojo extends AbstractMojo {

    /** Binaries or directories to inspect, comma-separated; directories are searched for executables. */
    @Parameter(property = "go-hygiene.file", required = true)
    String file;

    /** {@code text} (for people) or {@code json} (the full report). */
    @Parameter(property = "go-hygiene.format", defaultValue = "text")
    String format;

    /** Write the report to this file instead of the log. */
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
        boolean json = switch (format.strip().toLowerCase(java.util.Locale.ROOT)) {
            case "json" -> true;
            case "text" -> false;
            default -> throw new MojoExecutionException("<format> (go-hygiene.format) is '" + format + "'; use text or json");
        };
        List<BinaryReport> reports = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        for (String name : file.split(",")) {
            Path path = Path.of(name.strip());
            if (Files.isDirectory(path)) {
                for (Path candidate : executablesIn(path)) {
                    try {
                        reports.add(BinaryInspector.inspect(candidate));
                    } catch (BinaryFormatException e) {
                        getLog().debug("skipped " + candidate + ": " + e.getMessage());
                    }
                }
            } else if (!Files.exists(path)) {
                throw new MojoExecutionException("go-hygiene.file: " + path + " does not exist");
            } else {
                try {
                    reports.add(BinaryInspector.inspect(path));
                } catch (BinaryFormatException e) {
                    problems.add(e.getMessage());
                }
            }
        }
        List<String> lines = new ArrayList<>();
        if (json) {
            lines.add(InspectionJson.write(reports));
        } else {
            reports.forEach(r -> lines.addAll(InspectionText.render(r)));
        }
        if (output != null) {
            try {
                Files.createDirectories(output.toPath().toAbsolutePath().getParent());
                Files.write(output.toPath(), lines, StandardCharsets.UTF_8);
                getLog().info("go-hygiene: " + reports.size() + " binaries inspected, report written to " + output);
            } catch (IOException e) {
                throw new MojoExecutionException("cannot write " + output + ": " + e.getMessage(), e);
            }
        } else {
            lines.forEach(l -> l.lines().forEach(getLog()::info));
        }
        if (!problems.isEmpty()) {
            throw new MojoFailureException("not inspectable: " + String.join("; ", problems));
        }
    }

    private static List<Path> executablesIn(Path dir) throws MojoExecutionException {
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(Files::isRegularFile).sorted().toList();
        } catch (IOException e) {
            throw new MojoExecutionException("cannot list " + dir + ": " + e.getMessage(), e);
        }
    }
}
