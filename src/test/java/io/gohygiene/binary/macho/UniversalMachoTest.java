package io.gohygiene.binary.macho;

import io.gohygiene.binary.BinaryReader;
import io.gohygiene.binary.ExecutableFormat;
import io.gohygiene.binary.ExecutableImage.Region;
import io.gohygiene.platform.Architectures;
import io.gohygiene.testing.BinaryFiles;
import io.gohygiene.testing.FileCommand;
import io.gohygiene.testing.GoBinaries;
import io.gohygiene.testing.Lipo;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.*;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** A universal file made from the darwin/amd64 and darwin/arm64 Go binaries the way lipo makes one. */
class UniversalMachoTest {

    @TempDir
    Path tmp;

    static Path universal(Path dir) {
        return Lipo.create(dir.resolve("tiny-universal"),
                List.of(GoBinaries.build("darwin", "amd64"), GoBinaries.build("darwin", "arm64")));
    }

    @Test
    void readAllReturnsBothSlicesWithAbsoluteOffsets() throws Exception {
        Path amd64 = GoBinaries.build("darwin", "amd64");
        Path arm64 = GoBinaries.build("darwin", "arm64");
        Path fat = universal(tmp);
        long amd64Offset = 1L << Lipo.ALIGN;
        long arm64Offset = (amd64Offset + Files.size(amd64) + (1L << Lipo.ALIGN) - 1) >> Lipo.ALIGN << Lipo.ALIGN;

        try (BinaryReader reader = BinaryReader.open(fat)) {
            assertTrue(FatFile.isUniversal(reader));
            assertEquals(List.of(new FatArch(Architectures.CPU_TYPE_X86_64, 3, amd64Offset, Files.size(amd64), Lipo.ALIGN),
                    new FatArch(Architectures.CPU_TYPE_ARM64, 0, arm64Offset, Files.size(arm64), Lipo.ALIGN)), FatFile.read(reader));

            List<MachoFile> slices = MachoFiles.readAll(reader);
            assertEquals(List.of("amd64", "arm64"), slices.stream().map(MachoFile::goarch).toList());
            MachoFile thinAmd64 = GoMachoBinariesTest.readThin(amd64);
            MachoFile thinArm64 = GoMachoBinariesTest.readThin(arm64);
            assertSameImageAt(thinAmd64, slices.get(0), amd64Offset, fat);
            assertSameImageAt(thinArm64, slices.get(1), arm64Offset, fat);
            assertTrue(slices.get(1).codeSignature().isPresent());
            assertEquals(thinArm64.codeSignature(), slices.get(1).codeSignature(),
                    "dataoff is relative to the slice, so the signature read through the fat file is the same");
        }
    }

    private static void assertSameImageAt(MachoFile thin, MachoFile slice, long offset, Path fat) {
        assertEquals(offset, slice.offset());
        assertEquals(thin.size(), slice.size());
        assertTrue(slice.universal());
        assertEquals(ExecutableFormat.MACHO_UNIVERSAL, slice.format());
        assertEquals(thin.header(), slice.header());
        assertEquals(thin.byteOrder(), slice.byteOrder());
        assertEquals(thin.segments(), slice.segments());
        assertEquals(thin.sections(), slice.sections());
        assertEquals(thin.dylibs(), slice.dylibs());
        assertEquals(thin.buildVersion(), slice.buildVersion());
        assertEquals(thin.uuid(), slice.uuid());
        assertEquals("darwin", slice.goos());
        assertEquals(thin.loadCommands().stream().map(c -> c.offset() + offset).toList(),
                slice.loadCommands().stream().map(LoadCommand::offset).toList());

        Region thinRegion = thin.buildInfoRegion().orElseThrow();
        Region region = slice.buildInfoRegion().orElseThrow();
        assertEquals(new Region(thinRegion.address(), thinRegion.fileOffset() + offset, thinRegion.size()), region);
        assertTrue(BinaryFiles.hasBuildInfoMagicAt(fat, region.fileOffset()), slice.cpuName() + " build info at " + region.fileOffset());
        assertEquals(region.fileOffset(), slice.fileOffsetOf(region.address(), 16).orElseThrow());
        GoMachoBinariesTest.assertImageMapping(fat, slice);
    }

    @Test
    void fileCommandSeesTheSameTwoArchitectures() throws Exception {
        Path fat = universal(tmp);
        Optional<String> description = FileCommand.describe(fat);
        assumeTrue(description.isPresent(), "file(1) is not installed");
        assertTrue(description.get().startsWith("Mach-O universal binary with 2 architectures: [x86_64"), description.get());
        assertTrue(description.get().contains("arm64"), description.get());
    }
}
