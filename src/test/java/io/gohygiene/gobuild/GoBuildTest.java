package io.gohygiene.gobuild;

import io.gohygiene.binary.BinaryInspector;
import io.gohygiene.binary.BinaryReport;
import io.gohygiene.binary.ExecutableFormat;
import io.gohygiene.binary.elf.ElfFile;
import io.gohygiene.platform.Platform;
import io.gohygiene.platform.Target;
import io.gohygiene.process.CommandLine;
import io.gohygiene.process.ProcessResult;
import io.gohygiene.process.ProcessRunner;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Real {@code go build}s of the programs under src/test/go, copied to a temporary directory. */
class GoBuildTest {

    private static final List<Target> FOUR = List.of(Target.parse("linux/amd64"), Target.parse("linux/arm64"),
            Target.parse("darwin/arm64"), Target.parse("windows/amd64"));

    @TempDir
    Path dir;

    private static final class Recorder implements BuildMatrix.Listener {
        final List<String> events = new CopyOnWriteArrayList<>();

        @Override
        public void started(Target t) {
            events.add("started " + t.name());
        }

        @Override
        public void finished(BuildResult r) {
            events.add("finished " + r.target().name());
        }

        @Override
        public void failed(Target t, BuildException e) {
            events.add("failed " + t.name());
        }
    }

    @Test
    void fourTargetMatrixBuildsWhatEachTargetSaysWhateverTheShellSays() throws Exception {
        Path module = BuildTestSupport.copyProgram("tiny", dir);
        BuildRequest request = BuildTestSupport.request(module, dir, BuildTestSupport.poisonedEnvironment(), null);
        Recorder recorder = new Recorder();

        List<BuildResult> results = BuildMatrix.buildAll(BuildTestSupport.go(), request, FOUR, recorder);

        assertEquals(FOUR, results.stream().map(BuildResult::target).toList(), "results in target order");
        Map<String, ExecutableFormat> formats = Map.of("linux", ExecutableFormat.ELF, "darwin", ExecutableFormat.MACHO,
                "windows", ExecutableFormat.PE);
        for (BuildResult result : results) {
            Target t = result.target();
            Path expected = dir.resolve("target/go/" + t.goos() + "_" + t.goarch() + "/tiny" + (t.goos().equals("windows") ? ".exe" : ""));
            assertEquals(List.of(expected), result.outputs());
            BinaryReport report = BinaryInspector.inspect(expected);
            assertEquals(t.goos(), report.goos(), t.name());
            assertEquals(List.of(t.goarch()), report.goarches(), t.name() + ": the inherited GOARCH=arm64 must not leak");
            assertEquals(formats.get(t.goos()), report.format(), t.name());
            assertFalse(result.unchanged(), "first build");
            // The native target keeps Go's default; every other target is a cross build with cgo off explicitly.
            assertEquals(t.platform().equals(io.gohygiene.testing.GoOnPath.hostPlatform()) ? null : "0", result.environment().get("CGO_ENABLED"), t.name());
            assertFalse(result.environment().containsKey("CC"));
            assertFalse(result.environment().containsKey("GOFLAGS"));
            assertTrue(result.argv().contains("-trimpath"), result.argv().toString());
            assertTrue(Files.isRegularFile(dir.resolve("target/go-hygiene/build-" + t.goos() + "_" + t.goarch() + ".env")));
            assertTrue(Files.isExecutable(dir.resolve("target/go-hygiene/build-" + t.goos() + "_" + t.goarch() + ".sh")));
        }
        for (Target t : FOUR) {
            assertTrue(recorder.events.indexOf("started " + t.name()) >= 0
                    && recorder.events.indexOf("started " + t.name()) < recorder.events.indexOf("finished " + t.name()),
                    recorder.events.toString());
        }
        try (var leftovers = Files.walk(dir.resolve("target/go"))) {
            assertEquals(List.of(), leftovers.filter(p -> p.getFileName().toString().contains(".tmp-")).toList(), "temp files left");
        }

        // A second build yields the same bytes: nothing is touched.
        FileTime old = FileTime.fromMillis(1_000_000_000_000L);
        for (BuildResult result : results) {
            Files.setLastModifiedTime(result.outputs().get(0), old);
        }
        List<BuildResult> again = BuildMatrix.buildAll(BuildTestSupport.go(), request, FOUR, null);
        for (BuildResult result : again) {
            assertTrue(result.unchanged(), result.target().name());
            assertEquals(old, Files.getLastModifiedTime(result.outputs().get(0)), result.target().name());
        }
        try (var leftovers = Files.walk(dir.resolve("target/go"))) {
            assertEquals(List.of(), leftovers.filter(p -> p.getFileName().toString().endsWith(".go-hygiene-before")).toList(),
                    "the links that keep the old outputs during a build are gone");
        }
    }

