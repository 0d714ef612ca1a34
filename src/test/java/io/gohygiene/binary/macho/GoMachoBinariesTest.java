package io.gohygiene.binary.macho;

import io.gohygiene.binary.BinaryFormatException;
import io.gohygiene.binary.BinaryReader;
import io.gohygiene.binary.ExecutableFormat;
import io.gohygiene.binary.ExecutableImage.Region;
import io.gohygiene.platform.Architectures;
import io.gohygiene.testing.BinaryFiles;
import io.gohygiene.testing.FileCommand;
import io.gohygiene.testing.GoBinaries;
import org.junit.jupiter.api.Test;

import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.*;
import static org.junit.jupiter.api.Assumptions.abort;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** Mach-O executables cross-compiled by the real go from src/test/go/tiny, checked field by field. */
class GoMachoBinariesTest {

    private static final Pattern FILE_MACHO = Pattern.compile("Mach-O (64-bit )?(\\S+) (executable|[a-z ]+?), flags:<([^>]*)>");

    static MachoFile readThin(Path file) throws BinaryFormatException {
        try (BinaryReader reader = BinaryReader.open(file)) {
            List<MachoFile> images = MachoFiles.readAll(reader);
            assertEquals(1, images.size(), "a thin file is one image");
            return images.get(0);
        }
    }

    @Test
    void darwinArm64IsAdhocSignedByTheGoLinkerWithMinos12() throws Exception {
        Path exe = GoBinaries.build("darwin", "arm64");
        MachoFile macho = readThin(exe);

        assertEquals(MachHeader.MH_MAGIC_64, macho.magic());
        assertEquals(ByteOrder.LITTLE_ENDIAN, macho.byteOrder());
        assertEquals(Architectures.CPU_TYPE_ARM64, macho.cputype());
        assertEquals("arm64", macho.cpuName());
        assertEquals("arm64", macho.goarch());
        assertEquals("darwin", macho.goos());
        assertEquals(ExecutableFormat.MACHO, macho.format());
        assertEquals("MH_EXECUTE", macho.filetypeName());
        assertEquals(List.of("MH_DYLDLINK", "MH_PIE"), macho.flagNames());
        assertTrue(macho.pie());
        assertEquals(8, macho.pointerSize());
        assertEquals(0, macho.offset());
        assertEquals(Files.size(exe), macho.size());

        // cmd/link/internal/ld/macho.go: internal linking writes LC_BUILD_VERSION MACOS, minos = sdk = 12.0, no tools.
        BuildVersion build = macho.buildVersion().orElseThrow();
        assertEquals("MACOS", build.platformName());
        assertEquals("12.0", build.minos());
        assertEquals("12.0", build.sdk());
        assertEquals(List.of(), build.tools());
        assertEquals(Optional.of("12.0"), macho.minimumOsVersion());
        assertEquals(List.of(), macho.versionMins());

        assertEquals(List.of(new Dylib(Dylib.Kind.LOAD, "/usr/lib/libSystem.B.dylib", "0.0.0", "0.0.0")), macho.dylibs());
        assertEquals(Optional.of("/usr/lib/dyld"), macho.dylinker());
        assertEquals(List.of(), macho.rpaths());
        assertTrue(macho.uuid().orElseThrow().matches("[0-9A-F]{8}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{12}"));

        // cmd/internal/codesign: one CodeDirectory, flags adhoc|linkerSigned, identifier "a.out", SHA-256 pages.
        CodeSignature signature = macho.codeSignature().orElseThrow();
        assertEquals(CodeSignature.CS_ADHOC | CodeSignature.CS_LINKER_SIGNED, signature.flags());
        assertEquals(List.of("adhoc", "linker-signed"), signature.flagNames());
        assertTrue(signature.isAdhoc());
        assertTrue(signature.isLinkerSigned());
        assertFalse(signature.hasHardenedRuntime());
        assertEquals("a.out", signature.identifier());
        assertEquals(Optional.empty(), signature.teamIdentifier());
        assertEquals("SHA256", signature.hashTypeName());
        assertEquals(Optional.empty(), signature.entitlements());
        assertEquals(Files.size(exe), signature.dataOffset() + signature.dataSize(), "Go puts the signature last");

        assertLoadCommandsWellFormed(macho);
        assertEquals(LoadCommand.LC_CODE_SIGNATURE, macho.loadCommands().get(macho.loadCommands().size() - 1).cmd());
        assertEquals(List.of("__PAGEZERO", "__TEXT", "__DATA_CONST", "__DATA", "__DWARF", "__LINKEDIT"),
                macho.segments().stream().map(Segment::segname).toList());
        assertTrue(macho.sections().stream().anyMatch(s -> s.sectname().equals("__debug_gdb_scri")),
                "a 16-character section name has no NUL and is kept whole");
        assertImageMapping(exe, macho);
        assertMatchesFileCommand(exe, macho);
    }

