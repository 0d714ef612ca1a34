package io.gohygiene.binary.gosym;

import io.gohygiene.binary.BinaryFormatException;
import io.gohygiene.binary.BinaryReader;
import io.gohygiene.binary.elf.ElfFile;
import io.gohygiene.binary.elf.SectionHeader;
import io.gohygiene.testing.BinaryFiles;
import io.gohygiene.testing.BinaryMutants;
import io.gohygiene.testing.GoBinaries;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Consumer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Garbled pclntabs in real binaries: each is one BinaryFormatException naming the file, the offset and what was
 * wrong, or (for a flip the names survive) a list of names; never a hang, an OOM or another exception. The header
 * offsets are the Go 1.20 layout's with 8-byte pointers: function count at 8, funcnametab at 32, functab at 64.
 */
class HostilePclntabTest {

    @TempDir
    Path dir;

    @Test
    void headerFieldsOutOfRangeAreOneErrorEach() throws Exception {
        Path elf = GoBinaries.build("linux", "amd64");
        long tab = pclntab(elf).offset();
        long size = pclntab(elf).size();
        rejected(patched(elf, b -> b.putInt((int) tab, 0x12345678)), tab, "is not a Go 1.2+ pclntab");
        rejected(patched(elf, b -> b.put((int) tab + 7, (byte) 3)), tab, "is not a Go 1.2+ pclntab");
        rejected(patched(elf, b -> b.putLong((int) tab + 8, -1)), tab + 8, "function count is 18446744073709551615");
        rejected(patched(elf, b -> b.putLong((int) tab + 8, 1L << 40)), tab + 8, "function count 1099511627776 needs");
        rejected(patched(elf, b -> b.putLong((int) tab + 32, size)), tab + 32, "funcnametab offset " + size + " lies outside");
        rejected(patched(elf, b -> b.putLong((int) tab + 64, 1L << 62)), tab + 64, "functab offset " + (1L << 62) + " lies outside");
        rejected(patched(elf, b -> b.putLong((int) tab + 64, size - 8)), tab + 8, "needs a 4-byte field table");
    }

    @Test
    void recordsAndNamesOutOfRangeAreOneErrorEach() throws Exception {
        Path elf = GoBinaries.build("linux", "amd64");
        long tab = pclntab(elf).offset();
        long size = pclntab(elf).size();
        ByteBuffer header = ByteBuffer.wrap(BinaryFiles.bytesAt(elf, tab, 72)).order(ByteOrder.LITTLE_ENDIAN);
        long funcnametab = header.getLong(32);
        long functab = header.getLong(64);
        // Function 0's _func offset sent past the end; then its record's name offset.
        rejected(patched(elf, b -> b.putInt((int) (tab + functab + 4), (int) size)), tab + functab + 4, "_func record of function 0");
        long record = Integer.toUnsignedLong(ByteBuffer.wrap(BinaryFiles.bytesAt(elf, tab + functab + 4, 4)).order(ByteOrder.LITTLE_ENDIAN).getInt());
        long nameOffAt = tab + functab + record + 4;
        rejected(patched(elf, b -> b.putInt((int) nameOffAt, -1)), nameOffAt, "name of function 0");
        // Function 0's name sent to the table's last byte, made non-NUL: the name runs off the end of the pclntab.
        rejected(patched(elf, b -> b.putInt((int) nameOffAt, (int) (size - 1 - funcnametab)).put((int) (tab + size - 1), (byte) 'A')),
                tab + size - 1, "is not NUL-terminated");
    }

    /** A stripped PE whose header no longer matches: the search finds nothing and says so. */
    @Test
    void aStrippedPeWithAGarbledHeaderHasNoPclntab() throws Exception {
        Path pe = GoBinaries.build("windows", "amd64", "-s -w");
        byte[] bytes = Files.readAllBytes(pe);
        int magic = indexOfMagic(bytes);
        assertTrue(magic > 0, "no pclntab magic in " + pe);
        bytes[magic + 7] = 5;
        Path garbled = BinaryFiles.write(dir.resolve("garbled.exe"), bytes);
        BinaryFormatException e = assertThrows(BinaryFormatException.class, () -> GoFunctionNames.read(garbled));
        assertTrue(e.reason().contains("no Go pclntab"), e.getMessage());
    }

