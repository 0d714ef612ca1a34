package io.gohygiene.modfetch;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.MessageDigest;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Locale;

/**
 * A signed-note verifier key {@code name+hash+key} (x/mod/sumdb/note): {@code key} is base64 of the algorithm byte
 * (1, Ed25519) and the 32-byte public key, {@code hash} is 8 hex digits, the first 4 bytes of
 * SHA-256(name + "\n" + key bytes), which is also how a signature line names the key it was made with.
 */
final class VerifierKey {

    private static final byte ALG_ED25519 = 1;
    /** DER header of an X.509 SubjectPublicKeyInfo for Ed25519: the JDK takes a raw key only in this wrapping. */
    private static final String X509_ED25519_HEADER = "302a300506032b6570032100";

    private final String name;
    private final int keyHash;
    private final PublicKey publicKey;

    private VerifierKey(String name, int keyHash, PublicKey publicKey) {
        this.name = name;
        this.keyHash = keyHash;
        this.publicKey = publicKey;
    }

    /** The key {@code name+hash+key}; an IllegalArgumentException saying what is wrong with it. */
    static VerifierKey parse(String vkey) {
        String[] parts = vkey.split("\\+", 3);
        if (parts.length != 3 || !isValidName(parts[0]) || !parts[1].matches("[0-9a-fA-F]{8}")) {
            throw new IllegalArgumentException("'" + vkey + "' is not a checksum database key (name+hash+key)");
        }
        byte[] key = Base64s.decodeCanonical(parts[2]);
        if (key == null || key.length == 0) {
            throw new IllegalArgumentException("'" + vkey + "' is not a checksum database key: the key is not base64");
        }
        if (key[0] != ALG_ED25519) {
            throw new IllegalArgumentException("'" + vkey + "' is not a checksum database key: unknown algorithm " + key[0]);
        }
        if (key.length != 33) {
            throw new IllegalArgumentException("'" + vkey + "' is not a checksum database key: an Ed25519 key has 32 bytes, not "
                    + (key.length - 1));
        }
        int expectedHash = keyHash(parts[0], key);
        if ((int) Long.parseLong(parts[1], 16) != expectedHash) {
            throw new IllegalArgumentException("'" + vkey + "' is not a checksum database key: its hash " + parts[1]
                    + " does not match its name and key (" + hex(expectedHash) + ")");
        }
        try {
            byte[] header = HexFormat.of().parseHex(X509_ED25519_HEADER);
            byte[] x509 = Arrays.copyOf(header, header.length + 32);
            System.arraycopy(key, 1, x509, header.length, 32);
            return new VerifierKey(parts[0], expectedHash, KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(x509)));
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("'" + vkey + "' is not a checksum database key: " + e.getMessage(), e);
        }
    }

    /** The key hash that identifies {@code key} (algorithm byte and public key) under {@code name}. */
    static int keyHash(String name, byte[] key) {
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            sha256.update((name + "\n").getBytes(StandardCharsets.UTF_8));
            byte[] sum = sha256.digest(key);
            return (sum[0] & 0xff) << 24 | (sum[1] & 0xff) << 16 | (sum[2] & 0xff) << 8 | (sum[3] & 0xff);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JDK has no SHA-256", e);
        }
    }

    /** A key or signer name: not empty, no white space, no '+'. */
    static boolean isValidName(String name) {
        return !name.isEmpty() && name.codePoints().noneMatch(c -> c == '+' || Character.isWhitespace(c) || Character.isSpaceChar(c));
    }

    static String hex(int keyHash) {
        return String.format(Locale.ROOT, "%08x", keyHash);
    }

    String name() {
        return name;
    }

    int keyHash() {
        return keyHash;
    }

    /** {@code name+hash}, how messages name the key. */
    String id() {
        return name + "+" + hex(keyHash);
    }

    /** Whether {@code signature} is this key's Ed25519 signature of {@code message}. */
    boolean verifies(byte[] message, byte[] signature) {
        try {
            Signature ed25519 = Signature.getInstance("Ed25519");
            ed25519.initVerify(publicKey);
            ed25519.update(message);
            return ed25519.verify(signature);
        } catch (GeneralSecurityException e) {
            return false; // a malformed signature or key point is not a valid signature
        }
    }
}
