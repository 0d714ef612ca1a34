package io.gohygiene.binary.buildinfo;

import io.gohygiene.testing.GoBuild;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

/**
 * Every executable of the installed Go ({@code GOROOT/bin}, {@code GOROOT/pkg/tool/<os_arch>}) read by both entry
 * points of the reader and compared with {@code go version -m} field by field.
 */
class GorootBuildInfoTest {

    @TestFactory
    Stream<DynamicTest> everyGorootExecutableAgreesWithGoVersionM() throws IOException {
        Path goroot = GoBuild.goroot("local");
        List<Path> executables = executables(goroot);
        assertTrue(executables.size() >= 10, "expected go, gofmt and the tools under " + goroot + ", found " + executables);
        String goVersion = GoVersionM.of(goroot.resolve("bin/go")).goVersion();
        return executables.stream().flatMap(file -> Stream.of(
                dynamicTest("readInline " + goroot.relativize(file), () -> {
                    BuildInfo info = Differential.readInlineAgrees(file);
                    assertEquals(goVersion, info.goVersion(), "every GOROOT tool is built by the release itself");
                    assertTrue(info.path().startsWith("cmd/"), info.path());
                }),
                dynamicTest("read through image " + goroot.relativize(file), () -> Differential.readThroughImageAgrees(file))));
    }

    /** The executables of a GOROOT, as {@code go version -m GOROOT/bin GOROOT/pkg/tool} would visit them. */
    static List<Path> executables(Path goroot) throws IOException {
        List<Path> dirs = new ArrayList<>(List.of(goroot.resolve("bin")));
        try (Stream<Path> tools = Files.list(goroot.resolve("pkg/tool"))) {
            tools.filter(Files::isDirectory).forEach(dirs::add);
        }
        List<Path> executables = new ArrayList<>();
        for (Path dir : dirs) {
            try (Stream<Path> files = Files.list(dir)) {
                files.filter(Files::isRegularFile).filter(Files::isExecutable).sorted().forEach(executables::add);
            }
        }
        return executables;
    }
}
