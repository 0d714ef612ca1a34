package io.gohygiene.modfetch;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;

/**
 * The hash arithmetic of a transparency log (x/mod/sumdb/tlog, RFC 6962 hashing): a record's hash is
 * SHA-256(0x00 || record), an interior node's SHA-256(0x01 || left || right). Hashes are stored in one sequence
 * in the order the log writes them: the hash of level L and number N has "stored hash index"
 * {@link #storedHashIndex}; tiles are cut from that sequence.
 */
final class LogHashes {

    static final int HASH_SIZE = 32;

    private LogHashes() {
    }

    static byte[] recordHash(byte[] record) {
        MessageDigest sha256 = sha256();
        sha256.update((byte) 0x00);
        return sha256.digest(record);
    }

    static byte[] nodeHash(byte[] left, byte[] right) {
        MessageDigest sha256 = sha256();
        sha256.update((byte) 0x01);
        sha256.update(left);
        return sha256.digest(right);
    }

    /** The index in the stored sequence of the hash of level {@code level}, number {@code n} at that level. */
    static long storedHashIndex(int level, long n) {
        // The hashes written before the record (n << level) came in, plus the level hashes completed with it.
        for (int l = level; l > 0; l--) {
            n = 2 * n + 1;
        }
        long index = 0;
        for (; n > 0; n >>= 1) {
            index += n;
        }
        return index + level;
    }

    /** The inverse of {@link #storedHashIndex}: {level, n}. */
    static long[] splitStoredHashIndex(long index) {
        // Each record adds at least one hash, so n is at most index/2 records in; walk forward from there.
        long n = index / 2;
        long indexN = storedHashIndex(0, n);
        if (indexN > index) {
            throw new IllegalStateException("bad index arithmetic for " + index);
        }
        while (true) {
            long next = indexN + 1 + Long.numberOfTrailingZeros(n + 1);
            if (next > index) {
                break;
            }
            n++;
            indexN = next;
        }
        int level = (int) (index - indexN);
        return new long[] {level, n >> level};
    }

    /** The largest power of two less than {@code n} (n ≥ 2), as {k, log2 k}. */
    static long[] maxPow2Below(long n) {
        int l = 0;
        while (1L << (l + 1) < n) {
            l++;
        }
        return new long[] {1L << l, l};
    }

    /** Adds the stored indices of the complete subtrees that make up records [lo, hi), left to right. */
    static List<Long> subTreeIndex(long lo, long hi, List<Long> need) {
        while (lo < hi) {
            long[] k = maxPow2Below(hi - lo + 1);
            if ((lo & (k[0] - 1)) != 0) {
                throw new IllegalStateException("bad subtree arithmetic " + lo + ".." + hi);
            }
            need.add(storedHashIndex((int) k[1], lo >> k[1]));
            lo += k[0];
        }
        return need;
    }

    /** The hash of records [lo, hi) from the hashes of its complete subtrees (consumed from {@code hashes}). */
    static byte[] subTreeHash(long lo, long hi, List<byte[]> hashes) {
        int trees = 0;
        while (lo < hi) {
            lo += maxPow2Below(hi - lo + 1)[0];
            trees++;
        }
        byte[] hash = hashes.get(trees - 1);
        for (int i = trees - 2; i >= 0; i--) {
            hash = nodeHash(hashes.get(i), hash);
        }
        hashes.subList(0, trees).clear();
        return hash;
    }

    /** The stored indices whose hashes prove record {@code n} inside records [lo, hi). */
    static List<Long> leafProofIndex(long lo, long hi, long n, List<Long> need) {
        if (lo + 1 == hi) {
            return need;
        }
        long k = maxPow2Below(hi - lo)[0];
        if (n < lo + k) {
            leafProofIndex(lo, lo + k, n, need);
            subTreeIndex(lo + k, hi, need);
        } else {
            subTreeIndex(lo, lo + k, need);
            leafProofIndex(lo + k, hi, n, need);
        }
        return need;
    }

    /** The inclusion proof of record {@code n} in [lo, hi) from the hashes {@link #leafProofIndex} listed. */
    static List<byte[]> leafProof(long lo, long hi, long n, List<byte[]> hashes) {
        if (lo + 1 == hi) {
            return new ArrayList<>();
        }
        long k = maxPow2Below(hi - lo)[0];
        List<byte[]> proof;
        byte[] sibling;
        if (n < lo + k) {
            proof = leafProof(lo, lo + k, n, hashes);
            sibling = subTreeHash(lo + k, hi, hashes);
        } else {
            sibling = subTreeHash(lo, lo + k, hashes);
            proof = leafProof(lo + k, hi, n, hashes);
        }
        proof.add(sibling);
        return proof;
    }

    /**
     * The root of records [lo, hi) that {@code proof} (innermost sibling first) gives for record {@code n} with
     * hash {@code leaf}, or null if the proof has the wrong length for that position.
     */
    static byte[] rootFromProof(List<byte[]> proof, long lo, long hi, long n, byte[] leaf) {
        if (lo + 1 == hi) {
            return proof.isEmpty() ? leaf : null;
        }
        if (proof.isEmpty()) {
            return null;
        }
        byte[] sibling = proof.get(proof.size() - 1);
        List<byte[]> inner = proof.subList(0, proof.size() - 1);
        long k = maxPow2Below(hi - lo)[0];
        if (n < lo + k) {
            byte[] left = rootFromProof(inner, lo, lo + k, n, leaf);
            return left == null ? null : nodeHash(left, sibling);
        }
        byte[] right = rootFromProof(inner, lo + k, hi, n, leaf);
        return right == null ? null : nodeHash(sibling, right);
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JDK has no SHA-256", e);
        }
    }
}
