package io.gohygiene.binary.buildinfo;

import io.gohygiene.binary.BinaryFormatException;
import io.gohygiene.binary.BinaryReader;
import io.gohygiene.binary.elf.ElfFile;
import io.gohygiene.binary.elf.SectionHeader;
import io.gohygiene.testing.GoBuild;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.DynamicContainer.dynamicContainer;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

/**
 * Binaries from older Go releases, fetched as toolchain modules through the module proxy ({@code GOTOOLCHAIN=goX}):
 * go1.16 and go1.17 write the pointer layout (the header points at Go string headers, in the target's pointer size
 * and byte order), go1.20 the inline layout. Each is read through its {@link ElfFile} (the production path) and
 * compared with {@code go version -m} of the installed go, which reads all of them.
 */
class OldToolchainBuildInfoTest {

    /** The architectures built with each release: both pointer sizes, both byte orders. */
    record Arch(String goarch, int pointerSize, boolean bigEndian) {
    }

    static final List<Arch> ARCHES = List.of(new Arch("amd64", 8, false), new Arch("386", 4, false),
            new Arch("s390x", 8, true), new Arch("mips", 4, true));

    @TestFactory
    Stream<DynamicNode> pointerLayoutBinariesOfGo116AndGo117() {
        return Stream.of("go1.17.13", "go1.16.15").map(release -> dynamicContainer(release, programs(release, false)));
    }

    @TestFactory
    Stream<DynamicNode> inlineLayoutBinariesOfGo120() {
        return Stream.of(dynamicContainer("go1.20.14", programs("go1.20.14", true)));
    }

    /** The old releases' own executables: GOPATH-mode builds whose module info is empty (1.16, 1.17). */
    @TestFactory
    Stream<DynamicNode> oldGorootExecutables() {
        return Stream.of("go1.16.15", "go1.17.13", "go1.20.14").map(release -> {
            Path goroot = GoBuild.goroot(release);
            List<DynamicTest> tests = new ArrayList<>();
            try {
                for (Path file : GorootBuildInfoTest.executables(goroot)) {
                    tests.add(dynamicTest(goroot.relativize(file).toString(), () -> {
                        BuildInfo info = Differential.readThroughImageAgrees(file);
                        assertEquals(release, info.goVersion());
                        assertEquals(release.equals("go1.20.14"), info.inline(), "layout");
                        assertEquals(release.equals("go1.20.14"), info.hasModuleInfo(), "module info of the release's own tools");
                    }));
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            assertTrue(tests.size() >= 10, "expected the tools of " + release + " under " + goroot);
            return dynamicContainer(release + " GOROOT", tests);
        });
    }

    private static Stream<DynamicNode> programs(String release, boolean inline) {
        List<DynamicNode> tests = new ArrayList<>();
        for (String program : List.of("tiny", "withdeps")) {
            for (Arch arch : ARCHES) {
                tests.add(dynamicTest(program + " linux/" + arch.goarch(), () -> {
                    Path exe = GoBuild.of(program, "linux", arch.goarch()).toolchain(release).goflags("").build();
                    BuildInfo info = Differential.readThroughImageAgrees(exe);
                    assertAll(exe.toString(),
                            () -> assertEquals(release, info.goVersion()),
                            () -> assertEquals(inline, info.inline(), "layout"),
                            () -> assertEquals(arch.pointerSize(), info.pointerSize(), "pointer size"),
                            () -> assertEquals(arch.bigEndian(), info.bigEndian(), "big-endian"),
                            () -> assertEquals("example.com/" + program, info.path()),
                            () -> assertEquals(program.equals("withdeps") ? 4 : 0, info.deps().size(), "deps"));
                    if (inline) {
                        Differential.readInlineAgrees(exe);
                    } else {
                        assertReadInlineRefusesPointerLayout(exe);
                    }
                }));
            }
        }
        return tests.stream();
    }

    /** Without an address map the pointer layout cannot be followed: an error that says so, not "no build info". */
    private static void assertReadInlineRefusesPointerLayout(Path exe) throws Exception {
        try (BinaryReader reader = BinaryReader.open(exe)) {
            SectionHeader section = ElfFile.read(reader).section(".go.buildinfo").orElseThrow();
            BinaryFormatException e = assertThrows(BinaryFormatException.class,
                    () -> BuildInfoReader.readInline(reader, section.offset(), section.size()));
            assertEquals(section.offset(), e.offset());
            assertTrue(e.reason().contains("pointer layout"), e.reason());
            assertFalse(e.reason().isBlank());
        }
    }
}
