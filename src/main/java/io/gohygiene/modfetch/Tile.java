package io.gohygiene.modfetch;

import java.util.Arrays;
import java.util.Locale;

/**
 * A tile of the log (x/mod/sumdb/tlog): the {@code width} consecutive hashes at hash level {@code height*level},
 * starting at number {@code number << height}; complete when width is {@code 1 << height}. Its hashes are the
 * leaves of a subtree of the log of height {@code height}, so any hash inside that subtree is computed from them.
 */
record Tile(int height, int level, long number, int width) {

    /** The tile of least width holding stored hash {@code index}, with the byte range of the hashes under it. */
    static Located forIndex(int height, long index) {
        long[] split = LogHashes.splitStoredHashIndex(index);
        int hashLevel = (int) split[0];
        long n = split[1];
        int level = hashLevel / height;
        int levelInTile = hashLevel - level * height;
        long number = n << levelInTile >> height;
        long nInTile = n - (number << height >> levelInTile);
        int width = (int) ((nInTile + 1) << levelInTile);
        int start = (int) (nInTile << levelInTile) * LogHashes.HASH_SIZE;
        int end = (int) ((nInTile + 1) << levelInTile) * LogHashes.HASH_SIZE;
        return new Located(new Tile(height, level, number, width), start, end);
    }

    /** A tile and the bytes of its data that hash to the wanted stored hash. */
    record Located(Tile tile, int start, int end) {
    }

    boolean isFull() {
        return width == 1 << height;
    }

    Tile full() {
        return new Tile(height, level, number, 1 << height);
    }

    /**
     * The tile {@code k} levels of tiles above this one in a tree of {@code treeSize} records, as wide as that tree
     * has hashes for it, or null if the tree has none there.
     */
    Tile parent(int k, long treeSize) {
        int parentLevel = level + k;
        long parentNumber = number >> (k * height);
        long available = treeSize >> (parentLevel * height);
        long first = parentNumber << height;
        if (first + (1L << height) < available) {
            return new Tile(height, parentLevel, parentNumber, 1 << height);
        }
        if (first >= available) {
            return null;
        }
        return new Tile(height, parentLevel, parentNumber, (int) Math.min(available - first, 1L << height));
    }

    /** The stored hash {@code index} from this tile's data, which must be the tile for it or a wider one. */
    byte[] hash(byte[] data, long index) throws AnswerRejected {
        Located located = forIndex(height, index);
        if (located.tile.level != level || located.tile.number != number || located.tile.width > width) {
            throw new IllegalStateException("stored hash " + index + " is in " + located.tile.path() + ", not " + path());
        }
        if (data.length < width * LogHashes.HASH_SIZE) {
            throw new AnswerRejected("tile " + path() + " has " + data.length + " bytes, not " + width * LogHashes.HASH_SIZE);
        }
        return subtreeHash(Arrays.copyOfRange(data, located.start, located.end));
    }

    /** The root of the subtree whose leaves are the 2^k hashes in {@code data}. */
    static byte[] subtreeHash(byte[] data) {
        if (data.length == LogHashes.HASH_SIZE) {
            return data;
        }
        int half = data.length / 2;
        return LogHashes.nodeHash(subtreeHash(Arrays.copyOf(data, half)), subtreeHash(Arrays.copyOfRange(data, half, data.length)));
    }

    /** {@code tile/H/L/NNN[.p/W]}, with NNN in three-digit elements, all but the last prefixed by 'x'. */
    String path() {
        StringBuilder digits = new StringBuilder(String.format(Locale.ROOT, "%03d", number % 1000));
        for (long n = number / 1000; n > 0; n /= 1000) {
            digits.insert(0, String.format(Locale.ROOT, "x%03d/", n % 1000));
        }
        return "tile/" + height + "/" + level + "/" + digits + (isFull() ? "" : ".p/" + width);
    }
}
