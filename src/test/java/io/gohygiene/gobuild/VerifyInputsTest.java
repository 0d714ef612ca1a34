package io.gohygiene.gobuild;

import io.gohygiene.platform.Platform;
import io.gohygiene.platform.Target;
import io.gohygiene.rules.BinaryToVerify;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Which binaries verify checks: listed ones, else what the build recorded, else the configured targets' folders. */
class VerifyInputsTest {

    @TempDir
    Path project;

    private Path out() {
        return project.resolve("target/go");
    }

    private Path work() {
        return project.resolve("target/go-hygiene");
    }

    private static BuildResult built(Target target, Path... outputs) {
        return new BuildResult(target, List.of(outputs), Duration.ZERO, List.of("go", "build"), Map.of(), false);
    }

    @Test
    void verifiesWhatTheBuildMadeWhenNoTargetIsConfigured() throws Exception {
        // issue 14: with no <targets> the build made the host's binary, and verify used to say "no binaries to verify".
        Target host = Target.of(new Platform("linux", "amd64"));
        Path app = Files.createDirectories(out().resolve("linux_amd64")).resolve("app");
        Files.writeString(app, "binary");
        BuildOutputs.of(List.of(built(host, app))).write(work());

        List<BinaryToVerify> found = VerifyInputs.resolve(project, List.of(), List.of(), out(), work());

        assertEquals(List.of(new BinaryToVerify(app.toAbsolutePath(), host, true)), found);
    }

    @Test
    void findsAVariantTargetInTheFolderTheBuildWroteTo() throws Exception {
        // issue 14: linux/arm/7,softfloat was built into linux_arm_7-softfloat and looked for in linux_arm_7,softfloat.
        Target arm = Target.parse("linux/arm/7,softfloat");
        Path folder = GoBuild.outputDirectory(out(), arm);
        Path app = Files.createDirectories(folder).resolve("app");
        Files.writeString(app, "binary");

        List<BinaryToVerify> found = VerifyInputs.resolve(project, List.of(), List.of(arm), out(), work());

        assertEquals(List.of(new BinaryToVerify(app, arm, true)), found);
        assertEquals("linux_arm_7-softfloat", folder.getFileName().toString());
    }

    @Test
    void theBuildRecordKeepsTheTargetAsBuiltWithCgoAndCompiler() throws Exception {
        Target cross = new Target(new Platform("linux", "arm64"), null, true, "aarch64-linux-gnu-gcc");
        Target pure = new Target(Platform.parse("windows/amd64"), "v3", false, null);
        Path a = project.resolve("dir with space/ünï ✓ €\\t $(x)/app");
        Path b = project.resolve("w/app.exe");
        BuildOutputs.of(List.of(built(cross, a), built(pure, b))).write(work());

        BuildOutputs read = BuildOutputs.read(work()).orElseThrow();

        assertEquals(List.of(new BuildOutputs.Output(cross, a.toAbsolutePath()), new BuildOutputs.Output(pure, b.toAbsolutePath())), read.outputs());
    }

    @Test
    void aDamagedBuildRecordIsAnErrorNotAnEmptyList() throws Exception {
        Files.createDirectories(work());
        Files.writeString(work().resolve(BuildOutputs.FILE_NAME), "count=2\n0.target=linux/amd64\n");

        Exception e = assertThrows(java.io.IOException.class, () -> VerifyInputs.resolve(project, List.of(), List.of(), out(), work()));
        assertTrue(e.getMessage().contains("is damaged"), e.getMessage());
    }

    @Test
    void listedBinariesWinAndKeepTheirMissingFiles() throws Exception {
        BuildOutputs.of(List.of(built(Target.parse("linux/amd64"), project.resolve("target/go/linux_amd64/app")))).write(work());
        Target configured = new Target(Platform.parse("linux/arm64"), null, true, "zig");

        List<BinaryToVerify> found = VerifyInputs.resolve(project, VerifyInputs.parseList("dist/app=linux/arm64,dist/gone.exe=windows/amd64",
                "go-hygiene.binaries"), List.of(configured), out(), work());

        assertEquals(List.of(new BinaryToVerify(project.resolve("dist/app"), configured, true),
                new BinaryToVerify(project.resolve("dist/gone.exe"), Target.parse("windows/amd64"), true)), found);
    }

    @Test
    void aListedBinaryWithoutAValidTargetNamesTheSetting() {
        Exception noPair = assertThrows(IllegalArgumentException.class, () -> VerifyInputs.parseList("dist/app", "go-hygiene.binaries"));
        assertEquals("go-hygiene.binaries: 'dist/app' is not path=goos/goarch, e.g. dist/app=linux/amd64", noPair.getMessage());
        Exception badTarget = assertThrows(IllegalArgumentException.class, () -> VerifyInputs.resolve(project,
                List.of(new VerifyInputs.Declared("dist/app", "linux", "<binaries>")), List.of(), out(), work()));
        assertTrue(badTarget.getMessage().startsWith("<binaries>: the target of dist/app: "), badTarget.getMessage());
    }

    @Test
    void nothingBuiltAndNothingListedIsAnEmptyList() throws Exception {
        assertEquals(List.of(), VerifyInputs.resolve(project, List.of(), List.of(Target.parse("linux/amd64")), out(), work()));
    }
}
