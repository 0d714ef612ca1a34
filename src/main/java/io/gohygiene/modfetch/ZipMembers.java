package io.gohygiene.modfetch;

import io.gohygiene.files.Sha256;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.security.MessageDigest;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * Reads one member of a zip the way Go's archive/zip does: exactly its declared size (a member that inflates beyond
 * it is a zip bomb, and reading stops one byte past it), and its CRC-32. java.util.zip.ZipFile checks neither.
 */
final class ZipMembers {

    /** A read that returns no bytes this many times in a row is a broken stream, not a slow one. */
    private static final int MAX_EMPTY_READS = 1000;

    private ZipMembers() {
    }

    /** What is wrong with a member's data (the zip's fault, unlike an IOException of the sink). */
    static final class BadMember extends Exception {

        private static final long serialVersionUID = 1L;

        BadMember(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /**
     * Copies the member's bytes to {@code sink} (null: only hash them) and returns their SHA-256. A directory entry
     * is empty, as in Go, which refuses one that declares data.
     */
    static byte[] copy(ZipFile zip, ZipEntry entry, OutputStream sink) throws IOException, BadMember {
        long declared = entry.getSize();
        if (declared < 0) {
            throw new BadMember("its size is not declared", null);
        }
        if (entry.isDirectory()) {
            if (declared != 0) {
                throw new BadMember("it is a directory that declares " + declared + " bytes of content", null);
            }
            return Sha256.digest().digest();
        }
        InputStream opened;
        try {
            opened = zip.getInputStream(entry);
        } catch (IOException e) {
            throw new BadMember("its data cannot be found (" + e.getMessage() + ")", e);
        }
        try (InputStream in = opened) {
            return copy(in, declared, entry.getCrc(), sink);
        }
    }

    /**
     * The member's data, held to its declared size and CRC-32 (-1: none declared). Read errors are the zip's fault
     * and become BadMember where they happen; errors of the sink stay IOExceptions.
     */
    static byte[] copy(InputStream in, long declared, long declaredCrc, OutputStream sink) throws IOException, BadMember {
        MessageDigest sha256 = Sha256.digest();
        CRC32 crc = new CRC32();
        byte[] buffer = new byte[1 << 16];
        long count = 0;
        int emptyReads = 0;
        while (count <= declared) {
            // At most one byte past the declared size: enough to know it is a lie, never a disk full of it.
            int n;
            try {
                n = in.read(buffer, 0, (int) Math.min(buffer.length, declared - count + 1));
            } catch (IOException e) {
                throw new BadMember("its data cannot be read after " + count + " bytes (" + e.getMessage() + ")", e);
            }
            if (n < 0) {
                break;
            }
            if (n == 0 && ++emptyReads >= MAX_EMPTY_READS) {
                throw new BadMember("its data stream returned no bytes " + MAX_EMPTY_READS + " times in a row after " + count + " bytes", null);
            }
            if (n > 0) {
                emptyReads = 0;
            }
            count += n;
            if (count > declared) {
                throw new BadMember("it inflates beyond its declared size of " + declared + " bytes (a zip bomb, or a corrupt zip)", null);
            }
            sha256.update(buffer, 0, n);
            crc.update(buffer, 0, n);
            if (sink != null) {
                sink.write(buffer, 0, n);
            }
        }
        if (count != declared) {
            throw new BadMember("it has " + count + " bytes where it declares " + declared, null);
        }
        if (declaredCrc != -1 && crc.getValue() != declaredCrc) {
            throw new BadMember("its CRC-32 is " + Long.toHexString(crc.getValue()) + " where it declares " + Long.toHexString(declaredCrc), null);
        }
        return sha256.digest();
    }
}
