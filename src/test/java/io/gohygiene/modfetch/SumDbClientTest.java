package io.gohygiene.modfetch;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Lookups of real recorded answers of sum.golang.org: the hashes Go reports, proven in the signed tree. */
class SumDbClientTest {

    @Test
    void recordedLookupsGiveTheHashesGoReports() throws Exception {
        for (SumDbRecordings.Version v : SumDbRecordings.VERSIONS) {
            SumDbRecordings.Replay transport = SumDbRecordings.transport();
            SumDbRecord record = new SumDbClient(SumDbSetting.sumGolangOrg(), transport).lookup(v.path(), v.version());

            assertEquals(v.path(), record.modulePath());
            assertEquals(v.version(), record.version());
            assertEquals(v.zipHash(), record.zipHash(), v.toString());
            assertEquals(v.goModHash(), record.goModHash(), v.toString());
            String tree = treeLines(transport.recorded(v.lookupPath()));
            assertEquals(tree, "go.sum database tree\n" + record.treeSize() + "\n" + record.treeHash() + "\n", v.toString());
            assertTrue(record.recordId() < record.treeSize());
            assertEquals(v.lookupPath(), transport.reads.get(0), "the lookup path is the case-encoded module@version");
        }
    }

    @Test
    void theLookupAndEveryTileReadAreReportedVerifiedWithTheBytesRead() throws Exception {
        SumDbRecordings.Version toolchain = SumDbRecordings.VERSIONS.get(0);
        SumDbRecordings.Replay transport = SumDbRecordings.transport();
        new SumDbClient(SumDbSetting.sumGolangOrg(), transport).lookup(toolchain.path(), toolchain.version());

        List<String> tiles = new ArrayList<>(transport.reads.subList(1, transport.reads.size()));
        assertTrue(tiles.size() >= 4, "a tree of tens of millions of records spans 4 tile levels: " + tiles);
        assertTrue(tiles.stream().allMatch(p -> p.matches("tile/8/[0-3]/(x\\d{3}/)*\\d{3}(\\.p/\\d+)?")), tiles.toString());
        assertTrue(tiles.stream().anyMatch(p -> p.contains("/x")), "a large index is written x001/234: " + tiles);
        assertEquals(tiles.size(), tiles.stream().distinct().count(), "each tile is read once: " + tiles);
        for (String path : transport.reads) {
            assertArrayEquals(transport.recorded(path), transport.verified.get(path), path);
        }
        assertEquals(transport.reads.size(), transport.verified.size());
    }

    /** The signed tree note of a lookup answer: the text after the record's blank line, before the signatures. */
    static String treeLines(byte[] answer) {
        String text = new String(answer, StandardCharsets.UTF_8);
        String note = text.substring(text.indexOf("\n\n") + 2);
        return note.substring(0, note.indexOf("\n\n") + 1);
    }

    static SumDbRecord lookup(SumDbRecordings.Replay transport, SumDbRecordings.Version v) throws IOException, ChecksumException {
        return new SumDbClient(SumDbSetting.sumGolangOrg(), transport).lookup(v.path(), v.version());
    }
}
