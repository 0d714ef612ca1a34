package io.gohygiene.binary.macho;

import io.gohygiene.binary.BinaryFormatException;
import io.gohygiene.binary.BinaryReader;
import io.gohygiene.testing.BinaryFiles;
import io.gohygiene.testing.GoBinaries;
import io.gohygiene.testing.GoTestdata;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;

import static org.junit.jupiter.api.Assertions.*;

/**
 * Real Mach-O files damaged in one field each, and hand-made universal headers: each must be rejected with a
 * BinaryFormatException that names the file, the offset of the bad field and what is wrong with it.
 */
class HostileMachoTest {

    @TempDir
    Path tmp;
    private Path exe;
    private MachoFile original;

    @BeforeEach
    void readOriginal() throws Exception {
        exe = GoBinaries.build("darwin", "arm64");
        original = GoMachoBinariesTest.readThin(exe);
    }

    private LoadCommand command(int cmd) {
        return original.loadCommands().stream().filter(c -> c.cmd() == cmd).findFirst().orElseThrow();
    }

    private Path patch(Consumer<ByteBuffer> edit) {
        return BinaryFiles.patched(exe, tmp.resolve("hostile"), ByteOrder.LITTLE_ENDIAN, edit);
    }

    static BinaryFormatException rejected(Path file, String reason) {
        BinaryFormatException e = assertThrows(BinaryFormatException.class, () -> {
            try (BinaryReader reader = BinaryReader.open(file)) {
                MachoFiles.readAll(reader);
            }
        });
        assertEquals(file, e.file());
        assertTrue(e.reason().contains(reason), "expected \"" + reason + "\" in: " + e.getMessage());
        assertTrue(e.getMessage().startsWith(file + " at offset " + e.offset() + ": "), e.getMessage());
        return e;
    }

    @Test
    void loadCommandWithCmdsizeZero() {
        LoadCommand second = original.loadCommands().get(1);
        BinaryFormatException e = rejected(patch(b -> b.putInt((int) second.offset() + 4, 0)), "has cmdsize 0");
        assertEquals(second.offset() + 4, e.offset());
        assertTrue(e.reason().contains("load command 1 (LC_SEGMENT_64)"), e.reason());
    }

    @Test
    void loadCommandRunningPastSizeofcmds() {
        LoadCommand dylib = command(LoadCommand.LC_LOAD_DYLIB);
        BinaryFormatException e = rejected(patch(b -> b.putInt((int) dylib.offset() + 4, 0x100000)), "runs past the end of sizeofcmds");
        assertEquals(dylib.offset() + 4, e.offset());
    }

    @Test
    void cmdsizeThatWouldWrapBackwardsCannotLoop() {
        LoadCommand uuid = command(LoadCommand.LC_UUID);
        rejected(patch(b -> b.putInt((int) uuid.offset() + 4, -8)), "has cmdsize 4294967288, which runs past the end");
    }

    @Test
    void cmdsizeSmallerThanItsStructure() {
        rejected(patch(b -> b.putInt((int) command(LoadCommand.LC_SEGMENT_64).offset() + 4, 16)),
                "LC_SEGMENT_64 has cmdsize 16, less than the 72 bytes of its structure");
    }

    @Test
    void ncmdsThatCannotFitInSizeofcmds() {
        BinaryFormatException e = rejected(patch(b -> b.putInt(16, -1)), "ncmds 4294967295 load commands cannot fit");
        assertEquals(16, e.offset());
    }

    @Test
    void sizeofcmdsPastTheEndOfTheFile() {
        rejected(patch(b -> b.putInt(20, 0x7ffffff0)), "sizeofcmds 2147483632 runs past the end");
    }

    @Test
    void segmentWithMoreSectionsThanItsCommandHolds() {
        LoadCommand text = original.loadCommands().get(1);
        BinaryFormatException e = rejected(patch(b -> b.putInt((int) text.offset() + 64, 0x7fffffff)),
                "__TEXT: nsects 2147483647 sections of 80 bytes do not fit in cmdsize 392");
        assertEquals(text.offset() + 64, e.offset());
    }