    /** Seeded flips in the pclntab and the usual header mutants of each format: a list or one BinaryFormatException. */
    @Test
    void mutantsEndInNamesOrOneBinaryFormatException() throws Exception {
        for (String platform : List.of("linux/amd64", "darwin/arm64", "windows/amd64")) {
            String[] p = platform.split("/");
            for (Path original : List.of(GoBinaries.build(p[0], p[1]), GoBinaries.build(p[0], p[1], "-s -w"))) {
                byte[] bytes = Files.readAllBytes(original);
                List<BinaryMutants.Mutant> mutants = new ArrayList<>(BinaryMutants.of(bytes, 19));
                mutants.addAll(pclntabFlips(bytes, 19));
                for (BinaryMutants.Mutant mutant : mutants) {
                    Path file = BinaryFiles.write(dir.resolve("mutant"), mutant.content());
                    assertTimeoutPreemptively(Duration.ofSeconds(10), () -> {
                        try {
                            GoFunctionNames.read(file);
                        } catch (BinaryFormatException e) {
                            assertEquals(file, e.file(), mutant.name());
                        }
                    }, original + ": " + mutant.name());
                }
            }
        }
    }

    private static List<BinaryMutants.Mutant> pclntabFlips(byte[] original, long seed) {
        Random random = new Random(seed);
        int magic = indexOfMagic(original);
        List<BinaryMutants.Mutant> mutants = new ArrayList<>();
        for (int i = 0; magic >= 0 && i < 24; i++) {
            byte[] copy = original.clone();
            int span = i < 8 ? 72 : 1 << 16; // the header, then the function table and records after it
            for (int flips = 1 + random.nextInt(4); flips > 0; flips--) {
                int at = magic + random.nextInt(Math.min(span, original.length - magic));
                copy[at] ^= (byte) (1 << random.nextInt(8));
            }
            mutants.add(new BinaryMutants.Mutant("pclntab flip " + i, copy));
        }
        return mutants;
    }

    /** The first Go 1.20 pclntab header (little-endian magic 0xfffffff1, two zeros, quantum, pointer size 8). */
    private static int indexOfMagic(byte[] bytes) {
        for (int i = 0; i + 8 <= bytes.length; i++) {
            if (bytes[i] == (byte) 0xf1 && bytes[i + 1] == (byte) 0xff && bytes[i + 2] == (byte) 0xff && bytes[i + 3] == (byte) 0xff
                    && bytes[i + 4] == 0 && bytes[i + 5] == 0 && bytes[i + 7] == 8) {
                return i;
            }
        }
        return -1;
    }

    private static SectionHeader pclntab(Path elf) throws BinaryFormatException {
        try (BinaryReader reader = BinaryReader.open(elf)) {
            return ElfFile.read(reader).section(".gopclntab").orElseThrow();
        }
    }

    private Path patched(Path source, Consumer<ByteBuffer> edit) {
        return BinaryFiles.patched(source, dir.resolve("hostile-" + System.nanoTime()), ByteOrder.LITTLE_ENDIAN, edit);
    }

    /** Reading the names fails at {@code offset} (any, when -1) with {@code reason} in the message. */
    private static void rejected(Path file, long offset, String reason) {
        BinaryFormatException e = assertThrows(BinaryFormatException.class, () -> GoFunctionNames.read(file));
        assertEquals(file, e.file());
        assertTrue(e.reason().contains(reason), "expected \"" + reason + "\" in: " + e.getMessage());
        if (offset >= 0) {
            assertEquals(offset, e.offset(), e.getMessage());
        }
    }
}
