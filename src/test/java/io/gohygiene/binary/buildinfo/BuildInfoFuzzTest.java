package io.gohygiene.binary.buildinfo;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.gohygiene.binary.BinaryReader;
import io.gohygiene.binary.ExecutableImage.Region;
import io.gohygiene.binary.elf.ElfFile;
import io.gohygiene.testing.BinaryFiles;
import io.gohygiene.testing.FuzzSeeds;
import io.gohygiene.testing.FuzzSeeds.Seed;
import io.gohygiene.testing.FuzzedFile;
import io.gohygiene.testing.GoBinaries;
import io.gohygiene.testing.GoBuild;
import io.gohygiene.testing.ParserFuzzing;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.ByteOrder;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import static io.gohygiene.binary.buildinfo.BlobWriter.framed;

/**
 * Fuzzes the build-info reader through its API with no container format around it: the input file is mapped
 * whole at {@link #BASE} for {@link BuildInfoReader#read} (both layouts; pointers are followed through that map)
 * and searched by {@link BuildInfoReader#readInline}. Every input gives build info, none, or a
 * BinaryFormatException ({@link ParserFuzzing}). Seeds: the build-info blobs of real binaries (Go 1.18+ inline
 * layout, with and without dependencies and replacements) and crafted pointer-layout blobs of each pointer size
 * and byte order.
 */
class BuildInfoFuzzTest {

    static final long BASE = 0x10000;
    /**
     * Both reads search the whole file for the magic, 16 bytes at a time, so the cost of an input grows with the
     * file size. Searched in chunks of 1 MiB, as in the plugin, a file had to be a megabyte to reach a chunk's end,
     * and the target ran at 400–1,300 inputs a second; with 4 KiB chunks, files of a few chunks cross the same
     * boundaries (a magic or a header split over two chunks, the mapped bytes ending inside one) at tens of
     * thousands a second. The production chunk size is covered by the unit tests and the real binaries.
     */
    static final int SEARCH_CHUNK = 4 << 10;
    static final long MAX_FILE = 4L * SEARCH_CHUNK + 512;

    private static final ParserFuzzing.FileParser PARSER = ParserFuzzing.reading(reader -> List.of(
            BuildInfoReader.read(reader, SegmentImage.wholeFile(BASE, reader.size()), SEARCH_CHUNK),
            BuildInfoReader.readInline(reader, 0, reader.size(), SEARCH_CHUNK)));

    static Stream<Arguments> seeds() throws Exception {
        List<Seed> seeds = new ArrayList<>();
        seeds.add(blobOf("tiny linux/amd64", GoBinaries.build("linux", "amd64")));
        seeds.add(blobOf("withdeps linux/amd64", GoBuild.of("withdeps", "linux", "amd64").build()));
        seeds.add(blobOf("tiny linux/s390x (big-endian)", GoBinaries.build("linux", "s390x")));
        // The same blob with its header across the first chunk boundary.
        byte[] tiny = blobBytes(GoBinaries.build("linux", "amd64"));
        byte[] straddling = new byte[SEARCH_CHUNK - 16 + tiny.length];
        System.arraycopy(tiny, 0, straddling, SEARCH_CHUNK - 16, tiny.length);
        seeds.add(new Seed("tiny linux/amd64, header across a chunk boundary", FuzzedFile.encode(straddling)));
        for (int size : List.of(4, 8)) {
            for (ByteOrder order : List.of(ByteOrder.LITTLE_ENDIAN, ByteOrder.BIG_ENDIAN)) {
                seeds.add(new Seed("pointer layout " + size + " " + order, FuzzedFile.encode(pointerBlob(size, order))));
            }
        }
        return FuzzSeeds.of("buildinfo", seeds);
    }

    @MethodSource("seeds")
    @FuzzTest
    void readsOrRejects(byte[] input) {
        ParserFuzzing.readsOrRejects(input, MAX_FILE, PARSER);
    }

    @Test
    void committedFindingsReadOrReject() {
        ParserFuzzing.replayRegressions("buildinfo", MAX_FILE, PARSER);
    }

    /** The build-info region of a real ELF executable, as a file of its own. */
    private static Seed blobOf(String name, Path exe) throws Exception {
        return new Seed(name, FuzzedFile.encode(blobBytes(exe)));
    }

    private static byte[] blobBytes(Path exe) throws Exception {
        try (BinaryReader reader = BinaryReader.open(exe)) {
            Region region = ElfFile.read(reader).buildInfoRegion().orElseThrow();
            return BinaryFiles.bytesAt(exe, region.fileOffset(), (int) region.size());
        }
    }

    /** Pre-1.18 layout: the header points at string headers at 64, which point at the strings at 128 and 160. */
    private static byte[] pointerBlob(int size, ByteOrder order) {
        byte[] mod = framed("path\tex/p\nmod\tex\tv1.0.0\th1:x=\ndep\td\tv0.1.0\n=>\t../d\t\t\n");
        String version = "go1.17.13";
        int versionHeader = 64;
        int modHeader = versionHeader + 2 * size;
        return new BlobWriter().pointerHeader(size, order, BASE + versionHeader, BASE + modHeader).pad(versionHeader)
                .pointer(size, order, BASE + 128).pointer(size, order, version.length())
                .pointer(size, order, BASE + 160).pointer(size, order, mod.length)
                .pad(128).text(version).pad(160).bytes(mod).pad(512).toByteArray();
    }
}
