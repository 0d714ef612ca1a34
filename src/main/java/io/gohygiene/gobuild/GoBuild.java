package io.gohygiene.gobuild;

import io.gohygiene.files.Sha256;
import io.gohygiene.platform.Platform;
import io.gohygiene.platform.Target;
import io.gohygiene.process.CommandLine;
import io.gohygiene.process.Durations;
import io.gohygiene.process.ProcessException;
import io.gohygiene.process.ProcessResult;
import io.gohygiene.process.ProcessRunner;
import io.gohygiene.process.ProcessTimeoutException;
import io.gohygiene.process.SecretMasking;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Runs {@code go build} for one target: one command per package, argv only (never a shell), in the module
 * directory, with the environment of {@link BuildEnvironment}. Each binary is built onto its final place, where go
 * skips the link when nothing changed; a binary whose bytes did not change keeps its timestamp.
 * The environment and the commands are written to {@code <workDirectory>/build-<key>.env} and {@code .sh},
 * so a person can re-run the build by hand.
 */
public final class GoBuild {

    /** How many lines of go's output a failure message quotes. */
    static final int QUOTED_LINES = 40;

    private GoBuild() {
    }

    public static BuildResult build(Path go, BuildRequest request, Target target, ProcessRunner.LineSink output)
            throws BuildException {
        return build(go, request, target, CToolchain.DEFAULT, output);
    }

    /** As {@link #build(Path, BuildRequest, Target, ProcessRunner.LineSink)}, with the C toolchain pins for {@code <cc>zig</cc>}. */
    public static BuildResult build(Path go, BuildRequest request, Target target, CToolchain cToolchain,
                                    ProcessRunner.LineSink output) throws BuildException {
        return build(go, goHost(go, request, target), request, target, cToolchain, output);
    }

    /** As above, for a {@code go} whose GOHOSTOS/GOHOSTARCH ({@link #goHost}) the caller has already asked. */
    static BuildResult build(Path go, Platform host, BuildRequest request, Target target, CToolchain cToolchain,
                             ProcessRunner.LineSink output) throws BuildException {
        long start = System.nanoTime();
        ProcessRunner.LineSink sink = output == null ? ProcessRunner.LineSink.DISCARD : output;
        BuildEnvironment environment = BuildEnvironment.compute(request, target, host, cToolchain);
        Map<String, String> env = environment.variables();
        String key = key(target);
        Path outDir = outputDirectory(request.outputRoot(), target);
        Path script = RerunFiles.script(request.workDirectory(), key);
        String ldflags = ldflags(request, target, cToolchain);

        List<Path> finals = new ArrayList<>();
        List<List<String>> commands = new ArrayList<>();
        for (String pkg : request.packages()) {
            Path out = outDir.resolve(outputName(request, target, pkg));
            if (finals.contains(out)) {
                throw new BuildException(target, "two packages of " + target.name() + " build to the same file " + out
                        + "; give the main packages different directory names");
            }
            finals.add(out);
            commands.add(argv(go, request, ldflags, out, pkg));
        }
        try {
            Files.createDirectories(outDir);
            Files.createDirectories(request.workDirectory());
            RerunFiles.write(request.workDirectory(), key, target, request.moduleDirectory(), environment, commands);
        } catch (IOException e) {
            throw new BuildException(target, "cannot write the build files of " + target.name() + " (" + e.getMessage()
                    + "); check that " + request.outputRoot() + " and " + request.workDirectory() + " are writable", e);
        }

        boolean unchanged = true;
        for (int i = 0; i < finals.size(); i++) {
            Path out = finals.get(i);
            // go build -o onto the existing output: go skips the link when the output's build ID is current (a
            // fresh name would relink every time), but it touches the file; an output whose bytes did not change
            // gets its old timestamp back, so what depends on it is not rebuilt.
            List<Path> written = new ArrayList<>(List.of(out));
            if (request.buildmode() != null && request.buildmode().startsWith("c-")) {
                written.add(header(out));
            }
            List<OutputState> before = new ArrayList<>();
            try {
                for (Path p : written) {
                    before.add(OutputState.of(p));
                }
                ProcessResult result = run(new CommandLine(commands.get(i), env, request.moduleDirectory(), request.timeout()), target,
                        script, sink);
                if (!result.succeeded()) {
                    throw new BuildException(target, failureMessage(target, request.packages().get(i), result, script));
                }
                if (!Files.isRegularFile(out)) {
                    throw new BuildException(target, "go build for " + target.name() + " succeeded but wrote no file for "
                            + request.packages().get(i) + "; is it a main package? (re-run: " + script + ")");
                }
                for (int w = 0; w < written.size(); w++) {
                    unchanged &= before.get(w).restoreIfSame(written.get(w));
                }
            } catch (IOException e) {
                throw new BuildException(target, "cannot read or touch the output of " + target.name() + " at " + out + ": "
                        + e.getMessage() + "; check that the directory is writable", e);
            } finally {
                for (OutputState state : before) {
                    try {
                        state.close();
                    } catch (IOException e) {
                        // a leftover link is removed by the next build of this target
                    }
                }
            }
        }
        return new BuildResult(target, finals, Duration.ofNanos(System.nanoTime() - start), commands.get(0), env, unchanged);
    }

