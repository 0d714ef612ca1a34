package io.gohygiene.toolchain;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Finds the {@code go} executable in this order: the {@code <go>} parameter, a {@code go} toolchain in
 * toolchains.xml, {@code $GOROOT/bin}, {@code PATH}. The first two are explicit choices: when they point at
 * nothing the build stops rather than quietly using another go.
 */
public final class GoLocator {

    private final SystemProbe probe;

    public GoLocator(SystemProbe probe) {
        this.probe = probe;
    }

    /**
     * @param configured    the {@code <go>} parameter: the go executable or a GOROOT directory
     * @param fromToolchains a GOROOT or go executable named by a {@code go} toolchain in toolchains.xml
     */
    public LocatedGo locate(Optional<String> configured, Optional<String> fromToolchains) throws ToolchainException {
        List<String> tried = new ArrayList<>();
        if (configured.isPresent()) {
            return explicit(configured.get(), "<go> parameter (go-hygiene.go)", tried);
        }
        if (fromToolchains.isPresent()) {
            return explicit(fromToolchains.get(), "toolchains.xml (type go)", tried);
        }
        tried.add("<go> parameter: not set");
        tried.add("toolchains.xml: no go toolchain");
        Optional<String> goroot = probe.env("GOROOT");
        if (goroot.isPresent()) {
            Path go = executableIn(Path.of(goroot.get()));
            if (probe.isExecutable(go)) {
                return new LocatedGo(go, "GOROOT environment variable", tried);
            }
            tried.add("GOROOT=" + goroot.get() + ": no " + go.getFileName() + " in its bin/");
        } else {
            tried.add("GOROOT: not set");
        }
        Optional<Path> onPath = probe.which("go");
        if (onPath.isPresent()) {
            return new LocatedGo(onPath.get(), "PATH", tried);
        }
        tried.add("PATH: no go in " + probe.env("PATH").orElse("(PATH unset)"));
        throw new ToolchainException("no go executable found; looked at " + String.join("; ", tried),
                "install Go (https://go.dev/dl) and put its bin directory on PATH, or set <go> in the plugin configuration"
                        + " (or -Dgo-hygiene.go=/path/to/go), or declare a toolchain of type go in ~/.m2/toolchains.xml");
    }

    private LocatedGo explicit(String value, String source, List<String> tried) throws ToolchainException {
        Path path = Path.of(value);
        Path go = probe.isDirectory(path) ? executableIn(path) : path;
        if (!probe.isExecutable(go)) {
            throw new ToolchainException(source + " names " + value + ", which is not an executable go",
                    "point it at the go executable or at a GOROOT directory that holds bin/go");
        }
        return new LocatedGo(go, source, tried);
    }

    private Path executableIn(Path goroot) {
        return goroot.resolve("bin").resolve(probe.goos().equals("windows") ? "go.exe" : "go");
    }
}
