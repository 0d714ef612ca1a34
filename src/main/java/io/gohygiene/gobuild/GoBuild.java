package io.gohygiene.gobuild;

import io.gohygiene.platform.Platform;
import io.gohygiene.platform.Target;
import io.gohygiene.process.CommandLine;
import io.gohygiene.process.Durations;
import io.gohygiene.process.ProcessException;
import io.gohygiene.process.ProcessResult;
import io.gohygiene.process.ProcessRunner;
import io.gohygiene.process.ProcessTimeoutException;
import io.gohygiene.process.SecretMasking;
import io.gohygiene.remotecache.RemoteCacheSummary;
import io.gohygiene.toolchain.GoToolchain;
import io.gohygiene.toolchain.LocatedGo;
import io.gohygiene.toolchain.ToolchainException;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Runs {@code go build} for one target: one command per package, argv only (never a shell), in the module
 * directory, with the environment of {@link BuildEnvironment}. Each binary is built onto its final place, where go
 * skips the link when nothing changed; a binary whose bytes did not change keeps its timestamp.
 * The environment and the commands are written to {@code <workDirectory>/build-<key>.env} and {@code .sh}
 * ({@link RerunFiles}, no credential in them), so a person can re-run the build by hand; the outputs are named by
 * {@link OutputNames}.
 */
public final class GoBuild {

    /** How many lines of go's output a failure message quotes. */
    static final int QUOTED_LINES = 40;

    private GoBuild() {
    }

    /**
     * Builds {@code target} with {@code go}, asking go for its host platform first (a probe of its own). A caller that
     * has probed go already calls {@link #build(Path, Platform, BuildRequest, Target, CToolchain, ProcessRunner,
     * ProcessRunner.LineSink)} with {@code GoToolchain.hostPlatform()}.
     */
    public static BuildResult build(Path go, BuildRequest request, Target target, ProcessRunner.LineSink output)
            throws BuildException {
        return build(go, request, target, CToolchain.DEFAULT, output);
    }

    /** As {@link #build(Path, BuildRequest, Target, ProcessRunner.LineSink)}, with the C toolchain pins for {@code <cc>zig</cc>}. */
    public static BuildResult build(Path go, BuildRequest request, Target target, CToolchain cToolchain,
                                    ProcessRunner.LineSink output) throws BuildException {
        ProcessRunner runner = new ProcessRunner();
        return build(go, hostOf(go, request, runner, target), request, target, cToolchain, runner, output);
    }

    /**
     * Builds {@code target} with {@code go}, whose GOHOSTOS/GOHOSTARCH is {@code host} (it decides which targets are
     * cross builds), running go through {@code runner}.
     */
    public static BuildResult build(Path go, Platform host, BuildRequest request, Target target, CToolchain cToolchain,
                                    ProcessRunner runner, ProcessRunner.LineSink output) throws BuildException {
        long start = System.nanoTime();
        ProcessRunner.LineSink sink = output == null ? ProcessRunner.LineSink.DISCARD : output;
        BuildEnvironment environment = BuildEnvironment.compute(request, target, host, cToolchain);
        Map<String, String> env = environment.variables();
        String key = OutputNames.key(target);
        Path outDir = OutputNames.directory(request.outputRoot(), target);
        Path script = RerunFiles.script(request.workDirectory(), key);
        String ldflags = ldflags(request, target, cToolchain);

        List<Path> finals = new ArrayList<>();
        List<List<String>> commands = new ArrayList<>();
        Map<String, String> names = OutputNames.baseNames(request);
        for (String pkg : request.packages()) {
            Path out = outDir.resolve(OutputNames.fileName(names.get(pkg), request.buildmode(), target));
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

        Path cacheReport = BuildEnvironment.remoteCacheReport(request.workDirectory(), target);
        if (request.remoteCache() != null) {
            try {
                Files.deleteIfExists(cacheReport);
            } catch (IOException e) {
                throw new BuildException(target, "cannot remove the last remote cache report " + cacheReport + " (" + e.getMessage()
                        + "); check that " + request.workDirectory() + " is writable", e);
            }
        }
        boolean unchanged = true;
        for (int i = 0; i < finals.size(); i++) {
            Path out = finals.get(i);
            // go build -o onto the existing output: go skips the link when the output's build ID is current (a
            // fresh name would relink every time), but it touches the file; an output whose bytes did not change
            // gets its old timestamp back, so what depends on it is not rebuilt.
            List<Path> written = new ArrayList<>(List.of(out));
            if (request.buildmode() != null && request.buildmode().startsWith("c-")) {
                written.add(OutputNames.header(out));
            }
            List<OutputState> before = new ArrayList<>();
            try {
                for (Path p : written) {
                    before.add(OutputState.of(p));
                }
                ProcessResult result = run(runner, new CommandLine(commands.get(i), env, request.moduleDirectory(),
                        request.timeout()), target, script, sink);
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
        return new BuildResult(target, finals, Duration.ofNanos(System.nanoTime() - start), commands.get(0), env, unchanged,
                request.remoteCache() == null ? null : RemoteCacheSummary.readOrWarn(cacheReport, target.name()));
    }

    /** {@link OutputNames#key}, kept for callers of the old name. */
    public static String key(Target target) {
        return OutputNames.key(target);
    }

    /** {@link OutputNames#directory}, kept for callers of the old name. */
    public static Path outputDirectory(Path outputRoot, Target target) {
        return OutputNames.directory(outputRoot, target);
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

    private static ProcessResult run(ProcessRunner runner, CommandLine command, Target target, Path script,
                                     ProcessRunner.LineSink sink) throws BuildException {
        try {
            return runner.run(command, sink);
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
     * GOHOSTOS/GOHOSTARCH of {@code go}, for the callers that did not probe it: asked through the toolchain's one probe,
     * with the variables that decide the build cleared (an inherited GOOS go rejects must not fail the question).
     * {@code target} only names the target in the error; null for the whole matrix.
     */
    static Platform hostOf(Path go, BuildRequest request, ProcessRunner runner, Target target) throws BuildException {
        Map<String, String> env = new java.util.TreeMap<>(request.environment());
        BuildEnvironment.DECISIVE.forEach(env::remove);
        try {
            return GoToolchain.probe(new LocatedGo(go, "the build", List.of()), env, request.timeout(), runner).hostPlatform();
        } catch (ToolchainException e) {
            throw new BuildException(target, e.getMessage() + "; " + e.hint()
                    + " (mvn go-hygiene:toolchain says what is wrong)", e);
        }
    }
}
