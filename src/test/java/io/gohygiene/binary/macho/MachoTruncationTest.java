package io.gohygiene.binary.macho;

import io.gohygiene.binary.BinaryReader;
import io.gohygiene.testing.GoBinaries;
import io.gohygiene.testing.TruncationSweep;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.NavigableSet;

import static org.junit.jupiter.api.Assertions.*;

/** Every prefix of real Mach-O files is read or rejected with a BinaryFormatException, nothing else. */
class MachoTruncationTest {

    @TempDir
    Path tmp;

    @Test
    void everyPrefixOfDarwinArm64IsReadOrRejected() throws Exception {
        Path exe = GoBinaries.build("darwin", "arm64");
        MachoFile full = GoMachoBinariesTest.readThin(exe);
        long size = Files.size(exe);
        long commandsEnd = full.header().headerSize() + full.header().sizeofcmds();
        CodeSignature signature = full.codeSignature().orElseThrow();
        NavigableSet<Long> lengths = TruncationSweep.lengths(size, commandsEnd, commandsEnd, commandsEnd - 1,
                signature.dataOffset(), signature.dataOffset() + 12, size - 1, size);

        TruncationSweep.Outcome outcome = assertTimeoutPreemptively(Duration.ofMinutes(2),
                () -> TruncationSweep.run(exe, lengths, tmp.resolve("prefix"), MachoFiles::readAll));

        assertEquals(lengths.size(), outcome.parsed() + outcome.rejected());
        assertEquals(1, outcome.parsed(), "only the whole file holds every segment");
    }

    @Test
    void everyPrefixOfAUniversalFileIsReadOrRejected() throws Exception {
        Path fat = UniversalMachoTest.universal(tmp);
        long size = Files.size(fat);
        List<Long> ends = new ArrayList<>(List.of(8L, 8L + 2 * 20, size - 1, size));
        long lastCommandsEnd = 0;
        try (BinaryReader reader = BinaryReader.open(fat)) {
            for (MachoFile slice : MachoFiles.readAll(reader)) {
                long commandsEnd = slice.offset() + slice.header().headerSize() + slice.header().sizeofcmds();
                ends.addAll(List.of(slice.offset(), slice.offset() + 4, slice.offset() + 32, commandsEnd,
                        slice.offset() + slice.size()));
                lastCommandsEnd = commandsEnd;
            }
        }
        NavigableSet<Long> lengths = TruncationSweep.lengths(size, lastCommandsEnd, ends.stream().mapToLong(Long::longValue).toArray());

        TruncationSweep.Outcome outcome = assertTimeoutPreemptively(Duration.ofMinutes(3),
                () -> TruncationSweep.run(fat, lengths, tmp.resolve("prefix"), MachoFiles::readAll));

        assertEquals(lengths.size(), outcome.parsed() + outcome.rejected());
        assertEquals(1, outcome.parsed(), "a slice cut short lies outside the file");
    }
}
