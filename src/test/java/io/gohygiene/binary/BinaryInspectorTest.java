package io.gohygiene.binary;

import io.gohygiene.process.CommandLine;
import io.gohygiene.process.ProcessResult;
import io.gohygiene.process.ProcessRunner;
import io.gohygiene.testing.GoBinaries;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Inspects real executables cross-compiled by the real go, checked against {@code file -b}, and malformed ones. */
class BinaryInspectorTest {

    /** What {@code file -b} (5.4x) starts with, for what our reader says: format and GOARCH. */
    private static final Map<String, String> FILE_SAYS = Map.ofEntries(
            Map.entry("ELF amd64", "ELF 64-bit LSB executable, x86-64,"),
            Map.entry("ELF arm64", "ELF 64-bit LSB executable, ARM aarch64,"),
            Map.entry("ELF 386", "ELF 32-bit LSB executable, Intel (80386|i386),"),
            Map.entry("ELF arm", "ELF 32-bit LSB executable, ARM, EABI5"),
            Map.entry("ELF riscv64", "ELF 64-bit LSB executable, UCB RISC-V,"),
            Map.entry("ELF ppc64le", "ELF 64-bit LSB executable, 64-bit PowerPC"),
            Map.entry("ELF ppc64", "ELF 64-bit MSB executable, 64-bit PowerPC"),
            Map.entry("ELF s390x", "ELF 64-bit MSB executable, IBM S/390,"),
            Map.entry("ELF mips64le", "ELF 64-bit LSB executable, MIPS,"),
            Map.entry("ELF mips", "ELF 32-bit MSB executable, MIPS,"),
            Map.entry("ELF loong64", "ELF 64-bit LSB executable, LoongArch,"),
            Map.entry("Mach-O amd64", "Mach-O 64-bit x86_64 executable"),
            Map.entry("Mach-O arm64", "Mach-O 64-bit arm64 executable"),
            Map.entry("PE amd64", "PE32\\+ executable \\(console\\) x86-64"),
            Map.entry("PE arm64", "PE32\\+ executable \\(console\\) Aarch64"),
            Map.entry("PE 386", "PE32 executable \\(console\\) Intel (80386|i386)"));

    /** How {@code file -b} names the OS our reader says: the ELF OS ABI in parentheses, or the PE target. */
    private static final Map<String, String> FILE_SAYS_OS = Map.of(
            "linux", "version 1 (SYSV)",
            "freebsd", "version 1 (FreeBSD)",
            "openbsd", "version 1 (OpenBSD)",
            "netbsd", "version 1 (NetBSD)",
            "windows", "for MS Windows",
            "darwin", "Mach-O");

    private static final int CPU_SUBTYPE_MASK = 0xff000000;

    @TempDir
    Path dir;

    @ParameterizedTest(name = "{0}/{1}")
    @CsvSource({
            "linux,   amd64,    ELF",
            "linux,   arm64,    ELF",
            "linux,   386,      ELF",
            "linux,   arm,      ELF",
            "linux,   riscv64,  ELF",
            "linux,   ppc64le,  ELF",
            "linux,   ppc64,    ELF",
            "linux,   s390x,    ELF",
            "linux,   mips64le, ELF",
            "linux,   mips,     ELF",
            "linux,   loong64,  ELF",
            "freebsd, amd64,    ELF",
            "openbsd, amd64,    ELF",
            "netbsd,  amd64,    ELF",
            "darwin,  amd64,    MACHO",
            "darwin,  arm64,    MACHO",
            "windows, amd64,    PE",
            "windows, arm64,    PE",
            "windows, 386,      PE",
    })
    void readsWhatWasBuiltAndAgreesWithFile(String goos, String goarch, ExecutableFormat format) throws Exception {
        Path exe = GoBinaries.build(goos, goarch);

        BinaryReport header = BinaryInspector.inspect(exe);

        assertEquals(format, header.format());
        assertEquals(goos, header.goos());
        assertEquals(List.of(goarch), header.goarches());
        assertEquals(exe, header.file());
        assertEquals(goos + "/" + goarch + " " + format, header.describe());

        String fileSays = file(exe);
        String expected = FILE_SAYS.get(header.format() + " " + header.goarches().get(0));
        assertTrue(expected != null && Pattern.compile("^" + expected).matcher(fileSays).find(),
                "we read " + header.describe() + ", file -b says: " + fileSays);
        assertTrue(fileSays.contains(FILE_SAYS_OS.get(header.goos())), "we read " + header.describe() + ", file -b says: " + fileSays);
    }

