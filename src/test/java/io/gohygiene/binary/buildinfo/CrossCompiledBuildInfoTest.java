package io.gohygiene.binary.buildinfo;

import io.gohygiene.testing.GoBinaries;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

/**
 * The tiny program cross-compiled by the installed go for 32- and 64-bit, little- and big-endian targets in ELF,
 * Mach-O and PE, read and compared with {@code go version -m}; the header facts are checked against the target.
 */
class CrossCompiledBuildInfoTest {

    /** goos, goarch, pointer size, big-endian. */
    record Platform(String goos, String goarch, int pointerSize, boolean bigEndian) {
        @Override
        public String toString() {
            return goos + "/" + goarch;
        }
    }

    static final List<Platform> PLATFORMS = List.of(
            new Platform("linux", "amd64", 8, false),
            new Platform("linux", "arm64", 8, false),
            new Platform("linux", "386", 4, false),
            new Platform("linux", "arm", 4, false),
            new Platform("linux", "s390x", 8, true),
            new Platform("linux", "ppc64", 8, true),
            new Platform("linux", "mips", 4, true),
            new Platform("darwin", "arm64", 8, false),
            new Platform("windows", "amd64", 8, false),
            new Platform("windows", "386", 4, false),
            new Platform("freebsd", "amd64", 8, false));

    @TestFactory
    Stream<DynamicTest> crossCompiledBinariesAgreeWithGoVersionM() {
        return PLATFORMS.stream().map(p -> dynamicTest(p.toString(), () -> {
            Path exe = GoBinaries.build(p.goos(), p.goarch());
            BuildInfo info = Differential.readInlineAgrees(exe);
            assertTarget(p, info);
            if (Differential.isElf(exe)) {
                assertTarget(p, Differential.readThroughImageAgrees(exe));
            }
        }));
    }

    static void assertTarget(Platform p, BuildInfo info) {
        assertAll(p.toString(),
                () -> assertEquals(p.pointerSize(), info.pointerSize(), "pointer size byte"),
                () -> assertEquals(p.bigEndian(), info.bigEndian(), "big-endian flag"),
                () -> assertEquals(Optional.of(p.goos()), info.setting("GOOS"), "GOOS setting"),
                () -> assertEquals(Optional.of(p.goarch()), info.setting("GOARCH"), "GOARCH setting"),
                () -> assertEquals(Optional.of("true"), info.setting("-trimpath"), "GoBinaries builds with -trimpath"),
                () -> assertEquals("example.com/tiny", info.path()));
    }
}