    @Test
    void segmentPastTheEndOfTheFile() throws Exception {
        LoadCommand data = original.loadCommands().get(3);
        long size = Files.size(exe);
        rejected(patch(b -> b.putLong((int) data.offset() + 40, size)), "segment __DATA (fileoff " + size);
    }

    @Test
    void dylibNameOffsetPastTheCommand() {
        LoadCommand dylib = command(LoadCommand.LC_LOAD_DYLIB);
        BinaryFormatException e = rejected(patch(b -> b.putInt((int) dylib.offset() + 8, 4096)),
                "LC_LOAD_DYLIB string offset 4096 lies outside");
        assertEquals(dylib.offset() + 8, e.offset());
    }

    @Test
    void dylibNameWithoutTerminator() {
        LoadCommand dylib = command(LoadCommand.LC_LOAD_DYLIB);
        rejected(patch(b -> {
            for (int i = 24; i < dylib.cmdsize(); i++) {
                b.put((int) dylib.offset() + i, (byte) 'A');
            }
        }), "LC_LOAD_DYLIB string is not NUL-terminated within cmdsize 56");
    }

    @Test
    void dylinkerNameInsideItsOwnStructure() {
        rejected(patch(b -> b.putInt((int) command(LoadCommand.LC_LOAD_DYLINKER).offset() + 8, 4)),
                "LC_LOAD_DYLINKER string offset 4 lies outside");
    }

    @Test
    void rpathOffsetPastTheCommand() throws Exception {
        Path clang = GoTestdata.decoded(GoTestdata.directory("macho").resolve("clang-amd64-darwin-exec-with-rpath.base64"), tmp);
        long rpath;
        try (BinaryReader reader = BinaryReader.open(clang)) {
            rpath = MachoFiles.readAll(reader).get(0).loadCommands().get(13).offset();
        }
        Path bad = BinaryFiles.patched(clang, tmp.resolve("bad-rpath"), ByteOrder.LITTLE_ENDIAN, b -> b.putInt((int) rpath + 8, -1));
        rejected(bad, "LC_RPATH string offset 4294967295 lies outside");
    }

    @Test
    void buildVersionWithMoreToolsThanItsCommandHolds() {
        rejected(patch(b -> b.putInt((int) command(LoadCommand.LC_BUILD_VERSION).offset() + 20, 1000)),
                "LC_BUILD_VERSION ntools 1000 entries do not fit in cmdsize 24");
    }

    @Test
    void codeSignaturePastTheEndOfTheFile() throws Exception {
        long size = Files.size(exe);
        rejected(patch(b -> b.putInt((int) command(LoadCommand.LC_CODE_SIGNATURE).offset() + 8, (int) size)),
                "LC_CODE_SIGNATURE data (");
    }

    /** The signature data is big-endian whatever the image's byte order. */
    private Path patchSignature(int at, int value) {
        long start = original.codeSignature().orElseThrow().dataOffset();
        return patch(b -> b.order(ByteOrder.BIG_ENDIAN).putInt((int) start + at, value));
    }

    @Test
    void signatureThatIsNotASuperBlob() {
        rejected(patchSignature(0, 0x12345678), "code signature magic is 0x12345678, not CSMAGIC_EMBEDDED_SIGNATURE");
    }

    @Test
    void superBlobLongerThanItsData() {
        rejected(patchSignature(4, 0x7fffffff), "SuperBlob length 2147483647 does not fit");
    }

    @Test
    void superBlobWithAHugeCount() {
        rejected(patchSignature(8, 0x10000000), "SuperBlob count 268435456 does not fit");
    }

    @Test
    void blobOffsetOutsideTheSuperBlob() {
        rejected(patchSignature(16, 0x7fffffff), "blob 0 (slot 0) at offset 2147483647 lies outside");
    }

    @Test
    void signatureWithoutCodeDirectory() {
        rejected(patchSignature(12, CodeSignature.CSSLOT_REQUIREMENTS), "has no CodeDirectory");
    }

    @Test
    void codeDirectoryIdentifierOutsideTheBlob() {
        rejected(patchSignature(20 + 20, 0x7fffffff), "CodeDirectory identifier offset 2147483647 lies outside");
    }

