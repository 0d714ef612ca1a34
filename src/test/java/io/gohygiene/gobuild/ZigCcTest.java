package io.gohygiene.gobuild;

import io.gohygiene.binary.BinaryInspector;
import io.gohygiene.binary.BinaryReport;
import io.gohygiene.binary.ExecutableFormat;
import io.gohygiene.binary.elf.ElfFile;
import io.gohygiene.binary.elf.VersionNeedAux;
import io.gohygiene.binary.macho.Dylib;
import io.gohygiene.binary.macho.MachoFile;
import io.gohygiene.binary.pe.PeFile;
import io.gohygiene.platform.Platform;
import io.gohygiene.platform.Target;
import io.gohygiene.testing.Zig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** {@code <cc>zig</cc>}: triples, wrappers, stubs, and real cgo builds with zig cc for four kinds of target. */
class ZigCcTest {

    @TempDir
    Path dir;

    private static Target zig(String platform) {
        return new Target(Platform.parse(platform), null, true, "zig");
    }

    private static CToolchain c(String glibc, String libc, String macos) {
        return new CToolchain(Optional.ofNullable(glibc), Optional.ofNullable(libc), Optional.ofNullable(macos));
    }

    private static String triple(String platform, CToolchain c) throws BuildException {
        return ZigCc.triple(zig(platform), c.glibc(), c.libc(), c.macos());
    }

    @Test
    void mapsTargetsToZigTriples() throws Exception {
        assertEquals("aarch64-linux-gnu.2.17", triple("linux/arm64", c("2.17", null, null)));
        assertEquals("x86_64-linux-musl", triple("linux/amd64", c(null, "musl", null)));
        assertEquals("x86_64-linux-gnu", triple("linux/amd64", CToolchain.DEFAULT));
        assertEquals("arm-linux-gnueabihf.2.28", triple("linux/arm", c("2.28", "gnu", null)));
        assertEquals("x86_64-windows-gnu", triple("windows/amd64", CToolchain.DEFAULT));
        assertEquals("aarch64-macos.11.0", triple("darwin/arm64", c(null, null, "11.0")));
        assertEquals("x86_64-macos.12.0", triple("darwin/amd64", c(null, null, "12")));
        assertThrows(BuildException.class, () -> triple("linux/amd64", c("2.17", "musl", null)));
        assertThrows(BuildException.class, () -> triple("windows/amd64", c("2.17", null, null)));
        BuildException bad = assertThrows(BuildException.class, () -> triple("linux/arm64", c("two", null, null)));
        assertTrue(bad.getMessage().contains("2.17"), bad.getMessage());
    }

    @Test
    void writesAnExecutableWrapperAndForDarwinAStubAndMinusW() throws Exception {
        assumeTrue(Zig.unavailableReason().isEmpty(), () -> Zig.unavailableReason().orElse(""));
        ZigCc.Prepared p = ZigCc.prepare(zig("darwin/arm64"), Optional.empty(), Optional.empty(), Optional.of("11.0"), dir);
        Path wrapper = Path.of(p.cc());
        assertEquals(dir.resolve("zig/aarch64-macos.11.0/cc"), wrapper);
        assertTrue(Files.isExecutable(wrapper));
        String script = Files.readString(wrapper);
        assertTrue(script.startsWith("#!/bin/sh\n") && script.contains("cc' -target 'aarch64-macos.11.0' \"$@\""), script);
        Path tbd = dir.resolve("zig/aarch64-macos.11.0/frameworks/CoreFoundation.framework/CoreFoundation.tbd");
        String stub = Files.readString(tbd);
        assertTrue(stub.contains("tbd-version:     4") && stub.contains("arm64-macos")
                && stub.contains(ZigCc.COREFOUNDATION), stub);
        assertEquals("-F" + tbd.getParent().getParent() + " -L" + dir.resolve("zig/aarch64-macos.11.0/lib"), p.extraEnv().get("CGO_LDFLAGS"));
        assertTrue(Files.readString(dir.resolve("zig/aarch64-macos.11.0/lib/libresolv.tbd")).contains("_res_9_ninit"));
        assertEquals(List.of("-w"), p.extraLdflags());

        ZigCc.Prepared linux = ZigCc.prepare(zig("linux/arm64"), Optional.of("2.17"), Optional.empty(), Optional.empty(), dir);
        assertEquals(Map.of(), linux.extraEnv());
        assertEquals(List.of(), linux.extraLdflags());
    }

