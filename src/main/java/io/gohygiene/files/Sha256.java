package io.gohygiene.files;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** SHA-256 of files and of lists of strings: what the fingerprints, caches and report identities are made of. */
public final class Sha256 {

    private Sha256() {
    }

    /** A fresh digest; every Java has SHA-256. */
    public static MessageDigest digest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java has SHA-256", e);
        }
    }

    /** The digest of a file's bytes, read in 64 KiB steps whatever its size. */
    public static byte[] of(Path file) throws IOException {
        MessageDigest digest = digest();
        try (InputStream in = Files.newInputStream(file)) {
            byte[] buffer = new byte[1 << 16];
            for (int n; (n = in.read(buffer)) > 0; ) {
                digest.update(buffer, 0, n);
            }
        }
        return digest.digest();
    }

    /** {@link #of(Path)} in lowercase hex. */
    public static String hex(Path file) throws IOException {
        return HexFormat.of().formatHex(of(file));
    }

    /** Lowercase hex of the parts' UTF-8 bytes, each followed by a zero byte, so that ("ab", "c") differs from ("a", "bc"). */
    public static String hexOf(String... parts) {
        MessageDigest digest = digest();
        for (String part : parts) {
            digest.update(part.getBytes(StandardCharsets.UTF_8));
            digest.update((byte) 0);
        }
        return HexFormat.of().formatHex(digest.digest());
    }
}
