package io.gohygiene.gobuild;

import io.gohygiene.files.AtomicFiles;
import io.gohygiene.platform.Target;

import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.stream.Collectors;

/**
 * What the build goal made: every output with the target it was built for (as built: with the C compiler found
 * for it and its cgo setting). Written under target/go-hygiene/ after every successful build, so that verify
 * checks exactly these files against exactly these targets, whatever the pom's {@code <targets>} say or omit: a
 * binary the build made is never left unverified. Properties, not JSON: a no-op build reads it without starting
 * a JSON library, and any path (spaces, unicode, shell characters) survives its escaping.
 */
public record BuildOutputs(List<Output> outputs) {

    public static final String FILE_NAME = "build-outputs.properties";

    /** One binary and the target it was built for. */
    public record Output(Target target, Path file) {
    }

    public BuildOutputs {
        outputs = List.copyOf(outputs);
    }

    public static BuildOutputs of(List<BuildResult> results) {
        List<Output> outputs = new ArrayList<>();
        for (BuildResult r : results) {
            r.outputs().forEach(file -> outputs.add(new Output(r.target(), file.toAbsolutePath())));
        }
        return new BuildOutputs(outputs);
    }

    /** {@code <workDirectory>/build-outputs.properties}, whole or not at all. */
    public void write(Path workDirectory) throws IOException {
        Properties p = new Properties();
        p.setProperty("count", Integer.toString(outputs.size()));
        for (int i = 0; i < outputs.size(); i++) {
            Output o = outputs.get(i);
            p.setProperty(i + ".target", o.target().name());
            if (o.target().cgo() != null) {
                p.setProperty(i + ".cgo", o.target().cgo().toString());
            }
            if (o.target().cc() != null) {
                p.setProperty(i + ".cc", o.target().cc());
            }
            p.setProperty(i + ".file", o.file().toString());
        }
        StringWriter text = new StringWriter();
        p.store(text, null);
        // Without the date line Properties.store writes first, an unchanged build writes the same bytes.
        String body = text.toString().lines().filter(l -> !l.startsWith("#")).sorted().collect(Collectors.joining("\n", "", "\n"));
        Files.createDirectories(workDirectory);
        AtomicFiles.write(workDirectory.resolve(FILE_NAME), body.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * The record of the last build in {@code workDirectory}; empty when no build wrote one.
     *
     * @throws IOException when it exists but cannot be read or is damaged: the caller says so rather than verifying
     *                     less than the build made
     */
    public static Optional<BuildOutputs> read(Path workDirectory) throws IOException {
        Path file = workDirectory.resolve(FILE_NAME);
        if (!Files.exists(file)) {
            return Optional.empty();
        }
        Properties p = new Properties();
        try (StringReader in = new StringReader(Files.readString(file, StandardCharsets.UTF_8))) {
            p.load(in);
        } catch (UncheckedIOException | IllegalArgumentException e) {
            throw new IOException(file + " is damaged (" + e.getMessage() + "); delete it and run the build goal again", e);
        }
        try {
            int count = Integer.parseInt(p.getProperty("count", ""));
            List<Output> outputs = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                Target parsed = Target.parse(required(p, i + ".target"));
                String cgo = p.getProperty(i + ".cgo");
                Target target = new Target(parsed.platform(), parsed.variant(), cgo == null ? null : Boolean.valueOf(cgo), p.getProperty(i + ".cc"));
                outputs.add(new Output(target, Path.of(required(p, i + ".file"))));
            }
            return Optional.of(new BuildOutputs(outputs));
        } catch (IllegalArgumentException e) {
            throw new IOException(file + " is damaged (" + e.getMessage() + "); delete it and run the build goal again", e);
        }
    }

    private static String required(Properties p, String key) {
        String value = p.getProperty(key);
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("no " + key);
        }
        return value;
    }
}
