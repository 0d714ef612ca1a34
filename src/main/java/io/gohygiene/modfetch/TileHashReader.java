package io.gohygiene.modfetch;

import java.io.IOException;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads stored hashes of a signed tree from tiles and returns them only once every tile they came from is proven
 * to belong to that tree (x/mod/sumdb/tlog.TileHashReader): the tiles holding the tree's complete subtrees must
 * hash to the signed root, and every other tile read must hash to the entry its parent tile holds for it.
 */
final class TileHashReader {

    /** Tile data by tile, and where authenticated tiles are reported. */
    interface TileSource {
        /** The tile's data, exactly {@code width * 32} bytes. */
        byte[] read(Tile tile) throws IOException, AnswerRejected;

        /** The tile's data has been proven to belong to the signed tree. */
        void authenticated(Tile tile, byte[] data) throws IOException;
    }

    private final int height;
    private final long treeSize;
    private final byte[] treeHash;
    private final TileSource source;

    TileHashReader(int height, long treeSize, byte[] treeHash, TileSource source) {
        this.height = height;
        this.treeSize = treeSize;
        this.treeHash = treeHash.clone();
        this.source = source;
    }

    /** The stored hashes at {@code indexes}, each proven to be in the signed tree. */
    List<byte[]> readHashes(List<Long> indexes) throws IOException, AnswerRejected {
        Map<Tile, Integer> order = new HashMap<>();
        List<Tile> tiles = new ArrayList<>();

        // The tiles of the tree's complete subtrees: recomputing the root from them authenticates them.
        List<Long> subtrees = LogHashes.subTreeIndex(0, treeSize, new ArrayList<>());
        int[] subtreeTile = new int[subtrees.size()];
        for (int i = 0; i < subtrees.size(); i++) {
            Tile tile = Tile.forIndex(height, subtrees.get(i)).tile().parent(0, treeSize);
            subtreeTile[i] = order.computeIfAbsent(tile, t -> add(tiles, t));
        }

        int subtreeTiles = tiles.size();

        // The tiles of the wanted hashes, each after the parents that authenticate it.
        int[] indexTile = new int[indexes.size()];
        for (int i = 0; i < indexes.size(); i++) {
            long index = indexes.get(i);
            if (index >= LogHashes.storedHashIndex(0, treeSize)) {
                throw new AnswerRejected("stored hash " + index + " is not in a tree of " + treeSize + " records");
            }
            Tile tile = Tile.forIndex(height, index).tile();
            int k = 0;
            while (!order.containsKey(tile.parent(k, treeSize))) {
                if (++k > 64) {
                    throw new IllegalStateException("tile arithmetic: no authenticated ancestor of " + tile.path());
                }
            }
            if (k == 0) {
                indexTile[i] = order.get(tile.parent(0, treeSize));
            }
            for (k--; k >= 0; k--) {
                Tile child = tile.parent(k, treeSize);
                if (!child.isFull()) {
                    throw new IllegalStateException("tile arithmetic: " + child.path() + " has a parent tile but is not full");
                }
                order.put(child, tiles.size());
                if (k == 0) {
                    indexTile[i] = tiles.size();
                }
                tiles.add(child);
            }
        }

        List<byte[]> data = new ArrayList<>();
        for (Tile tile : tiles) {
            byte[] bytes = source.read(tile);
            if (bytes.length != tile.width() * LogHashes.HASH_SIZE) {
                throw new AnswerRejected("tile " + tile.path() + " has " + bytes.length + " bytes, not " + tile.width() * LogHashes.HASH_SIZE);
            }
            data.add(bytes);
        }

        byte[] root = null;
        for (int i = subtrees.size() - 1; i >= 0; i--) {
            byte[] hash = tiles.get(subtreeTile[i]).hash(data.get(subtreeTile[i]), subtrees.get(i));
            root = root == null ? hash : LogHashes.nodeHash(hash, root);
        }
        if (root == null || !MessageDigest.isEqual(root, treeHash)) {
            throw new AnswerRejected("the tiles do not hash to the signed tree root (a tile was changed)");
        }
        for (int i = subtreeTiles; i < tiles.size(); i++) {
            Tile tile = tiles.get(i);
            Tile parent = tile.parent(1, treeSize);
            Integer j = order.get(parent);
            if (j == null) {
                throw new IllegalStateException("tile arithmetic: lost the parent of " + tile.path());
            }
            byte[] expected = parent.hash(data.get(j), LogHashes.storedHashIndex(parent.level() * height, tile.number()));
            if (!MessageDigest.isEqual(expected, Tile.subtreeHash(data.get(i)))) {
                throw new AnswerRejected("tile " + tile.path() + " does not hash to its entry in " + parent.path() + " (a tile was changed)");
            }
        }
        for (int i = 0; i < tiles.size(); i++) {
            source.authenticated(tiles.get(i), data.get(i));
        }

        List<byte[]> hashes = new ArrayList<>();
        for (int i = 0; i < indexes.size(); i++) {
            hashes.add(tiles.get(indexTile[i]).hash(data.get(indexTile[i]), indexes.get(i)));
        }
        return hashes;
    }

    private static int add(List<Tile> tiles, Tile tile) {
        tiles.add(tile);
        return tiles.size() - 1;
    }
}
