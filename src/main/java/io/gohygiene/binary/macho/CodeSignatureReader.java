package io.gohygiene.binary.macho;

import io.gohygiene.binary.BinaryFormatException;
import io.gohygiene.binary.BinaryReader;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * Reads the embedded signature an {@code LC_CODE_SIGNATURE} points at: the SuperBlob index, the CodeDirectory
 * header and identifier, and the entitlements blob. Everything in it is big-endian whatever the image's byte
 * order. Only those blobs are read, never the page hashes.
 */
final class CodeSignatureReader {

    private static final int SUPER_BLOB_SIZE = 12;
    private static final int BLOB_INDEX_SIZE = 8;
    private static final int BLOB_HEADER_SIZE = 8;
    /** CodeDirectory fields up to and including spare2, present in every version. */
    private static final int CODE_DIRECTORY_MIN_SIZE = 44;
    private static final int CS_SUPPORTSTEAMID = 0x20200;
    private static final int TEAM_OFFSET_FIELD = 48;
    private static final int MAX_IDENTIFIER = 4096;

    private final BinaryReader reader;
    private final long start;
    private long length;

    private CodeSignatureReader(BinaryReader reader, long start) {
        this.reader = reader;
        this.start = start;
    }

    /** {@code start} is the absolute file offset of the signature data, {@code dataOffset} as the command says. */
    static CodeSignature read(BinaryReader reader, long start, long dataOffset, long dataSize) throws BinaryFormatException {
        return new CodeSignatureReader(reader, start).read(dataOffset, dataSize);
    }

    private CodeSignature read(long dataOffset, long dataSize) throws BinaryFormatException {
        if (dataSize < SUPER_BLOB_SIZE) {
            throw reader.error(start, "LC_CODE_SIGNATURE datasize " + dataSize + " is too small for a SuperBlob");
        }
        ByteBuffer header = reader.read(start, SUPER_BLOB_SIZE, ByteOrder.BIG_ENDIAN, "code signature SuperBlob");
        if (header.getInt(0) != CodeSignature.CSMAGIC_EMBEDDED_SIGNATURE) {
            throw reader.error(start, String.format("code signature magic is 0x%08x, not CSMAGIC_EMBEDDED_SIGNATURE 0x%08x",
                    header.getInt(0), CodeSignature.CSMAGIC_EMBEDDED_SIGNATURE));
        }
        length = BinaryReader.u32(header, 4);
        if (length < SUPER_BLOB_SIZE || length > dataSize) {
            throw reader.error(start + 4, "SuperBlob length " + length + " does not fit the " + dataSize
                    + "-byte LC_CODE_SIGNATURE data");
        }
        long count = BinaryReader.u32(header, 8);
        if (count > (length - SUPER_BLOB_SIZE) / BLOB_INDEX_SIZE) {
            throw reader.error(start + 8, "SuperBlob count " + count + " does not fit its " + length + " bytes");
        }
        ByteBuffer index = reader.read(start + SUPER_BLOB_SIZE, count * BLOB_INDEX_SIZE, ByteOrder.BIG_ENDIAN, "SuperBlob index");
        CodeDirectory directory = null;
        Optional<String> entitlements = Optional.empty();
        for (int i = 0; i < count; i++) {
            long type = BinaryReader.u32(index, i * BLOB_INDEX_SIZE);
            long offset = BinaryReader.u32(index, i * BLOB_INDEX_SIZE + 4);
            long indexEntry = start + SUPER_BLOB_SIZE + (long) i * BLOB_INDEX_SIZE;
            if (offset < SUPER_BLOB_SIZE || offset > length - BLOB_HEADER_SIZE) {
                throw reader.error(indexEntry, "blob " + i + " (slot " + type + ") at offset " + offset
                        + " lies outside the " + length + "-byte SuperBlob");
            }
            if (type == CodeSignature.CSSLOT_CODEDIRECTORY && directory == null) {
                directory = codeDirectory(offset);
            } else if (type == CodeSignature.CSSLOT_ENTITLEMENTS && entitlements.isEmpty()) {
                entitlements = Optional.of(entitlements(offset));
            }
        }
        if (directory == null) {
            throw reader.error(start, "code signature has no CodeDirectory (slot CSSLOT_CODEDIRECTORY)");
        }
        return new CodeSignature(dataOffset, dataSize, directory.identifier(), directory.teamIdentifier(),
                directory.flags(), directory.hashType(), entitlements);
    }

