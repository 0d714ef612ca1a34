package io.gohygiene.testing;

import io.gohygiene.gobuild.BuildException;
import io.gohygiene.gobuild.ZigCc;
import io.gohygiene.platform.Platform;
import io.gohygiene.platform.Target;
import io.gohygiene.process.CommandLine;
import io.gohygiene.process.ProcessResult;
import io.gohygiene.process.ProcessRunner;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code zig cc} from the PyPI package {@code ziglang} ({@code python3 -m ziglang cc}): one C cross compiler for
 * every target, used to get real C executables for macOS and Windows. The first build for a target compiles its
 * libc into zig's cache and may take minutes; later ones are quick.
 */
public final class Zig {

    private static Optional<String> unavailable;

    private Zig() {
    }

    /** Why zig cannot be used here, or empty when it can ({@code python3 -m pip install ziglang}). */
    public static synchronized Optional<String> unavailableReason() {
        if (unavailable == null) {
            try {
                ProcessResult result = run(List.of("python3", "-m", "ziglang", "version"), Path.of(".").toAbsolutePath(),
                        Duration.ofMinutes(1));
                unavailable = result.succeeded() ? Optional.empty()
                        : Optional.of("python3 -m ziglang does not run (python3 -m pip install ziglang): " + result.diagnostics());
            } catch (Exception e) {
                unavailable = Optional.of("python3 -m ziglang does not run (python3 -m pip install ziglang): " + e.getMessage());
            }
        }
        return unavailable;
    }

    /** Compiles one C file for a zig target triple ({@code aarch64-macos.11.0}, {@code x86_64-windows-gnu}). */
    public static Path compileC(String target, String source, Path dir, String output) {
        try {
            Files.createDirectories(dir);
            Path c = dir.resolve(output + ".c");
            Files.writeString(c, source);
            Path exe = dir.resolve(output);
            ProcessResult result = run(List.of("python3", "-m", "ziglang", "cc", "-target", target, "-o", exe.toString(),
                    c.toString()), dir, Duration.ofMinutes(15));
            if (!result.succeeded()) {
                throw new IllegalStateException("zig cc -target " + target + " failed: " + result.diagnostics());
            }
            return exe;
        } catch (Exception e) {
            throw new IllegalStateException("cannot compile C for " + target + " with zig", e);
        }
    }

    /**
     * The cgo program {@code buildcgo} built by the installed go for darwin/{@code goarch} with zig cc as the plugin's
     * {@code <cc>zig</cc><macos>…</macos>} sets it up (the wrapper, the framework stubs, {@code -ldflags=-w}), so the
     * header's minos is {@code macos} whatever the Go release needs.
     */
    public static Path darwinCgo(String goarch, String macos) {
        try {
            Target target = new Target(Platform.parse("darwin/" + goarch), null, true, "zig");
            Path work = Path.of("target/test-binaries/zig-work").toAbsolutePath();
            ZigCc.Prepared zig = ZigCc.prepare(target, Optional.empty(), Optional.empty(), Optional.of(macos), work);
            // A copy under target/: a zig cgo build may leave a stray "-.o" in the directory it builds.
            Path copy = work.resolve("buildcgo");
            Files.createDirectories(copy);
            for (String file : List.of("go.mod", "main.go")) {
                Files.copy(Path.of("src/test/go/buildcgo", file), copy.resolve(file), StandardCopyOption.REPLACE_EXISTING);
            }
            GoBuild build = GoBuild.of("buildcgo", "darwin", goarch).from(copy).cgo(true).env("CC", zig.cc())
                    .flags("-ldflags=" + String.join(" ", zig.extraLdflags()));
            zig.extraEnv().forEach(build::env);
            return build.build();
        } catch (BuildException | IOException e) {
            throw new IllegalStateException("cannot prepare zig for darwin/" + goarch, e);
        }
    }

    private static ProcessResult run(List<String> argv, Path dir, Duration timeout) throws Exception {
        return new ProcessRunner().run(CommandLine.inheriting(argv, Map.of(), dir, timeout));
    }
}
