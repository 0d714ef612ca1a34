package io.gohygiene.binary.pe;

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

/** Fuzzes {@link PeFile#read}: every input gives a PeFile or a BinaryFormatException ({@link ParserFuzzing}). */
class PeFuzzTest {

    private static final ParserFuzzing.FileParser PARSER = ParserFuzzing.reading(PeFile::read);

    static Stream<Arguments> seeds() {
        return FuzzSeeds.of("pe", List.of(
                FuzzSeeds.reduced("windows/amd64", GoBinaries.build("windows", "amd64")),
                FuzzSeeds.reduced("windows/386 (PE32)", GoBinaries.build("windows", "386")),
                FuzzSeeds.reduced("windows/arm64 -H=windowsgui", GoBinaries.build("windows", "arm64", "-H=windowsgui"))));
    }

    @MethodSource("seeds")
    @FuzzTest
    void readsOrRejects(byte[] input) {
        ParserFuzzing.readsOrRejects(input, PARSER);
    }

    @Test
    void committedFindingsReadOrReject() {
        ParserFuzzing.replayRegressions("pe", FuzzedFile.MAX_SIZE, PARSER);
    }
}
