package io.gohygiene.binary.pe;

import io.gohygiene.testing.GoBinaries;
import io.gohygiene.testing.TruncationSweep;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.NavigableSet;

import static org.junit.jupiter.api.Assertions.*;

/**
 * Every prefix of windows/amd64 Go executables, up to the end of the import directory, is read or rejected with a
 * BinaryFormatException. The stripped build ({@code -s -w}) has no COFF string table, so its prefixes reach the
 * import directory reader; the default build's long section names need the string table at the end of the file.
 */
class PeTruncationTest {

    @TempDir
    Path tmp;

    @ParameterizedTest
    @ValueSource(strings = {"", "-s -w"})
    void everyPrefixOfWindowsAmd64IsReadOrRejected(String ldflags) throws Exception {
        Path exe = ldflags.isEmpty() ? GoBinaries.build("windows", "amd64") : GoBinaries.build("windows", "amd64", ldflags);
        PeFile full = GoPeBinariesTest.read(exe);
        long size = Files.size(exe);
        long sectionTableEnd = full.peHeaderOffset() + 24 + full.coffHeader().sizeOfOptionalHeader()
                + 40L * full.numberOfSections();
        DataDirectory imports = full.optionalHeader().dataDirectory(DataDirectory.IMAGE_DIRECTORY_ENTRY_IMPORT).orElseThrow();
        long importStart = full.rvaToFileOffset(imports.virtualAddress(), imports.size()).orElseThrow();
        long importEnd = importStart + imports.size();
        List<Long> exact = new ArrayList<>(List.of(sectionTableEnd, sectionTableEnd - 1, size));
        for (long n = importStart; n <= importEnd; n++) {
            exact.add(n); // stride 1 through the import directory, its names and lookup tables
        }
        NavigableSet<Long> lengths = TruncationSweep.lengths(size, importEnd, exact.stream().mapToLong(Long::longValue).toArray());

        TruncationSweep.Outcome outcome = assertTimeoutPreemptively(Duration.ofMinutes(3),
                () -> TruncationSweep.run(exe, lengths, tmp.resolve("prefix.exe"), PeFile::read));

        assertEquals(lengths.size(), outcome.parsed() + outcome.rejected());
        assertTrue(outcome.parsed() >= 1, "the whole file is read");
        assertTrue(outcome.rejected() > 4096, "short prefixes are rejected");
    }
}
