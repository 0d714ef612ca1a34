package io.gohygiene.binary;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.gohygiene.report.InspectionText;
import io.gohygiene.testing.FuzzSeeds;
import io.gohygiene.testing.FuzzSeeds.Seed;
import io.gohygiene.testing.GoBinaries;
import io.gohygiene.testing.Lipo;
import io.gohygiene.testing.FuzzedFile;
import io.gohygiene.testing.ParserFuzzing;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Fuzzes the whole inspection as the inspect and verify goals run it: format detection, the format's parser, the
 * build-info reader on every image, and the report rendered as the inspect goal prints it. Every input gives a report or a
 * BinaryFormatException ({@link ParserFuzzing}). Seeds: one executable of each format.
 */
class InspectorFuzzTest {

    /** Inspection, then the report as the inspect goal prints it: that calls the accessors computing facts on demand. */
    private static final ParserFuzzing.FileParser PARSER = file -> InspectionText.render(BinaryInspector.inspect(file));

    static Stream<Arguments> seeds() {
        Path universal = Lipo.create(Path.of("target/test-binaries/tiny-universal-darwin").toAbsolutePath(),
                List.of(GoBinaries.build("darwin", "amd64"), GoBinaries.build("darwin", "arm64")));
        List<Seed> seeds = List.of(
                FuzzSeeds.reduced("linux/amd64", GoBinaries.build("linux", "amd64")),
                FuzzSeeds.reduced("cgo linux/amd64", GoBinaries.build("cgo", "linux", "amd64", Map.of("CGO_ENABLED", "1", "CC", "gcc"))),
                FuzzSeeds.reduced("darwin/arm64", GoBinaries.build("darwin", "arm64")),
                FuzzSeeds.reduced("darwin/amd64+arm64", universal),
                FuzzSeeds.reduced("windows/amd64", GoBinaries.build("windows", "amd64")));
        return FuzzSeeds.of("inspect", seeds);
    }

    @MethodSource("seeds")
    @FuzzTest
    void readsOrRejects(byte[] input) {
        ParserFuzzing.readsOrRejects(input, PARSER);
    }

    @Test
    void committedFindingsReadOrReject() {
        ParserFuzzing.replayRegressions("inspect", FuzzedFile.MAX_SIZE, PARSER);
    }
}