    private BuildResult build(String platform, CToolchain c, String ldflags) throws Exception {
        assumeTrue(Zig.unavailableReason().isEmpty(), () -> Zig.unavailableReason().orElse(""));
        Path module = Files.isDirectory(dir.resolve("buildcgo")) ? dir.resolve("buildcgo") : BuildTestSupport.copyProgram("buildcgo", dir);
        BuildRequest request = BuildTestSupport.request(module, dir, BuildTestSupport.poisonedEnvironment(), ldflags);
        BuildResult result = GoBuild.build(BuildTestSupport.go(), request, zig(platform), c, null);
        assertEquals("1", result.environment().get("CGO_ENABLED"));
        assertTrue(result.environment().get("CC").endsWith("/cc"), result.environment().get("CC"));
        return result;
    }

    private static int[] version(String glibc) {
        return Arrays.stream(glibc.substring("GLIBC_".length()).split("\\.")).mapToInt(Integer::parseInt).toArray();
    }

    @Test
    void linuxArm64WithGlibcFloorNeedsNothingNewer() throws Exception {
        BuildResult result = build("linux/arm64", c("2.17", null, null), null);
        ElfFile elf = (ElfFile) BinaryInspector.inspect(result.outputs().get(0)).images().get(0).executable();
        assertEquals("arm64", elf.goarch());
        List<String> glibc = elf.versionNeeds().stream().flatMap(n -> n.versions().stream()).map(VersionNeedAux::name)
                .filter(n -> n.startsWith("GLIBC_2")).toList();
        assertFalse(glibc.isEmpty(), "a cgo binary needs some glibc version");
        int[] highest = glibc.stream().map(ZigCcTest::version).max(Arrays::compare).orElseThrow();
        assertTrue(Arrays.compare(highest, new int[] {2, 17}) <= 0, "needs " + glibc);
    }

    @Test
    void linuxAmd64MuslIsStatic() throws Exception {
        BuildResult result = build("linux/amd64", c(null, "musl", null), null);
        ElfFile elf = (ElfFile) BinaryInspector.inspect(result.outputs().get(0)).images().get(0).executable();
        assertEquals("amd64", elf.goarch());
        assertFalse(elf.dynamic(), "musl build must be static; needed=" + elf.needed());
        assertEquals(Optional.empty(), elf.interpreter());
    }

    @Test
    void windowsAmd64IsPe32Plus() throws Exception {
        BuildResult result = build("windows/amd64", CToolchain.DEFAULT, null);
        assertTrue(result.outputs().get(0).toString().endsWith("windows_amd64/buildcgo.exe"));
        BinaryReport report = BinaryInspector.inspect(result.outputs().get(0));
        assertEquals(ExecutableFormat.PE, report.format());
        PeFile pe = (PeFile) report.images().get(0).executable();
        assertTrue(pe.isPe32Plus());
        assertEquals("amd64", pe.goarch());
    }

    @Test
    void darwinArm64WithMacosMinimum() throws Exception {
        BuildResult result = build("darwin/arm64", c(null, null, "11.0"), null);
        assertTrue(result.argv().contains("-ldflags=-w"), result.argv().toString());
        MachoFile macho = (MachoFile) BinaryInspector.inspect(result.outputs().get(0)).images().get(0).executable();
        assertEquals("arm64", macho.goarch());
        assertEquals(Optional.of("11.0"), macho.minimumOsVersion().map(v -> v.replaceAll("^(\\d+\\.\\d+)\\.0$", "$1")));
        assertTrue(macho.dylibs().stream().map(Dylib::name).anyMatch(n -> n.endsWith("libSystem.B.dylib")), macho.dylibs().toString());
        assertTrue(macho.codeSignature().isPresent(), "arm64 Mach-O must be signed");
    }
}
