package io.gohygiene.binary.elf;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.gohygiene.testing.FuzzSeeds;
import io.gohygiene.testing.GoBinaries;
import io.gohygiene.testing.FuzzedFile;
import io.gohygiene.testing.ParserFuzzing;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Fuzzes {@link ElfFile#read}: every input gives an ElfFile or a BinaryFormatException ({@link ParserFuzzing}).
 * Seeds: Go executables of both classes and byte orders, a branded FreeBSD one and a dynamic cgo one (interpreter,
 * DT_NEEDED, version needs).
 */
class ElfFuzzTest {

    private static final ParserFuzzing.FileParser PARSER = ParserFuzzing.reading(ElfFile::read);

    static Stream<Arguments> seeds() {
        return FuzzSeeds.of("elf", List.of(
                FuzzSeeds.reduced("linux/amd64", GoBinaries.build("linux", "amd64")),
                FuzzSeeds.reduced("linux/386", GoBinaries.build("linux", "386")),
                FuzzSeeds.reduced("linux/ppc64 (big-endian)", GoBinaries.build("linux", "ppc64")),
                FuzzSeeds.reduced("linux/riscv64", GoBinaries.build("linux", "riscv64")),
                FuzzSeeds.reduced("freebsd/arm64", GoBinaries.build("freebsd", "arm64")),
                FuzzSeeds.reduced("cgo linux/amd64", GoBinaries.build("cgo", "linux", "amd64", Map.of("CGO_ENABLED", "1", "CC", "gcc")))));
    }

    @MethodSource("seeds")
    @FuzzTest
    void readsOrRejects(byte[] input) {
        ParserFuzzing.readsOrRejects(input, PARSER);
    }

    @Test
    void committedFindingsReadOrReject() {
        ParserFuzzing.replayRegressions("elf", FuzzedFile.MAX_SIZE, PARSER);
    }
}
