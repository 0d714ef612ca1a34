package io.gohygiene.gobuild;

import io.gohygiene.platform.Platform;
import io.gohygiene.platform.Target;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The one naming function of the build's outputs, which the verify goal uses to find them. */
class OutputNamesTest {

    private static final Path MODULE = Path.of("/work/my-app");

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
        assertEquals("my-app", OutputNames.fileName(MODULE, null, linux, "."));
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
}
