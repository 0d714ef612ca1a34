package io.gohygiene.gobuild;

import io.gohygiene.platform.Platform;
import io.gohygiene.platform.Target;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The one naming function of the build's outputs, which the verify goal uses to find them. */
class OutputNamesTest {

    private static final Path MODULE = Path.of("/work/my-app");
    private static final Target LINUX = Target.parse("linux/amd64");

    @TempDir
    Path dir;

    /** A module directory named {@code directoryName} whose go.mod says {@code module <modulePath>}. */
    private Path module(String directoryName, String modulePath) throws IOException {
        Path module = Files.createDirectories(dir.resolve(directoryName));
        Files.writeString(module.resolve("go.mod"), "// the checkout's module\nmodule " + modulePath + " // as published\n\ngo 1.21\n");
        return module;
    }

    private BuildRequest request(Path module, List<String> packages, Map<String, String> names) {
        return new BuildRequest(module, packages, dir.resolve("target/go"), dir.resolve("target/go-hygiene"), List.of(), null,
                List.of(), null, true, Map.of(), false, Duration.ofMinutes(1), 1, Map.of(), null, Map.of(), names);
    }

    @Test
    void theFolderOfATargetIsGoosGoarchAndTheVariantWithOddCharactersReplaced() {
        assertEquals("linux_amd64", OutputNames.key(Target.parse("linux/amd64")));
        assertEquals("linux_amd64_v3", OutputNames.key(Target.parse("linux/amd64/v3")));
        assertEquals("linux_arm_7-softfloat", OutputNames.key(Target.parse("linux/arm/7,softfloat")));
        assertEquals(Path.of("target/go/linux_arm_7-softfloat"),
                OutputNames.directory(Path.of("target/go"), Target.parse("linux/arm/7,softfloat")));
        assertEquals(OutputNames.directory(Path.of("r"), Target.parse("linux/arm64")),
                GoBuild.outputDirectory(Path.of("r"), Target.parse("linux/arm64")), "the old name delegates");
    }

    @Test
    void theFileNameIsThePackagesLastElementPlusTheExtensionOfModeAndGoos() throws Exception {
        Target linux = Target.parse("linux/amd64");
        Target windows = Target.parse("windows/amd64");
        Target darwin = new Target(Platform.parse("darwin/arm64"), null, true, "zig");
        assertEquals("my-app", OutputNames.fileName(MODULE, null, linux, "."), "no go.mod: the directory's name");
        assertEquals("server.exe", OutputNames.fileName(MODULE, null, windows, "./cmd/server/"));
        assertEquals("my-app", OutputNames.fileName(MODULE.resolve("cmd/x"), null, linux, "../.."));
        assertEquals("lib.a", OutputNames.fileName(MODULE, "c-archive", linux, "./lib"));
        assertEquals("lib.lib", OutputNames.fileName(MODULE, "c-archive", windows, "./lib"));
        assertEquals("lib.dll", OutputNames.fileName(MODULE, "c-shared", windows, "./lib"));
        assertEquals("lib.dylib", OutputNames.fileName(MODULE, "c-shared", darwin, "./lib"));
        assertEquals("plug.so", OutputNames.fileName(MODULE, "plugin", linux, "./plug"));
        assertEquals(Path.of("out/lib.h"), OutputNames.header(Path.of("out/lib.so")));
        BuildException e = assertThrows(BuildException.class, () -> OutputNames.fileName(MODULE, null, linux, "./cmd/..."));
        assertTrue(e.getMessage().contains("list each main package"), e.getMessage());
    }

    @Test
    void theModuleRootIsNamedAfterTheModulePathNotTheCheckoutsDirectory() throws Exception {
        Path workspace = module("workspace", "example.com/netcli");
        assertEquals("netcli", OutputNames.fileName(workspace, null, LINUX, "."));
        assertEquals("netcli", OutputNames.fileName(workspace, null, LINUX, "./"));
        assertEquals("netcli.exe", OutputNames.fileName(workspace, null, Target.parse("windows/amd64"), "."));
        assertEquals("netcli", OutputNames.fileName(workspace.resolve("cmd/x"), null, LINUX, "../.."), "a relative way back to the root");
    }

    @Test
    void aPackageBelowTheRootIsNamedAfterItsLastImportPathElement() throws Exception {
        Path src = module("src", "example.com/netcli");
        assertEquals("server", OutputNames.fileName(src, null, LINUX, "./cmd/server"));
        assertEquals("server", OutputNames.fileName(src, null, LINUX, "./cmd/server/"));
        assertEquals("server", OutputNames.fileName(src, null, LINUX, src.resolve("cmd/server").toString()), "an absolute directory");
        Path sub = Files.createDirectories(src.resolve("tools/gen"));
        assertEquals("gen", OutputNames.fileName(sub, null, LINUX, "."), "go.mod in a parent of the module directory");
    }

