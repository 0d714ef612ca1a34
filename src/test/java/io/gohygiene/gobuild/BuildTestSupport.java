package io.gohygiene.gobuild;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Real go, test programs copied out of src/test/go (so the tests may break them), and requests over them. */
final class BuildTestSupport {

    static final Path SOURCES = Path.of("src/test/go").toAbsolutePath();

    private BuildTestSupport() {
    }

    static Path go() {
        return io.gohygiene.testing.GoOnPath.executable();
    }

    /** Copies {@code src/test/go/<program>} to {@code <into>/<program>} and returns the copy. */
    static Path copyProgram(String program, Path into) throws IOException {
        Path from = SOURCES.resolve(program);
        Path to = into.resolve(program);
        io.gohygiene.testing.TestTrees.copy(from, to);
        return to;
    }

    /** This JVM's environment poisoned the way a careless shell would: a different GOOS/GOARCH, cgo and CC, GOFLAGS. */
    static Map<String, String> poisonedEnvironment() {
        Map<String, String> env = new TreeMap<>(System.getenv());
        env.put("GOARCH", "arm64");
        env.put("GOOS", "windows");
        env.put("CGO_ENABLED", "1");
        env.put("CC", "no-such-cc");
        env.put("GOFLAGS", "-mod=mod");
        env.put("GOTOOLCHAIN", "local");
        return env;
    }

    static BuildRequest request(Path module, Path root, Map<String, String> env, String ldflags) {
        return new BuildRequest(module, List.of(), root.resolve("target/go"), root.resolve("target/go-hygiene"),
                List.of(), ldflags, List.of(), null, true, env, false, Duration.ofMinutes(10), 2);
    }
}
