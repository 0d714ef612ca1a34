package io.gohygiene.binary.pe;

import io.gohygiene.testing.Zig;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

import static org.junit.jupiter.api.Assertions.*;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** A C program linked by zig cc for x86_64-windows-gnu: the C runtime and kernel32 among its imports. */
class ZigPeTest {

    private static final String HELLO = "#include <stdio.h>\nint main(void) { printf(\"hello\\n\"); return 0; }\n";

    @Test
    void cProgramImportsKernel32AndTheCRuntime() throws Exception {
        assumeTrue(Zig.unavailableReason().isEmpty(), () -> Zig.unavailableReason().orElse(""));
        Path exe = Zig.compileC("x86_64-windows-gnu", HELLO,
                Path.of("target/test-binaries/zig/x86_64-windows-gnu").toAbsolutePath(), "hello.exe");
        PeFile pe = GoPeBinariesTest.read(exe);

        assertEquals("AMD64", pe.machineName());
        assertTrue(pe.isPe32Plus());
        assertEquals("WINDOWS_CUI", pe.subsystemName());
        assertTrue(pe.dllCharacteristicNames().containsAll(List.of("DYNAMIC_BASE", "NX_COMPAT")), pe.dllCharacteristicNames().toString());

        List<String> dlls = pe.importedDlls().stream().map(d -> d.toLowerCase(Locale.ROOT)).toList();
        assertTrue(dlls.contains("kernel32.dll"), dlls.toString());
        assertTrue(dlls.stream().anyMatch(d -> d.matches("msvcrt\\.dll|ucrtbase\\.dll|api-ms-win-crt-[a-z]+-l1-1-0\\.dll")),
                "a C runtime DLL: " + dlls);
        assertFalse(pe.importedSymbols("kernel32.dll").isEmpty());
        assertTrue(pe.sections().stream().anyMatch(s -> s.name().equals(".text")));
    }
}
