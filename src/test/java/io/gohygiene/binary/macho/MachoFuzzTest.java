package io.gohygiene.binary.macho;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.gohygiene.testing.FuzzSeeds;
import io.gohygiene.testing.GoBinaries;
import io.gohygiene.testing.FuzzedFile;
import io.gohygiene.testing.ParserFuzzing;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.List;
import java.util.stream.Stream;

/**
 * Fuzzes {@link MachoFile#read} on a thin Mach-O file, code signature included: every input gives a MachoFile or a
 * BinaryFormatException ({@link ParserFuzzing}).
 */
class MachoFuzzTest {

    private static final ParserFuzzing.FileParser PARSER = ParserFuzzing.reading(reader -> MachoFile.read(reader, 0, reader.size()));

    static Stream<Arguments> seeds() {
        return FuzzSeeds.of("macho", List.of(
                FuzzSeeds.reduced("darwin/arm64", GoBinaries.build("darwin", "arm64")),
                FuzzSeeds.reduced("darwin/amd64", GoBinaries.build("darwin", "amd64"))));
    }

    @MethodSource("seeds")
    @FuzzTest
    void readsOrRejects(byte[] input) {
        ParserFuzzing.readsOrRejects(input, PARSER);
    }

    @Test
    void committedFindingsReadOrReject() {
        ParserFuzzing.replayRegressions("macho", FuzzedFile.MAX_SIZE, PARSER);
    }
}
