package io.gohygiene.gobuild;

import io.gohygiene.platform.Target;
import io.gohygiene.process.CommandLine;
import io.gohygiene.process.ProcessResult;
import io.gohygiene.process.ProcessRunner;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Differential: the real {@code go build} without {@code -o} writes a file into its working directory; OutputNames
 * must give the same name, for module shapes where the checkout's directory name differs from the module path.
 */
class OutputNamesMatchGoBuildTest {

    private static final String MAIN = "package main\n\nfunc main() {}\n";

    @TempDir
    Path dir;

    /** A module in a directory named {@code directoryName}, with a main package in each of {@code packages}. */
    private Path module(String directoryName, String modulePath, String... packages) throws IOException {
        Path module = Files.createDirectories(dir.resolve(directoryName));
        Files.writeString(module.resolve("go.mod"), "module " + modulePath + "\n\ngo 1.21\n");
        for (String pkg : packages) {
            Path pkgDir = Files.createDirectories(module.resolve(pkg));
            Files.writeString(pkgDir.resolve("main.go"), MAIN);
        }
        return module;
    }

    /** The one file {@code go build <pkg>} (no -o) writes into {@code module}, for {@code target}. */
    private static String fileGoWrites(Path module, Target target, String pkg) throws Exception {
        Set<Path> before = list(module);
        Map<String, String> env = new TreeMap<>(System.getenv());
        env.remove("GOFLAGS");
        env.put("GOOS", target.goos());
        env.put("GOARCH", target.goarch());
        env.put("CGO_ENABLED", "0");
        env.put("GOTOOLCHAIN", "local");
        env.put("GOENV", "off");
        ProcessResult result = new ProcessRunner().run(new CommandLine(
                List.of(BuildTestSupport.go().toString(), "build", "-trimpath", pkg), env, module, Duration.ofMinutes(5)));
        assertEquals(0, result.exitCode(), result.diagnostics());
        List<Path> written = new ArrayList<>(list(module));
        written.removeAll(before);
        assertEquals(1, written.size(), "go build " + pkg + " wrote " + written);
        Files.delete(written.get(0));
        return written.get(0).getFileName().toString();
    }

    private static Set<Path> list(Path module) throws IOException {
        try (Stream<Path> files = Files.list(module)) {
            return files.collect(Collectors.toSet());
        }
    }

    private static void assertSameNameAsGo(Path module, Target target, String... packages) throws Exception {
        for (String pkg : packages) {
            assertEquals(fileGoWrites(module, target, pkg), OutputNames.fileName(module, null, target, pkg),
                    pkg + " in " + module.getFileName() + " for " + target.name());
        }
    }

    @Test
    void aMajorVersionModuleInAWorkspaceDirectoryIsNamedAsGoNamesIt() throws Exception {
        Path workspace = module("workspace", "example.com/netcli/v2", ".", "cmd/helper", "v3", "tools/v1");
        assertSameNameAsGo(workspace, Target.parse("linux/amd64"), ".", "./cmd/helper", "./v3", "./tools/v1");
        assertSameNameAsGo(workspace, Target.parse("windows/amd64"), ".", "./cmd/helper/");
    }

    @Test
    void plainModulesInDirectoriesNamedOtherwiseAreNamedAsGoNamesThem() throws Exception {
        assertSameNameAsGo(module("src", "example.com/netcli", "."), Target.parse("linux/amd64"), ".");
        assertSameNameAsGo(module("checkout", "hello", ".", "cmd/x"), Target.parse("linux/arm64"), ".", "./cmd/x");
        assertSameNameAsGo(module("yaml", "gopkg.in/yaml.v3", "."), Target.parse("linux/amd64"), ".");
        assertSameNameAsGo(module("one", "example.com/tool/v1", "."), Target.parse("linux/amd64"), ".");
        assertSameNameAsGo(module("ten", "example.com/tool/v10", "."), Target.parse("darwin/arm64"), ".");
        Path nested = module("mono", "example.com/mono", "services/api", "services/api/cmd/server");
        assertSameNameAsGo(nested.resolve("services"), Target.parse("linux/amd64"), "./api/cmd/server");
        assertSameNameAsGo(nested.resolve("services/api"), Target.parse("linux/amd64"), ".");
    }
}