    @Test
    void cArchiveAndCSharedGetTheirHeaderBesideThem() throws Exception {
        Path module = BuildTestSupport.copyProgram("carchive", dir);
        Target target = new Target(new Platform("linux", "amd64"), null, true, "gcc");
        for (String mode : List.of("c-archive", "c-shared")) {
            BuildRequest request = new BuildRequest(module, List.of(), dir.resolve("target/go-" + mode), dir.resolve("target/go-hygiene"),
                    List.of(), null, List.of(), mode, true, System.getenv(), false, Duration.ofMinutes(10), 1);
            BuildResult result = GoBuild.build(BuildTestSupport.go(), request, target, null);
            Path library = result.outputs().get(0);
            assertEquals(mode.equals("c-archive") ? "carchive.a" : "carchive.so", library.getFileName().toString());
            Path header = library.resolveSibling("carchive.h");
            assertTrue(Files.readString(header).contains("extern int Twice(int x);"), mode + ": " + header);
            try (var files = Files.list(library.getParent())) {
                assertEquals(java.util.stream.Stream.of("carchive.h", library.getFileName().toString()).sorted().toList(),
                        files.map(f -> f.getFileName().toString()).sorted().toList(), "no temporary files left");
            }
            assertEquals(List.of(library), result.outputs(), "the header is not a binary to verify or attach");
        }
    }

    @Test
    void theGoEnvFilesDecisiveSettingsDoNotReachTheBuild() throws Exception {
        Path module = BuildTestSupport.copyProgram("tiny", dir);
        Files.writeString(module.resolve("evil.go"), "//go:build evil\n\npackage main\n\nthis does not compile\n");
        Path envFile = dir.resolve("go-env");
        Files.writeString(envFile, "GOFLAGS=-tags=evil\nGOPRIVATE=corp.example\n");
        Map<String, String> shell = new java.util.TreeMap<>(System.getenv());
        shell.put("GOENV", envFile.toString());
        BuildRequest request = new BuildRequest(module, List.of(), dir.resolve("target/go"), dir.resolve("target/go-hygiene"), List.of(),
                null, List.of(), null, true, shell, false, Duration.ofMinutes(10), 1, Map.of(), null,
                Map.of("GOFLAGS", "-tags=evil", "GOPRIVATE", "corp.example"));

        BuildResult result = GoBuild.build(BuildTestSupport.go(), request, Target.parse("linux/amd64"), null);

        assertEquals("off", result.environment().get("GOENV"));
        assertEquals("corp.example", result.environment().get("GOPRIVATE"), "where-and-how settings still apply");
        String script = Files.readString(dir.resolve("target/go-hygiene/build-linux_amd64.sh"));
        assertTrue(script.contains("#   not used: GOFLAGS (go env file)=-tags=evil"), script);
    }

