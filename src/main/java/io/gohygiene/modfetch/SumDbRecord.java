package io.gohygiene.modfetch;

/**
 * A module version's go.sum lines as the checksum database signed them, with the tree the record was proven in.
 *
 * @param zipHash   the {@code h1:} hash of the module zip
 * @param goModHash the {@code h1:} hash of the module's go.mod
 * @param recordId  the record's index in the log
 * @param treeSize  the size of the signed tree the record was proven in
 * @param treeHash  the signed tree's root hash, base64
 */
public record SumDbRecord(String modulePath, String version, String zipHash, String goModHash,
                          long recordId, long treeSize, String treeHash) {
}