    @Test
    void readsAUniversalBinaryBuiltAsLipoBuildsIt() throws Exception {
        Path universal = lipo(dir.resolve("tiny-universal"), GoBinaries.build("darwin", "amd64"), GoBinaries.build("darwin", "arm64"));

        BinaryReport header = BinaryInspector.inspect(universal);

        assertEquals(ExecutableFormat.MACHO_UNIVERSAL, header.format());
        assertEquals("darwin", header.goos());
        assertEquals(List.of("amd64", "arm64"), header.goarches());
        assertTrue(header.contains("arm64"));
        assertEquals("darwin/amd64+arm64 Mach-O universal", header.describe());
        // file 5.4x separates the slices with a literal "\012- " (an escaped newline); it is not part of the description.
        String fileSays = file(universal).replace("\\012- ", "");
        assertTrue(fileSays.startsWith("Mach-O universal binary with 2 architectures"), fileSays);
        assertTrue(fileSays.contains("[x86_64:Mach-O 64-bit x86_64 executable"), fileSays);
        assertTrue(fileSays.contains("[arm64:Mach-O 64-bit arm64 executable"), fileSays);
    }

    @Test
    void listsTheArchitecturesOfAUniversalBinaryInTheOrderWritten() throws Exception {
        Path universal = lipo(dir.resolve("tiny-universal"), GoBinaries.build("darwin", "arm64"), GoBinaries.build("darwin", "amd64"));

        assertEquals(List.of("arm64", "amd64"), BinaryInspector.inspect(universal).goarches());
    }

    @Test
    void rejectsAnEmptyFile() throws Exception {
        assertRejected(Files.createFile(dir.resolve("empty")), "0 bytes");
    }

    @Test
    void rejectsAFileTooShortForAnyMagic() throws Exception {
        BinaryFormatException e = assertRejected(write("three", new byte[] {0x7f, 'E', 'L'}), "3 bytes");

        assertEquals(0, e.offset());
    }

    @Test
    void rejectsATextFile() throws Exception {
        BinaryFormatException e = assertRejected(write("script.sh", "#!/bin/sh\necho hello\n".getBytes(StandardCharsets.UTF_8)),
                "not an ELF, Mach-O or PE");

        assertEquals(0, e.offset());
    }

    @Test
    void rejectsATruncatedElf() throws Exception {
        byte[] elf = Files.readAllBytes(GoBinaries.build("linux", "amd64"));

        BinaryFormatException e = assertRejected(write("truncated-elf", Arrays.copyOf(elf, 10)), "file is 10 bytes, shorter than the 16-byte ELF identification");

        assertEquals(0, e.offset(), "the offset is where the ELF header starts");
    }

    @Test
    void reportsAnElfForAMachineGoDoesNotBuildForAsUnknown() throws Exception {
        byte[] elf = Files.readAllBytes(GoBinaries.build("linux", "amd64"));
        elf[18] = 2; // EM_SPARC, little-endian e_machine
        elf[19] = 0;

        assertTrue(BinaryInspector.inspect(write("sparc-elf", elf)).goarches().get(0).startsWith("unknown"));
    }

    @Test
    void rejectsAPeWhoseHeaderOffsetPointsPastTheEnd() throws Exception {
        byte[] pe = Files.readAllBytes(GoBinaries.build("windows", "amd64"));
        ByteBuffer.wrap(pe).order(ByteOrder.LITTLE_ENDIAN).putInt(0x3c, pe.length + 4096);

        BinaryFormatException e = assertRejected(write("past-eof.exe", pe), "past the end");

        assertEquals(0x3c, e.offset(), "the offset of e_lfanew, the field at fault");
    }

    @Test
    void rejectsAPeWhoseHeaderOffsetIsBeyondAnySignedInt() throws Exception {
        byte[] pe = Files.readAllBytes(GoBinaries.build("windows", "amd64"));
        ByteBuffer.wrap(pe).order(ByteOrder.LITTLE_ENDIAN).putInt(0x3c, 0xfffffff0);

        BinaryFormatException e = assertRejected(write("huge-lfanew.exe", pe), "past the end");

        assertEquals(0x3c, e.offset(), "the offset of e_lfanew, the field at fault");
    }

    @Test
    void rejectsAPeCutOffInsideItsSignature() throws Exception {
        byte[] pe = Arrays.copyOf(Files.readAllBytes(GoBinaries.build("windows", "amd64")), 256);
        ByteBuffer.wrap(pe).order(ByteOrder.LITTLE_ENDIAN).putInt(0x3c, 253);

        BinaryFormatException e = assertRejected(write("cut.exe", pe), "past the end of the 256-byte file");

        assertEquals(0x3c, e.offset(), "the offset of e_lfanew, the field at fault");
    }

    @Test
    void rejectsAnMzFileWithoutAPeSignature() throws Exception {
        byte[] dos = new byte[256];
        dos[0] = 'M';
        dos[1] = 'Z';
        ByteBuffer.wrap(dos).order(ByteOrder.LITTLE_ENDIAN).putInt(0x3c, 128);

        BinaryFormatException e = assertRejected(write("dos.exe", dos), "PE\\0\\0 signature");

        assertEquals(128, e.offset());
    }

    @Test
    void reportsAPeForAMachineGoDoesNotBuildForAsUnknown() throws Exception {
        byte[] pe = Files.readAllBytes(GoBinaries.build("windows", "amd64"));
        ByteBuffer buffer = ByteBuffer.wrap(pe).order(ByteOrder.LITTLE_ENDIAN);
        buffer.putShort(buffer.getInt(0x3c) + 4, (short) 0x0200); // IMAGE_FILE_MACHINE_IA64

        assertTrue(BinaryInspector.inspect(write("itanium.exe", pe)).goarches().get(0).startsWith("unknown"));
    }

