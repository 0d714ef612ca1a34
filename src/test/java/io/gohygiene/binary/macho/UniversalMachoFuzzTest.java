package io.gohygiene.binary.macho;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.gohygiene.testing.FuzzSeeds;
import io.gohygiene.testing.GoBinaries;
import io.gohygiene.testing.Lipo;
import io.gohygiene.testing.FuzzedFile;
import io.gohygiene.testing.ParserFuzzing;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * Fuzzes {@link MachoFiles#readAll}, the entry point for universal (fat) files: the fat header, then every slice.
 * Every input gives the slices or a BinaryFormatException ({@link ParserFuzzing}).
 */
class UniversalMachoFuzzTest {

    private static final ParserFuzzing.FileParser PARSER = ParserFuzzing.reading(MachoFiles::readAll);

    static Stream<Arguments> seeds() {
        Path universal = Lipo.create(Path.of("target/test-binaries/tiny-universal-darwin").toAbsolutePath(),
                List.of(GoBinaries.build("darwin", "amd64"), GoBinaries.build("darwin", "arm64")));
        return FuzzSeeds.of("macho-universal", List.of(FuzzSeeds.reduced("darwin/amd64+arm64", universal)));
    }

    @MethodSource("seeds")
    @FuzzTest
    void readsOrRejects(byte[] input) {
        ParserFuzzing.readsOrRejects(input, PARSER);
    }

    @Test
    void committedFindingsReadOrReject() {
        ParserFuzzing.replayRegressions("macho-universal", FuzzedFile.MAX_SIZE, PARSER);
    }
}
