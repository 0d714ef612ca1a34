package io.gohygiene.binary.macho;

import io.gohygiene.testing.Zig;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** C programs linked by zig cc for macOS 11.0: a minos other than Go's, a versioned libSystem, a named signature. */
class ZigMachoTest {

    private static final String HELLO = "#include <stdio.h>\nint main(void) { printf(\"hello\\n\"); return 0; }\n";

    @BeforeAll
    static void needZig() {
        assumeTrue(Zig.unavailableReason().isEmpty(), () -> Zig.unavailableReason().orElse(""));
    }

    @ParameterizedTest
    @CsvSource({"aarch64-macos.11.0, arm64, arm64", "x86_64-macos.11.0, x86_64, amd64"})
    void cProgramForMacos11HasMinos11AndLibSystem(String target, String cpu, String goarch) throws Exception {
        Path exe = Zig.compileC(target, HELLO, Path.of("target/test-binaries/zig").resolve(target).toAbsolutePath(), "hello");
        MachoFile macho = GoMachoBinariesTest.readThin(exe);

        assertEquals(cpu, macho.cpuName());
        assertEquals(goarch, macho.goarch());
        assertEquals("darwin", macho.goos());
        assertEquals("MH_EXECUTE", macho.filetypeName());
        assertTrue(macho.pie());
        BuildVersion build = macho.buildVersion().orElseThrow();
        assertEquals(BuildVersion.PLATFORM_MACOS, build.platform());
        assertEquals("11.0", build.minos());
        assertEquals(1, build.tools().size(), "zig's linker records itself as a tool");

        assertEquals(1, macho.dylibs().size());
        Dylib libSystem = macho.dylibs().get(0);
        assertEquals(Dylib.Kind.LOAD, libSystem.kind());
        assertEquals("/usr/lib/libSystem.B.dylib", libSystem.name());
        assertTrue(libSystem.currentVersion().matches("\\d+\\.\\d+\\.\\d+") && !libSystem.currentVersion().equals("0.0.0"),
                libSystem.currentVersion());
        assertEquals("1.0.0", libSystem.compatibilityVersion());

        if (cpu.equals("arm64")) {
            // Like Apple's ld, zig signs arm64 output only (an unsigned arm64 executable is killed at exec).
            CodeSignature signature = macho.codeSignature().orElseThrow();
            assertEquals(List.of("adhoc", "linker-signed"), signature.flagNames());
            assertEquals("hello", signature.identifier(), "zig's linker names the signature after the output file");
            assertTrue(signature.entitlements().isEmpty());
        }
        assertTrue(macho.buildInfoRegion().isPresent(), "a C program still has a read/write __DATA segment");
        GoMachoBinariesTest.assertLoadCommandsWellFormed(macho);
        GoMachoBinariesTest.assertMatchesFileCommand(exe, macho);
    }
}
