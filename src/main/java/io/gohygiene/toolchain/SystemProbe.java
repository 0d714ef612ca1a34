package io.gohygiene.toolchain;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Everything the toolchain checks read from the machine, behind one interface so that tests can play
 * any host (a Rosetta-translated Mac, a Linux box with qemu binfmt) on the machine they run on.
 */
public interface SystemProbe {

    /** The host OS in Go's words: linux, darwin, windows, freebsd … */
    String goos();

    /** The environment a build started from here inherits. */
    Map<String, String> environment();

    default Optional<String> env(String name) {
        return Optional.ofNullable(environment().get(name)).filter(v -> !v.isEmpty());
    }

    /** A JVM system property (os.arch, …). */
    Optional<String> property(String name);

    /** Runs a short command and returns its trimmed stdout if it exited 0. */
    Optional<String> run(List<String> argv);

    Optional<String> readFile(Path file);

    boolean isRegularFile(Path file);

    boolean isDirectory(Path dir);

    boolean isExecutable(Path file);

    List<Path> list(Path dir);

    /** The real path of a file, links resolved; the path itself when that fails. */
    Path realPath(Path file);

    /** Looks a program up on this environment's PATH, the way a shell would. */
    default Optional<Path> which(String program) {
        if (program.contains("/") || program.contains("\\")) {
            Path p = Path.of(program);
            return isExecutable(p) ? Optional.of(p) : Optional.empty();
        }
        String path = env("PATH").orElse("");
        boolean windows = goos().equals("windows");
        for (String dir : path.split(windows ? ";" : ":")) {
            if (dir.isEmpty()) {
                continue;
            }
            for (String name : windows ? List.of(program + ".exe", program) : List.of(program)) {
                Path candidate = Path.of(dir, name);
                if (isRegularFile(candidate) && isExecutable(candidate)) {
                    return Optional.of(candidate);
                }
            }
        }
        return Optional.empty();
    }
}