    /** Issue 16.4: go env -w GOFLAGS=-buildvcs=false is kept, so a module in a git work tree gets no vcs.* stamp. */
    @Test
    void theGoEnvFilesBuildvcsFalseReachesTheBuild() throws Exception {
        Path module = BuildTestSupport.copyProgram("tiny", dir);
        for (List<String> git : List.of(List.of("git", "init", "-q"), List.of("git", "add", "."),
                List.of("git", "-c", "user.name=t", "-c", "user.email=t@example.com", "commit", "-qm", "tiny"))) {
            assertEquals(0, new ProcessBuilder(git).directory(module.toFile()).inheritIO().start().waitFor(), git.toString());
        }
        Path envFile = dir.resolve("go-env");
        Files.writeString(envFile, "GOFLAGS=-buildvcs=false\n");
        Map<String, String> shell = new java.util.TreeMap<>(System.getenv());
        shell.remove("GOFLAGS");
        shell.put("GOENV", envFile.toString());
        BuildRequest request = new BuildRequest(module, List.of(), dir.resolve("target/go"), dir.resolve("target/go-hygiene"), List.of(),
                null, List.of(), null, true, shell, false, Duration.ofMinutes(10), 1, Map.of(), null, Map.of("GOFLAGS", "-buildvcs=false"));

        BuildResult result = GoBuild.build(BuildTestSupport.go(), request, Target.parse("linux/amd64"), null);

        io.gohygiene.binary.buildinfo.BuildInfo info = io.gohygiene.binary.BinaryInspector.inspect(result.outputs().get(0))
                .images().get(0).buildInfo().orElseThrow();
        assertEquals(java.util.Optional.empty(), info.setting("vcs.revision"), "no VCS stamp: " + info.settings());
        assertEquals("-buildvcs=false", result.environment().get("GOFLAGS"));
    }

    @Test
    void changedSourceReplacesTheBinary() throws Exception {
        Path module = BuildTestSupport.copyProgram("tiny", dir);
        BuildRequest request = BuildTestSupport.request(module, dir, System.getenv(), null);
        Target target = Target.parse("linux/amd64");
        BuildResult first = GoBuild.build(BuildTestSupport.go(), request, target, null);
        byte[] before = Files.readAllBytes(first.outputs().get(0));
        BuildRequest withLdflags = BuildTestSupport.request(module, dir, System.getenv(), "-s -w");
        BuildResult second = GoBuild.build(BuildTestSupport.go(), withLdflags, target, null);
        assertFalse(second.unchanged());
        assertFalse(java.util.Arrays.equals(before, Files.readAllBytes(second.outputs().get(0))));
        assertTrue(second.argv().contains("-ldflags=-s -w"), second.argv().toString());
    }

    @Test
    void theScriptReproducesTheBinaryByteForByte() throws Exception {
        Path module = BuildTestSupport.copyProgram("tiny", dir);
        BuildRequest request = BuildTestSupport.request(module, dir, BuildTestSupport.poisonedEnvironment(), null);
        Target target = Target.parse("linux/arm64");
        BuildResult result = GoBuild.build(BuildTestSupport.go(), request, target, null);
        Path binary = result.outputs().get(0);
        byte[] built = Files.readAllBytes(binary);
        Files.delete(binary);

        Path env = dir.resolve("target/go-hygiene/build-linux_arm64.env");
        List<String> envLines = Files.readAllLines(env);
        assertEquals(envLines.stream().sorted().toList(), envLines, "sorted");
        assertTrue(envLines.contains("GOARCH=arm64") && envLines.contains("GOOS=linux") && envLines.contains("CGO_ENABLED=0"),
                envLines.toString());
        String script = Files.readString(dir.resolve("target/go-hygiene/build-linux_arm64.sh"));
        assertTrue(script.contains("env -i "), script);

        ProcessResult rerun = new ProcessRunner().run(new CommandLine(List.of("bash", dir.resolve("target/go-hygiene/build-linux_arm64.sh").toString()),
                Map.of("PATH", "/usr/bin:/bin"), dir, Duration.ofMinutes(5)));
        assertEquals(0, rerun.exitCode(), rerun.diagnostics());
        assertArrayEquals(built, Files.readAllBytes(binary), "the script must rebuild the same bytes");
    }