    /** The C header go writes for a c-archive or c-shared output: its name with .h in place of the extension. */
    static Path header(Path output) {
        String name = output.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return output.resolveSibling((dot > 0 ? name.substring(0, dot) : name) + ".h");
    }

    /** {@code linux_amd64}, {@code linux_amd64_v3}, {@code linux_arm_7-softfloat}: the directory and file key of a target. */
    public static String key(Target target) {
        String key = target.goos() + "_" + target.goarch();
        if (target.variant() != null) {
            key += "_" + target.variant().replaceAll("[^A-Za-z0-9.]", "-");
        }
        return key;
    }

    /** Where the binaries of {@code target} go: {@code <outputRoot>/<goos>_<goarch>[_<variant>]}. */
    public static Path outputDirectory(Path outputRoot, Target target) {
        return outputRoot.resolve(key(target));
    }

    /** The file name of {@code pkg}'s binary: its last path element (the module directory's name for "."), plus .exe on windows. */
    static String outputName(BuildRequest request, Target target, String pkg) throws BuildException {
        if (pkg.contains("...")) {
            throw new BuildException(target, "package pattern '" + pkg + "' names several packages; list each main package"
                    + " (./cmd/a, ./cmd/b) so that each gets its own binary");
        }
        String trimmed = pkg.replace('\\', '/').replaceAll("/+$", "");
        String name;
        if (trimmed.isEmpty() || trimmed.equals(".")) {
            name = request.moduleDirectory().getFileName().toString();
        } else {
            String last = trimmed.substring(trimmed.lastIndexOf('/') + 1);
            if (last.equals(".") || last.equals("..")) {
                last = request.moduleDirectory().resolve(trimmed).normalize().getFileName().toString();
            }
            name = last;
        }
        return name + extension(request.buildmode(), target.goos());
    }

    private static String extension(String buildmode, String goos) {
        if (buildmode != null) {
            switch (buildmode) {
                case "c-archive":
                    return goos.equals("windows") ? ".lib" : ".a";
                case "c-shared":
                    return goos.equals("windows") ? ".dll" : goos.equals("darwin") || goos.equals("ios") ? ".dylib" : ".so";
                case "plugin":
                    return ".so";
                default:
                    break;
            }
        }
        return goos.equals("windows") ? ".exe" : "";
    }

    private static String ldflags(BuildRequest request, Target target, CToolchain cToolchain) {
        String ldflags = request.ldflags();
        if (target.wantsCgo() && ZigCc.isZig(target.cc())) {
            for (String flag : ZigCc.requiredLdflags(target)) {
                if (ldflags == null) {
                    ldflags = flag;
                } else if (!List.of(ldflags.split("\\s+")).contains(flag)) {
                    ldflags = ldflags + " " + flag;
                }
            }
        }
        return ldflags;
    }

    private static List<String> argv(Path go, BuildRequest request, String ldflags, Path out, String pkg) {
        List<String> argv = new ArrayList<>(List.of(go.toString(), "build"));
        if (request.trimpath()) {
            argv.add("-trimpath");
        }
        if (request.buildmode() != null) {
            argv.add("-buildmode=" + request.buildmode());
        }
        if (!request.tags().isEmpty()) {
            argv.add("-tags=" + String.join(",", request.tags()));
        }
        if (ldflags != null) {
            argv.add("-ldflags=" + ldflags);
        }
        argv.addAll(request.buildFlags());
        argv.add("-o");
        argv.add(out.toString());
        argv.add(pkg);
        return argv;
    }

    private static ProcessResult run(CommandLine command, Target target, Path script, ProcessRunner.LineSink sink)
            throws BuildException {
        try {
            return new ProcessRunner().run(command, sink);
        } catch (ProcessTimeoutException e) {
            throw new BuildException(target, "go build for " + target.name() + " ran longer than " + Durations.format(command.timeout())
                    + " and was killed; raise the build timeout, or re-run " + script + " to see where it hangs", e);
        } catch (ProcessException e) {
            throw new BuildException(target, "cannot run go build for " + target.name() + ": " + e.getMessage()
                    + "; check the go executable (" + command.program() + ")", e);
        }
    }

