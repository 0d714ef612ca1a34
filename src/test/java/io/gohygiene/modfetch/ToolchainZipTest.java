package io.gohygiene.modfetch;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** The zip the plugin will provision toolchains from: a 70 MB module of a whole Go distribution. */
class ToolchainZipTest {

    private static final String TOOLCHAIN = "golang.org/toolchain@v0.0.1-go1.21.13.linux-amd64";

    @TempDir
    Path temp;

    @Test
    void theToolchainZipHashesAsGoSaysAndUnpacksWithItsGoCommand() throws Exception {
        assumeTrue(GoModDownload.unavailableReason().isEmpty(), () -> GoModDownload.unavailableReason().orElse(""));
        GoModDownload go = GoModDownload.of(TOOLCHAIN);

        assertEquals(go.sum(), DirHash.hashZip(go.zip()));

        Path into = temp.resolve(TOOLCHAIN);
        try {
            assertEquals(go.sum(), ModuleZip.unpack(go.zip(), go.path(), go.version(), into));
            Path goCommand = into.resolve("bin/go");
            assertTrue(Files.isRegularFile(goCommand), "bin/go is unpacked");
            assertEquals(-1L, Files.mismatch(go.dir().resolve("bin/go"), goCommand), "bin/go has go's bytes");
            assertEquals(ModuleZipDifferentialTest.files(go.dir()), ModuleZipDifferentialTest.files(into));
        } finally {
            if (Files.exists(into)) {
                ModuleZip.makeWritable(into);
            }
        }
    }
}