    @Test
    void reportsAMachoForACpuGoDoesNotBuildForAsUnknown() throws Exception {
        byte[] macho = Files.readAllBytes(GoBinaries.build("darwin", "arm64"));
        ByteBuffer.wrap(macho).order(ByteOrder.LITTLE_ENDIAN).putInt(4, 0x0200000c); // CPU_TYPE_ARM64_32 (watchOS)

        assertTrue(BinaryInspector.inspect(write("arm64_32", macho)).goarches().get(0).startsWith("unknown"));
    }

    @Test
    void rejectsAJavaClassFileAsTooManyArchitectures() throws Exception {
        // 0xcafebabe, minor 0, major 52 (Java 8): read as a universal header, 52 "architectures".
        ByteBuffer classFile = ByteBuffer.allocate(4096).putInt(0xcafebabe).putInt(0x00000034);

        BinaryFormatException e = assertRejected(write("Hello.class", classFile.array()), "a Java class file (major version 52)");

        assertEquals(4, e.offset());
    }

    @Test
    void rejectsARealClassFile() throws Exception {
        Path classFile = Path.of(BinaryInspectorTest.class.getResource("BinaryInspectorTest.class").toURI());

        assertRejected(classFile, "a Java class file");
    }

    @Test
    void rejectsAUniversalHeaderWithNoArchitectures() throws Exception {
        assertRejected(write("no-arches", ByteBuffer.allocate(64).putInt(0xcafebabe).putInt(0).array()), "nfat_arch is 0");
    }

    @Test
    void rejectsAUniversalHeaderClaimingFourBillionArchitectures() throws Exception {
        assertRejected(write("huge-count", ByteBuffer.allocate(64).putInt(0xcafebabe).putInt(0xffffffff).array()),
                "nfat_arch is 4294967295");
    }

    @Test
    void rejectsAUniversalHeaderCutOffInItsArchitectureTable() throws Exception {
        // Two architectures need 8 + 2 * 20 bytes of header; the file ends after 33.
        ByteBuffer header = ByteBuffer.allocate(33).putInt(0xcafebabe).putInt(2).putInt(0x01000007).putInt(3);

        BinaryFormatException e = assertRejected(write("cut-universal", header.array()), "lies outside the 33-byte file");

        assertEquals(8, e.offset(), "the offset is where the fat_arch table starts");
    }

    @Test
    void aDirectoryOrAMissingFileIsABinaryFormatExceptionNamingIt() throws Exception {
        assertRejected(Files.createDirectory(dir.resolve("a directory")), "is a directory, not a binary");
        assertRejected(dir.resolve("no such file"), "does not exist");
    }

    /** Reading must fail with our one checked exception (never another), naming the file and the reason. */
    private static BinaryFormatException assertRejected(Path file, String reason) {
        BinaryFormatException e = assertThrows(BinaryFormatException.class, () -> BinaryInspector.inspect(file));
        assertEquals(file, e.file());
        assertTrue(e.getMessage().contains(file.toString()), e.getMessage());
        assertTrue(e.getMessage().contains(reason), e.getMessage());
        return e;
    }

    private Path write(String name, byte[] bytes) throws Exception {
        return Files.write(dir.resolve(name), bytes);
    }

    /**
     * Writes a universal binary as {@code lipo -create} does: a big-endian fat_header (magic, nfat_arch), one
     * fat_arch {cputype, cpusubtype, offset, size, align} per slice, and each slice at a 2^14-aligned offset.
     */
    private static Path lipo(Path out, Path... slices) throws Exception {
        int align = 14;
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        ByteBuffer header = ByteBuffer.allocate(8 + 20 * slices.length).order(ByteOrder.BIG_ENDIAN);
        header.putInt(0xcafebabe).putInt(slices.length);
        long offset = header.capacity();
        for (Path slice : slices) {
            byte[] bytes = Files.readAllBytes(slice);
            ByteBuffer machHeader = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
            offset = (offset + (1L << align) - 1) & -(1L << align);
            header.putInt(machHeader.getInt(4)).putInt(machHeader.getInt(8) & ~CPU_SUBTYPE_MASK)
                    .putInt((int) offset).putInt(bytes.length).putInt(align);
            body.write(new byte[(int) (offset - header.capacity() - body.size())]);
            body.write(bytes);
            offset += bytes.length;
        }
        ByteArrayOutputStream file = new ByteArrayOutputStream();
        file.write(header.array());
        body.writeTo(file);
        return Files.write(out, file.toByteArray());
    }

    private static String file(Path path) throws Exception {
        ProcessResult result = new ProcessRunner().run(CommandLine.inheriting(List.of("file", "-b", path.toString()),
                Map.of(), path.getParent(), Duration.ofSeconds(30)));
        assertEquals(0, result.exitCode(), "file -b " + path + ": " + result.diagnostics());
        return result.stdout().strip();
    }
}