    /** A blob's header (magic, length), checked to lie inside the SuperBlob; returns its length. */
    private long blobLength(long offset, int magic, String what, long minLength) throws BinaryFormatException {
        ByteBuffer blob = reader.read(start + offset, BLOB_HEADER_SIZE, ByteOrder.BIG_ENDIAN, what);
        if (blob.getInt(0) != magic) {
            throw reader.error(start + offset, String.format("%s magic is 0x%08x, expected 0x%08x", what, blob.getInt(0), magic));
        }
        long blobLength = BinaryReader.u32(blob, 4);
        if (blobLength < minLength || blobLength > length - offset) {
            throw reader.error(start + offset + 4, what + " length " + blobLength + " does not fit the "
                    + (length - offset) + " bytes left in the SuperBlob");
        }
        return blobLength;
    }

    private record CodeDirectory(String identifier, Optional<String> teamIdentifier, int flags, int hashType) {
    }

    private CodeDirectory codeDirectory(long offset) throws BinaryFormatException {
        long cdLength = blobLength(offset, CodeSignature.CSMAGIC_CODEDIRECTORY, "CodeDirectory", CODE_DIRECTORY_MIN_SIZE);
        long cd = start + offset;
        ByteBuffer head = reader.read(cd, Math.min(cdLength, TEAM_OFFSET_FIELD + 4), ByteOrder.BIG_ENDIAN, "CodeDirectory");
        long version = BinaryReader.u32(head, 8);
        int flags = head.getInt(12);
        long identOffset = BinaryReader.u32(head, 20);
        int hashType = BinaryReader.u8(head, 37);
        String identifier = string(cd, cdLength, identOffset, "CodeDirectory identifier");
        Optional<String> team = Optional.empty();
        if (version >= CS_SUPPORTSTEAMID && head.limit() >= TEAM_OFFSET_FIELD + 4) {
            long teamOffset = BinaryReader.u32(head, TEAM_OFFSET_FIELD);
            if (teamOffset != 0) {
                team = Optional.of(string(cd, cdLength, teamOffset, "CodeDirectory team identifier"));
            }
        }
        return new CodeDirectory(identifier, team, flags, hashType);
    }

    private String string(long blob, long blobLength, long offset, String what) throws BinaryFormatException {
        if (offset < CODE_DIRECTORY_MIN_SIZE || offset >= blobLength) {
            throw reader.error(blob, what + " offset " + offset + " lies outside the " + blobLength + "-byte CodeDirectory");
        }
        ByteBuffer bytes = reader.read(blob + offset, Math.min(blobLength - offset, MAX_IDENTIFIER), ByteOrder.BIG_ENDIAN, what);
        for (int i = 0; i < bytes.limit(); i++) {
            if (bytes.get(i) == 0) {
                byte[] text = new byte[i];
                bytes.get(0, text);
                return new String(text, StandardCharsets.UTF_8);
            }
        }
        throw reader.error(blob + offset, what + " is not NUL-terminated within " + bytes.limit() + " bytes");
    }

    private String entitlements(long offset) throws BinaryFormatException {
        long blobLength = blobLength(offset, CodeSignature.CSMAGIC_EMBEDDED_ENTITLEMENTS, "entitlements blob", BLOB_HEADER_SIZE);
        ByteBuffer xml = reader.read(start + offset + BLOB_HEADER_SIZE, blobLength - BLOB_HEADER_SIZE, ByteOrder.BIG_ENDIAN,
                "entitlements blob");
        return StandardCharsets.UTF_8.decode(xml).toString();
    }
}