    @Test
    void darwinAmd64IsNotSignedAndHasTheSameBuildVersion() throws Exception {
        Path exe = GoBinaries.build("darwin", "amd64");
        MachoFile macho = readThin(exe);

        assertEquals(Architectures.CPU_TYPE_X86_64, macho.cputype());
        assertEquals("x86_64", macho.cpuName());
        assertEquals("amd64", macho.goarch());
        assertEquals("darwin", macho.goos());
        assertEquals("MH_EXECUTE", macho.filetypeName());
        assertTrue(macho.pie());
        assertEquals("12.0", macho.buildVersion().orElseThrow().minos());
        assertEquals(List.of("/usr/lib/libSystem.B.dylib"), macho.dylibs().stream().map(Dylib::name).toList());
        assertEquals(Optional.empty(), macho.codeSignature(), "cmd/link signs only darwin/arm64 (NeedCodeSign)");
        assertLoadCommandsWellFormed(macho);
        assertImageMapping(exe, macho);
        assertMatchesFileCommand(exe, macho);
    }

    @Test
    void iosArm64NeedsCgoSoIsSkippedWithoutIt() throws Exception {
        Path exe;
        try {
            exe = GoBinaries.build("ios", "arm64");
        } catch (IllegalStateException e) {
            Throwable cause = e.getCause() != null ? e.getCause() : e;
            abort("go cannot build ios/arm64 without cgo (it requires external linking): " + cause.getMessage());
            return;
        }
        MachoFile macho = readThin(exe);
        assertEquals("ios", macho.goos());
        assertEquals("arm64", macho.goarch());
    }

    static void assertLoadCommandsWellFormed(MachoFile macho) {
        List<LoadCommand> commands = macho.loadCommands();
        assertEquals(macho.header().ncmds(), commands.size());
        long expected = macho.offset() + macho.header().headerSize();
        for (LoadCommand command : commands) {
            assertEquals(expected, command.offset(), command.name());
            expected += command.cmdsize();
        }
        assertEquals(macho.offset() + macho.header().headerSize() + macho.header().sizeofcmds(), expected);
        assertEquals(macho.segments().size(), commands.stream().filter(c -> c.cmd() == LoadCommand.LC_SEGMENT_64).count());
    }

    /** The build-info region and address mapping point at the right bytes of the file, slice offset included. */
    static void assertImageMapping(Path file, MachoFile macho) {
        Section buildinfo = macho.sections().stream().filter(s -> s.sectname().equals("__go_buildinfo")).findFirst().orElseThrow();
        Region region = macho.buildInfoRegion().orElseThrow();
        assertEquals(new Region(buildinfo.addr(), macho.offset() + buildinfo.offset(), buildinfo.size()), region);
        assertTrue(BinaryFiles.hasBuildInfoMagicAt(file, region.fileOffset()), "build info magic at " + region.fileOffset());
        assertEquals(region.fileOffset(), macho.fileOffsetOf(region.address(), 32).orElseThrow());

        Section text = macho.sections().stream().filter(s -> s.sectname().equals("__text")).findFirst().orElseThrow();
        assertEquals(macho.offset() + text.offset(), macho.fileOffsetOf(text.addr(), 16).orElseThrow());
        Section bss = macho.sections().stream().filter(s -> s.sectname().equals("__bss")).findFirst().orElseThrow();
        assertTrue(bss.isZeroFill());
        assertTrue(macho.fileOffsetOf(bss.addr() + 16, 8).isEmpty(), "zero-fill bytes are not in the file");
        assertTrue(macho.fileOffsetOf(0x1000, 8).isEmpty(), "__PAGEZERO is not in the file");
        Segment data = macho.segments().stream().filter(s -> s.segname().equals("__DATA")).findFirst().orElseThrow();
        long end = data.vmaddr() + data.filesize();
        assertTrue(macho.fileOffsetOf(end - 8, 8).isPresent());
        assertTrue(macho.fileOffsetOf(end - 8, 9).isEmpty(), "a range may not run past the segment's file bytes");
    }

    /** file(1) reads the same header: 64-bit, CPU name, file type and the set of MH_ flags. */
    static void assertMatchesFileCommand(Path file, MachoFile macho) {
        Optional<String> description = FileCommand.describe(file);
        assumeTrue(description.isPresent(), "file(1) is not installed");
        Matcher m = FILE_MACHO.matcher(description.get());
        assertTrue(m.find(), description.get());
        assertEquals(macho.is64(), m.group(1) != null, description.get());
        assertEquals(macho.cpuName(), m.group(2), description.get());
        assertEquals(macho.filetype() == MachHeader.MH_EXECUTE, m.group(3).equals("executable"), description.get());
        Set<String> fileFlags = new TreeSet<>(List.of(m.group(4).split("\\|")));
        fileFlags.remove("");
        Set<String> ours = new TreeSet<>(macho.flagNames().stream().map(f -> f.substring("MH_".length())).toList());
        assertEquals(fileFlags, ours, description.get());
    }
}