    @Test
    void theScriptReproducesTheBinaryInADirectoryNamedLikeShellCode() throws Exception {
        // Spaces, both quotes, command substitution in both spellings, a variable, unicode: in the module directory,
        // in the binary's <name>, and in the directory of the outputs and the script.
        Path root = Files.createDirectory(dir.resolve("work dir 'single' \"double\" $(touch pwned) ü ✓"));
        Path module = Files.move(BuildTestSupport.copyProgram("tiny", root), root.resolve("app `touch pwned` $HOME 'q' ü"));
        BuildRequest request = new BuildRequest(module, List.of("."), root.resolve("target/go"), root.resolve("target/go-hygiene"),
                List.of(), "-X 'main.note=$(touch pwned)'", List.of(), null, true, BuildTestSupport.poisonedEnvironment(), false,
                Duration.ofMinutes(5), 1, Map.of(), null, Map.of(), Map.of(".", "app `touch pwned` $HOME 'q' ü"));
        Target target = Target.parse("linux/amd64");

        BuildResult result = GoBuild.build(BuildTestSupport.go(), request, target, null);
        Path binary = result.outputs().get(0);
        assertEquals(root.resolve("target/go/linux_amd64/app `touch pwned` $HOME 'q' ü"), binary);
        byte[] built = Files.readAllBytes(binary);
        Files.delete(binary);
        ProcessResult rerun = new ProcessRunner().run(new CommandLine(
                List.of("sh", root.resolve("target/go-hygiene/build-linux_amd64.sh").toString()),
                Map.of("PATH", "/usr/bin:/bin"), dir, Duration.ofMinutes(5)));

        assertEquals(0, rerun.exitCode(), rerun.diagnostics());
        assertArrayEquals(built, Files.readAllBytes(binary), "the script must rebuild the same bytes");
        try (var files = Files.walk(dir)) {
            assertEquals(List.of(), files.filter(f -> f.getFileName().toString().equals("pwned")).toList(),
                    "a shell ran a command from a path");
        }
        assertFalse(Files.exists(Path.of("pwned")), "a shell ran a command from a path, in the working directory");
    }

    @Test
    void scriptQuotesAwkwardValues() throws Exception {
        assertEquals("'it'\\''s'", RerunFiles.quote("it's"));
        Path module = BuildTestSupport.copyProgram("tiny", dir);
        Map<String, String> env = new java.util.TreeMap<>(System.getenv());
        env.put("GOHYGIENE_TEST_ODD", "a 'quoted' $HOME `x`");
        BuildRequest request = new BuildRequest(module, List.of("."), dir.resolve("target/go"), dir.resolve("target/go-hygiene"),
                List.of(), "-X 'main.version=1 2'", List.of(), null, true, env, false, Duration.ofMinutes(5), 1);
        GoBuild.build(BuildTestSupport.go(), request, Target.parse("linux/amd64"), null);
        Path script = dir.resolve("target/go-hygiene/build-linux_amd64.sh");
        // Print the env the script would give go: run it with go replaced by env.
        String text = Files.readString(script).replace("'" + BuildTestSupport.go() + "' 'build'", "'printenv' 'GOHYGIENE_TEST_ODD' #");
        Path probe = dir.resolve("probe.sh");
        Files.writeString(probe, text);
        ProcessResult out = new ProcessRunner().run(new CommandLine(List.of("sh", probe.toString()), Map.of("PATH", "/usr/bin:/bin"),
                dir, Duration.ofMinutes(1)));
        assertEquals("a 'quoted' $HOME `x`", out.stdout().strip(), out.diagnostics());
    }

