package io.gohygiene.gobuild;

import io.gohygiene.platform.Target;
import io.gohygiene.rules.BinaryToVerify;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Which binaries verify checks: the ones the user lists, else every one the last build recorded
 * ({@link BuildOutputs}), else what lies in the output folders of the configured targets (binaries built by an
 * earlier plugin version, or copied there). Files the user lists are checked even when they are missing or
 * unreadable: the verifier reports each as a failure of its own instead of this stopping at the first.
 */
public final class VerifyInputs {

    /** A binary as the pom ({@code <binary><file>…</file><target>…</target></binary>}) or the command line lists it. */
    public record Declared(String file, String target, String setting) {
    }

    private VerifyInputs() {
    }

    /**
     * @param base       the project directory relative paths are resolved against
     * @param declared   listed binaries; when any, only these are checked
     * @param configured the pom's targets (a listed binary's target takes their cgo and compiler settings)
     * @param outputRoot the build goal's output folder (target/go)
     * @param workDirectory where the build recorded its outputs (target/go-hygiene)
     * @throws IllegalArgumentException a listed binary without a valid target: the message names the setting
     * @throws IOException the build's record exists but cannot be read, or an output folder cannot be listed
     */
    public static List<BinaryToVerify> resolve(Path base, List<Declared> declared, List<Target> configured, Path outputRoot,
                                               Path workDirectory) throws IOException {
        List<BinaryToVerify> result = new ArrayList<>();
        for (Declared d : declared) {
            if (d.file() == null || d.file().isBlank() || d.target() == null || d.target().isBlank()) {
                throw new IllegalArgumentException(d.setting() + ": each binary needs a file and a target (e.g. dist/app=linux/amd64)");
            }
            Target parsed;
            try {
                parsed = Target.parse(d.target());
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(d.setting() + ": the target of " + d.file() + ": " + e.getMessage());
            }
            Target target = configured.stream().filter(t -> t.name().equals(parsed.name())).findFirst().orElse(parsed);
            result.add(new BinaryToVerify(base.resolve(d.file()).normalize(), target, true));
        }
        if (!result.isEmpty()) {
            return result;
        }
        Optional<BuildOutputs> built = BuildOutputs.read(workDirectory);
        if (built.isPresent()) {
            built.get().outputs().forEach(o -> result.add(new BinaryToVerify(o.file(), o.target(), true)));
            return result;
        }
        for (Target t : configured) {
            Path dir = OutputNames.directory(outputRoot, t);
            if (Files.isDirectory(dir)) {
                try (Stream<Path> files = Files.list(dir)) {
                    // Hidden files are not outputs: a build interrupted by a killed JVM may leave its link to the old output.
                    // Anything else that is not a folder is checked: a pipe or a broken link becomes a "readable" failure.
                    files.filter(f -> !Files.isDirectory(f)).filter(f -> !f.getFileName().toString().startsWith(".")).sorted()
                            .forEach(f -> result.add(new BinaryToVerify(f, t, true)));
                }
            }
        }
        return result;
    }

    /** {@code dist/app=linux/amd64,dist/app.exe=windows/amd64} (go-hygiene.binaries) as declared binaries. */
    public static List<Declared> parseList(String list, String setting) {
        List<Declared> declared = new ArrayList<>();
        if (list == null || list.isBlank()) {
            return declared;
        }
        for (String pair : list.split(",")) {
            int eq = pair.lastIndexOf('=');
            if (eq <= 0) {
                throw new IllegalArgumentException(setting + ": '" + pair + "' is not path=goos/goarch, e.g. dist/app=linux/amd64");
            }
            declared.add(new Declared(pair.substring(0, eq).strip(), pair.substring(eq + 1).strip(), setting));
        }
        return declared;
    }
}
