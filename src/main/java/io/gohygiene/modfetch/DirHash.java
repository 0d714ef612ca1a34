package io.gohygiene.modfetch;

import io.gohygiene.files.Sha256;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.Enumeration;
import java.util.HexFormat;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;

/**
 * Go's "h1:" hash of a module's files (golang.org/x/mod/sumdb/dirhash Hash1 and HashZip): what go.sum and the
 * checksum database record. The summary has one line per file, "hex(sha256(content))  name\n", in the order of Go's
 * sort.Strings, and the hash is "h1:" + base64(sha256(summary)).
 */
public final class DirHash {

    /**
     * Go's sort.Strings order: the UTF-8 bytes compared as unsigned, which is code point order. String.compareTo
     * compares UTF-16 units instead, and puts a character above U+FFFF (a surrogate pair, 0xD800..) before one in
     * U+E000..U+FFFF.
     */
    static final Comparator<String> GO_ORDER = DirHash::compareCodePoints;

    private DirHash() {
    }

    /** Hash1 over file names (already in "mod@ver/path" form) and their SHA-256 digests: "h1:" + base64(sha256(summary)). */
    public static String hash1(SortedMap<String, byte[]> sha256ByName) {
        // The map's own order may be String.compareTo's; Go's is the one that counts.
        List<String> names = new ArrayList<>(sha256ByName.keySet());
        names.sort(GO_ORDER);
        MessageDigest summary = Sha256.digest();
        HexFormat hex = HexFormat.of();
        for (String name : names) {
            if (name.indexOf('\n') >= 0) {
                throw new IllegalArgumentException("dirhash: file names with newlines are not supported: " + name);
            }
            byte[] digest = sha256ByName.get(name);
            if (digest == null || digest.length != 32) {
                throw new IllegalArgumentException("not a SHA-256 digest for " + name);
            }
            summary.update((hex.formatHex(digest) + "  " + name + "\n").getBytes(StandardCharsets.UTF_8));
        }
        return "h1:" + Base64.getEncoder().encodeToString(summary.digest());
    }

    /**
     * HashZip: every entry of the zip by its name, directory entries included (empty, as Go hashes them). Each member
     * is held to its declared size and CRC-32 as Go's archive/zip does; a zip that breaks that, or has two entries of
     * one name, is a ZipException.
     */
    public static String hashZip(Path zip) throws IOException {
        SortedMap<String, byte[]> sha256ByName = new TreeMap<>(GO_ORDER);
        try (ZipFile zipFile = new ZipFile(zip.toFile(), StandardCharsets.UTF_8)) {
            for (Enumeration<? extends ZipEntry> entries = zipFile.entries(); entries.hasMoreElements(); ) {
                ZipEntry entry = entries.nextElement();
                byte[] digest;
                try {
                    digest = ZipMembers.copy(zipFile, entry, null);
                } catch (ZipMembers.BadMember e) {
                    throw new ZipException(zip + ": entry \"" + entry.getName() + "\": " + e.getMessage());
                }
                if (sha256ByName.put(entry.getName(), digest) != null) {
                    throw new ZipException(zip + ": two entries are named \"" + entry.getName() + "\"");
                }
            }
        }
        return hash1(sha256ByName);
    }

    private static int compareCodePoints(String a, String b) {
        int i = 0;
        int j = 0;
        while (i < a.length() && j < b.length()) {
            int ca = a.codePointAt(i);
            int cb = b.codePointAt(j);
            if (ca != cb) {
                return Integer.compare(ca, cb);
            }
            i += Character.charCount(ca);
            j += Character.charCount(cb);
        }
        return Integer.compare(a.length() - i, b.length() - j);
    }
}