    @Test
    void brokenSourceNamesTheTargetAndQuotesTheCompiler() throws Exception {
        Path module = BuildTestSupport.copyProgram("tiny", dir);
        Path main = module.resolve("main.go");
        Files.writeString(main, Files.readString(main) + "\nfunc broken() { undefinedThing() }\n");
        BuildRequest request = BuildTestSupport.request(module, dir, System.getenv(), null);
        Recorder recorder = new Recorder();
        List<Target> two = List.of(Target.parse("linux/amd64"), Target.parse("windows/amd64"));

        BuildException e = assertThrows(BuildException.class,
                () -> BuildMatrix.buildAll(BuildTestSupport.go(), request, two, recorder));

        String message = e.getMessage();
        assertTrue(message.contains("2 of 2 targets failed"), message);
        assertTrue(message.contains("linux/amd64") && message.contains("windows/amd64"), message);
        assertTrue(message.contains("undefined: undefinedThing"), message);
        assertTrue(message.contains("exit code 1"), message);
        assertTrue(message.contains("build-linux_amd64.sh"), message);
        assertTrue(recorder.events.contains("failed linux/amd64") && recorder.events.contains("failed windows/amd64"),
                recorder.events.toString());

        BuildException single = assertThrows(BuildException.class,
                () -> GoBuild.build(BuildTestSupport.go(), request, Target.parse("linux/arm64"), null));
        assertEquals(Target.parse("linux/arm64"), single.target().orElseThrow());
        assertTrue(single.getMessage().startsWith("go build of . for linux/arm64 failed with exit code 1"), single.getMessage());
        assertFalse(Files.exists(dir.resolve("target/go/linux_arm64/tiny")));
    }

    @Test
    void oneFailingTargetDoesNotStopTheOthers() throws Exception {
        Path module = BuildTestSupport.copyProgram("tiny", dir);
        // Only windows sees the broken file.
        Files.writeString(module.resolve("broken_windows.go"), "package main\n\nfunc init() { nope() }\n");
        BuildRequest request = BuildTestSupport.request(module, dir, System.getenv(), null);
        BuildException e = assertThrows(BuildException.class, () -> BuildMatrix.buildAll(BuildTestSupport.go(), request, FOUR, null));
        assertTrue(e.getMessage().startsWith("1 of 4 targets failed to build: windows/amd64"), e.getMessage());
        assertEquals(Target.parse("windows/amd64"), e.target().orElseThrow());
        assertTrue(Files.isRegularFile(dir.resolve("target/go/linux_amd64/tiny")));
        assertTrue(Files.isRegularFile(dir.resolve("target/go/darwin_arm64/tiny")));
    }

    @Test
    void variantGoesIntoTheDirectoryAndTheEnvironment() throws Exception {
        Path module = BuildTestSupport.copyProgram("tiny", dir);
        BuildRequest request = BuildTestSupport.request(module, dir, BuildTestSupport.poisonedEnvironment(), null);
        BuildResult result = GoBuild.build(BuildTestSupport.go(), request, Target.parse("linux/arm/7"), null);
        assertEquals(dir.resolve("target/go/linux_arm_7/tiny"), result.outputs().get(0));
        assertEquals("7", result.environment().get("GOARM"));
        ElfFile elf = (ElfFile) BinaryInspector.inspect(result.outputs().get(0)).images().get(0).executable();
        assertEquals("arm", elf.goarch());
    }

    @Test
    void cgoCrossBuildWithGccLinksAgainstTheTargetsGlibc() throws Exception {
        Path module = BuildTestSupport.copyProgram("buildcgo", dir);
        BuildRequest request = BuildTestSupport.request(module, dir, BuildTestSupport.poisonedEnvironment(), null);
        Target target = new Target(Platform.parse("linux/arm64"), null, true, "aarch64-linux-gnu-gcc");
        BuildResult result = GoBuild.build(BuildTestSupport.go(), request, target, null);
        assertEquals("1", result.environment().get("CGO_ENABLED"));
        assertEquals("aarch64-linux-gnu-gcc", result.environment().get("CC"));
        ElfFile elf = (ElfFile) BinaryInspector.inspect(result.outputs().get(0)).images().get(0).executable();
        assertEquals("arm64", elf.goarch());
        assertEquals(java.util.Optional.of("/lib/ld-linux-aarch64.so.1"), elf.interpreter());
        assertTrue(elf.needed().contains("libc.so.6"), elf.needed().toString());
    }
}