    @Test
    void entitlementsBlobIsReadAsXml() throws Exception {
        String xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<plist version=\"1.0\"><dict>"
                + "<key>com.apple.security.get-task-allow</key><true/></dict></plist>\n";
        Path signed = withEntitlements(xml.getBytes(java.nio.charset.StandardCharsets.UTF_8), 0);
        CodeSignature signature = GoMachoBinariesTest.readThin(signed).codeSignature().orElseThrow();
        assertEquals(java.util.Optional.of(xml), signature.entitlements());
        assertEquals("a.out", signature.identifier());
        assertEquals(List.of("adhoc", "linker-signed"), signature.flagNames());

        rejected(withEntitlements(xml.getBytes(java.nio.charset.StandardCharsets.UTF_8), 0x7fff0000),
                "entitlements blob length 2147418112 does not fit");
    }

    /**
     * The Go binary with its signature replaced by a SuperBlob of two blobs, its own CodeDirectory and an
     * entitlements blob (CSSLOT_ENTITLEMENTS, CSMAGIC_EMBEDDED_ENTITLEMENTS), appended at the end of the file.
     */
    private Path withEntitlements(byte[] xml, int badLength) throws Exception {
        byte[] bytes = Files.readAllBytes(exe);
        CodeSignature old = original.codeSignature().orElseThrow();
        int cdLength = (int) old.dataSize() - 20;
        int total = 28 + cdLength + 8 + xml.length;
        ByteBuffer blob = ByteBuffer.allocate(total).order(ByteOrder.BIG_ENDIAN);
        blob.putInt(CodeSignature.CSMAGIC_EMBEDDED_SIGNATURE).putInt(total).putInt(2)
                .putInt(CodeSignature.CSSLOT_CODEDIRECTORY).putInt(28)
                .putInt(CodeSignature.CSSLOT_ENTITLEMENTS).putInt(28 + cdLength)
                .put(bytes, (int) old.dataOffset() + 20, cdLength)
                .putInt(CodeSignature.CSMAGIC_EMBEDDED_ENTITLEMENTS).putInt(badLength != 0 ? badLength : 8 + xml.length).put(xml);
        ByteBuffer file = ByteBuffer.allocate(bytes.length + total).order(ByteOrder.LITTLE_ENDIAN);
        file.put(bytes).put(blob.array());
        int command = (int) command(LoadCommand.LC_CODE_SIGNATURE).offset();
        file.putInt(command + 8, bytes.length).putInt(command + 12, total);
        return BinaryFiles.write(tmp.resolve("entitled"), file.array());
    }

    @Test
    void filesTooShortOrWithoutAMachOMagic() {
        rejected(BinaryFiles.write(tmp.resolve("empty"), new byte[0]), "too short for a Mach-O magic");
        rejected(BinaryFiles.write(tmp.resolve("elf"), new byte[] {0x7f, 'E', 'L', 'F', 2, 1, 1, 0}), "not a Mach-O file");
        rejected(BinaryFiles.write(tmp.resolve("header"), new byte[] {(byte) 0xcf, (byte) 0xfa, (byte) 0xed, (byte) 0xfe, 12, 0, 0, 1}),
                "too short for its 32-byte mach_header");
    }

    @Test
    void loadCommandsTooLargeToReadAreRejectedNotAllocated() throws Exception {
        // A sparse 64 MiB file whose header claims 48 MiB of load commands: in the file, but over the reader's limit.
        Path big = tmp.resolve("big");
        try (java.io.RandomAccessFile file = new java.io.RandomAccessFile(big.toFile(), "rw")) {
            file.setLength(64L << 20);
            file.write(ByteBuffer.allocate(32).order(ByteOrder.LITTLE_ENDIAN).putInt(MachHeader.MH_MAGIC_64)
                    .putInt(0x0100000c).putInt(0).putInt(MachHeader.MH_EXECUTE).putInt(1).putInt(48 << 20).array());
        }
        rejected(big, "load commands is 50331648 bytes, more than the 16777216 this reader accepts");
    }
}