    @Test
    void aMajorVersionSuffixNamesTheElementBeforeIt() throws Exception {
        Path workspace = module("workspace", "example.com/tool/v2");
        assertEquals("tool", OutputNames.fileName(workspace, null, LINUX, "."));
        assertEquals("helper", OutputNames.fileName(workspace, null, LINUX, "./cmd/helper"));
        assertEquals("v2", OutputNames.fileName(workspace, null, LINUX, "./v3"), "example.com/tool/v2/v3: the element before v3");
        assertEquals("tool", OutputNames.fileName(module("ten", "example.com/tool/v10"), null, LINUX, "."));
        assertEquals("v1", OutputNames.fileName(module("one", "example.com/tool/v1"), null, LINUX, "."), "v1 is no major version suffix");
        assertEquals("v0", OutputNames.fileName(module("zero", "example.com/tool/v0"), null, LINUX, "."));
        assertEquals("v05", OutputNames.fileName(module("lead", "example.com/tool/v05"), null, LINUX, "."));
        assertEquals("yaml.v3", OutputNames.fileName(module("yaml", "gopkg.in/yaml.v3"), null, LINUX, "."), "gopkg.in's .vN stays");
        assertEquals("v2", OutputNames.fileName(module("bare", "v2"), null, LINUX, "."), "a one-element path keeps its element");
        assertEquals("tool", OutputNames.fileName(module("quoted", "\"example.com/tool/v3\""), null, LINUX, "."));
        assertEquals("x", OutputNames.fileName(workspace, null, LINUX, "example.com/tool/v2/cmd/x"), "an import path as given");
        assertEquals("tool", OutputNames.fileName(workspace, null, LINUX, "example.com/tool/v2"));
    }

    @Test
    void aGivenNameReplacesGosAndKeepsTheExtension() throws Exception {
        Path workspace = module("workspace", "example.com/netcli/v2");
        BuildRequest request = request(workspace, List.of(".", "./cmd/helper"), Map.of("./cmd/helper", "netcli-helper"));
        assertEquals(Map.of(".", "netcli", "./cmd/helper", "netcli-helper"), OutputNames.baseNames(request));
        assertEquals(List.of(".", "./cmd/helper"), List.copyOf(OutputNames.baseNames(request).keySet()), "in the packages' order");
        assertEquals("netcli-helper.exe", OutputNames.fileName("netcli-helper", null, Target.parse("windows/amd64")));
        assertEquals("netcli-helper.so", OutputNames.fileName("netcli-helper", "c-shared", LINUX));
        assertEquals(Map.of("./cmd/x", "srv"), request(workspace, List.of(" ./cmd/x "), Map.of(" ./cmd/x ", " srv ")).names(),
                "package and name stripped like the packages");
    }

    @Test
    void aNameThatIsNoFileNameOrNamesNoBuiltPackageIsRejectedNamingTheSetting() throws Exception {
        Path workspace = module("workspace", "example.com/netcli");
        for (String bad : List.of("bin/server", "..\\server", "..", " ")) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> request(workspace, List.of("./cmd/server"), Map.of("./cmd/server", bad)));
            assertTrue(e.getMessage().startsWith("<name> of package ./cmd/server is '" + bad + "': give a file name"), e.getMessage());
        }
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> request(workspace, List.of("./cmd/server"), Map.of("./cmd/other", "x")));
        assertTrue(e.getMessage().contains("package ./cmd/other, which is not one of the packages built (./cmd/server)"), e.getMessage());
    }

    @Test
    void twoPackagesWithOneNameFailNamingBothAndTheNameSetting() throws Exception {
        Path workspace = module("workspace", "example.com/netcli");
        BuildException e = assertThrows(BuildException.class,
                () -> OutputNames.baseNames(request(workspace, List.of("./cmd/server", "./internal/server"), Map.of())));
        assertTrue(e.getMessage().startsWith("packages ./cmd/server and ./internal/server both build to a binary named 'server'"),
                e.getMessage());
        assertTrue(e.getMessage().contains("<package><path>./internal/server</path><name>"), e.getMessage());
        assertFalse(e.target().isPresent(), "it concerns every target");
        BuildException given = assertThrows(BuildException.class,
                () -> OutputNames.baseNames(request(workspace, List.of(".", "./cmd/server"), Map.of("./cmd/server", "netcli"))));
        assertTrue(given.getMessage().startsWith("packages . and ./cmd/server both build to a binary named 'netcli'"), given.getMessage());
        assertEquals(Map.of("./cmd/server", "server", "./internal/server", "server-internal"), OutputNames.baseNames(request(workspace,
                List.of("./cmd/server", "./internal/server"), Map.of("./internal/server", "server-internal"))), "a <name> resolves it");
    }

    @Test
    void theMatrixStopsOnTwoPackagesWithOneNameBeforeAnyTargetBuilds() throws Exception {
        Path workspace = module("workspace", "example.com/netcli");
        List<String> started = new java.util.concurrent.CopyOnWriteArrayList<>();
        BuildMatrix.Listener listener = new BuildMatrix.Listener() {
            @Override
            public void started(Target t) {
                started.add(t.name());
            }

            @Override
            public void finished(BuildResult r) {
            }

            @Override
            public void failed(Target t, BuildException e) {
            }
        };
        BuildException e = assertThrows(BuildException.class, () -> BuildMatrix.buildAll(BuildTestSupport.go(),
                new Platform("linux", "amd64"), request(workspace, List.of("./a/tool", "./b/tool"), Map.of()),
                List.of(LINUX, Target.parse("linux/arm64")), Map.of(), new io.gohygiene.process.ProcessRunner(), listener));
        assertTrue(e.getMessage().startsWith("packages ./a/tool and ./b/tool both build to a binary named 'tool'"), e.getMessage());
        assertEquals(List.of(), started, "one failure for the whole matrix, not one per target");
        assertFalse(Files.exists(dir.resolve("target/go")));
    }
}
