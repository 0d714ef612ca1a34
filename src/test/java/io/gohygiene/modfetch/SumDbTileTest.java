package io.gohygiene.modfetch;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** Tile coordinates and stored hash indices, with the examples of x/mod/sumdb/tlog's documentation and tests. */
class SumDbTileTest {

    @Test
    void tilePathsUseThreeDigitElements() {
        assertEquals("tile/3/4/x001/x234/067.p/1", new Tile(3, 4, 1234067, 1).path());
        assertEquals("tile/3/4/x001/x234/067", new Tile(3, 4, 1234067, 8).path());
        assertEquals("tile/8/0/x001/234", new Tile(8, 0, 1234, 256).path());
        assertEquals("tile/8/1/005.p/34", new Tile(8, 1, 5, 34).path());
        assertEquals("tile/8/2/000", new Tile(8, 2, 0, 256).path());
    }

    @Test
    void storedHashIndicesFollowTheLogsWriteOrder() {
        // Records 0, 1 and their parent, record 2, record 3 and the two parents it completes, ...
        long[][] levelAndN = {{0, 0}, {0, 1}, {1, 0}, {0, 2}, {0, 3}, {1, 1}, {2, 0}, {0, 4}};
        for (int index = 0; index < levelAndN.length; index++) {
            assertEquals(index, LogHashes.storedHashIndex((int) levelAndN[index][0], levelAndN[index][1]));
            assertArrayEquals(levelAndN[index], LogHashes.splitStoredHashIndex(index));
        }
        for (long index = 0; index < 100_000; index += 7) {
            long[] split = LogHashes.splitStoredHashIndex(index);
            assertEquals(index, LogHashes.storedHashIndex((int) split[0], split[1]));
        }
    }

    @Test
    void theTileOfAHashAndItsParents() {
        Tile.Located record1000 = Tile.forIndex(8, LogHashes.storedHashIndex(0, 1000));
        assertEquals(new Tile(8, 0, 3, 1000 - 3 * 256 + 1), record1000.tile());
        assertEquals((1000 - 768) * 32, record1000.start());
        Tile full = new Tile(8, 0, 3, 256);
        assertEquals(new Tile(8, 1, 0, 4), full.parent(1, 1100), "a tree of 1100 records has 4 complete level-8 hashes");
        assertEquals(new Tile(8, 0, 4, 1100 - 1024), new Tile(8, 0, 4, 256).parent(0, 1100));
        assertNull(new Tile(8, 0, 5, 256).parent(0, 1100));
        assertEquals(new Tile(8, 1, 0, 256), full.parent(1, 256 * 256 + 1));
    }

    @Test
    void proofIndicesOfASmallTreeMatchItsShape() {
        // Tree of 7 records, record 4: subtree [0,4) at level 2, then sibling 5, then record 6 (outermost first).
        List<Long> need = LogHashes.leafProofIndex(0, 7, 4, new ArrayList<>());
        assertEquals(List.of(LogHashes.storedHashIndex(2, 0), LogHashes.storedHashIndex(0, 5), LogHashes.storedHashIndex(0, 6)), need);
    }

    @Test
    void inclusionProofsGiveTheRfc6962RootForEveryRecordOfSmallTrees() {
        for (int size = 1; size <= 40; size++) {
            byte[] root = rfc6962Root(0, size);
            for (int n = 0; n < size; n++) {
                List<byte[]> hashes = new ArrayList<>();
                for (long index : LogHashes.leafProofIndex(0, size, n, new ArrayList<>())) {
                    long[] split = LogHashes.splitStoredHashIndex(index);
                    hashes.add(rfc6962Root(split[1] << split[0], (split[1] + 1) << split[0]));
                }
                List<byte[]> proof = LogHashes.leafProof(0, size, n, hashes);
                assertArrayEquals(root, LogHashes.rootFromProof(proof, 0, size, n, LogHashes.recordHash(record(n))), size + "/" + n);
                byte[] wrongRecord = LogHashes.rootFromProof(proof, 0, size, n, LogHashes.recordHash(record(n + 1)));
                assertEquals(false, java.util.Arrays.equals(root, wrongRecord), size + "/" + n);
                if (!proof.isEmpty()) {
                    assertNull(LogHashes.rootFromProof(proof.subList(1, proof.size()), 0, size, n, LogHashes.recordHash(record(n))), "a short proof");
                }
            }
        }
    }

    /** RFC 6962's Merkle tree hash of records [lo, hi), written from its definition: split at the largest power of two. */
    private static byte[] rfc6962Root(long lo, long hi) {
        if (hi - lo == 1) {
            return LogHashes.recordHash(record(lo));
        }
        long k = Long.highestOneBit(hi - lo - 1);
        return LogHashes.nodeHash(rfc6962Root(lo, lo + k), rfc6962Root(lo + k, hi));
    }

    private static byte[] record(long n) {
        return ("record " + n + "\n").getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }
}