    private static String failureMessage(Target target, String pkg, ProcessResult result, Path script) {
        List<String> lines = result.diagnostics().lines().toList();
        List<String> quoted = lines.size() > QUOTED_LINES ? lines.subList(lines.size() - QUOTED_LINES, lines.size()) : lines;
        StringBuilder message = new StringBuilder("go build of ").append(pkg).append(" for ").append(target.name())
                .append(" failed with exit code ").append(result.exitCode());
        if (lines.size() > QUOTED_LINES) {
            message.append(" (last ").append(QUOTED_LINES).append(" of ").append(lines.size()).append(" lines)");
        }
        message.append(":\n");
        quoted.forEach(line -> message.append("  ").append(SecretMasking.urls(line)).append('\n'));
        message.append("Fix the error above; to re-run this exact build by hand: sh ").append(script);
        return message.toString();
    }

    /**
     * An output as it was before a build, kept by a hard link beside it. go either leaves an up-to-date output alone
     * (it only sets its time: the same file) or replaces it (a rename or a remove-and-create: another file), never
     * rewriting it in place; so the same file after the build means the same bytes, and a replacement is compared with
     * the kept one byte for byte and, when equal, the kept one (its time, its inode) goes back. Where the file system
     * has no hard links, a SHA-256 of the old bytes stands in.
     */
    private static final class OutputState implements AutoCloseable {
        private final Path kept;
        private final java.nio.file.attribute.FileTime time;
        private final byte[] sha256;

        private OutputState(Path kept, java.nio.file.attribute.FileTime time, byte[] sha256) {
            this.kept = kept;
            this.time = time;
            this.sha256 = sha256;
        }

        static OutputState of(Path file) throws IOException {
            if (!Files.isRegularFile(file)) {
                return new OutputState(null, null, null);
            }
            java.nio.file.attribute.FileTime time = Files.getLastModifiedTime(file);
            Path kept = file.resolveSibling("." + file.getFileName() + ".go-hygiene-before");
            Files.deleteIfExists(kept);
            try {
                Files.createLink(kept, file);
                return new OutputState(kept, time, null);
            } catch (UnsupportedOperationException | IOException e) {
                return new OutputState(null, time, Sha256.of(file));
            }
        }

        /** True, with the old file or its time back, when {@code now} has the bytes it had; false when new or changed. */
        boolean restoreIfSame(Path now) throws IOException {
            if (time == null || !Files.isRegularFile(now)) {
                return false;
            }
            if (kept == null) {
                if (!java.util.Arrays.equals(Sha256.of(now), sha256)) {
                    return false;
                }
            } else if (!Files.isSameFile(kept, now)) {
                if (Files.mismatch(kept, now) != -1) {
                    return false;
                }
                Files.move(kept, now, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
                return true;
            }
            Files.setLastModifiedTime(now, time);
            return true;
        }

        @Override
        public void close() throws IOException {
            if (kept != null) {
                Files.deleteIfExists(kept);
            }
        }
    }

    /**
     * GOHOSTOS/GOHOSTARCH of {@code go}, which decides whether a target is a cross build. Asked once per build matrix,
     * not cached by the class: such a cache would outlive the build (a Maven daemon, an IDE) and a go upgraded in place.
     * {@code target} only names the target in the error; null when asked for the whole matrix.
     */
    static Platform goHost(Path go, BuildRequest request, Target target) throws BuildException {
        Map<String, String> env = new java.util.TreeMap<>(request.environment());
        BuildEnvironment.DECISIVE.forEach(env::remove);
        try {
            ProcessResult result = new ProcessRunner().run(new CommandLine(List.of(go.toString(), "env", "GOHOSTOS", "GOHOSTARCH"),
                    env, request.moduleDirectory(), request.timeout()));
            List<String> lines = result.stdout().lines().map(String::strip).filter(s -> !s.isEmpty()).toList();
            if (!result.succeeded() || lines.size() != 2) {
                throw new BuildException(target, "'" + go + " env GOHOSTOS GOHOSTARCH' failed (exit " + result.exitCode() + "): "
                        + result.diagnostics() + "; check the go toolchain (mvn go-hygiene:toolchain says what is wrong)");
            }
            return new Platform(lines.get(0), lines.get(1));
        } catch (ProcessException e) {
            throw new BuildException(target, "cannot run " + go + ": " + e.getMessage()
                    + "; check the go executable (mvn go-hygiene:toolchain says what is wrong)", e);
        }
    }
}
