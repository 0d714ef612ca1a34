package io.gohygiene.binary.buildinfo;

import io.gohygiene.binary.BinaryFormatException;

import java.nio.ByteBuffer;

/**
 * One of the two strings of a build-info blob (the Go version, the module info), as raw bytes.
 *
 * @param bytes      the string's bytes (a Go string: not necessarily UTF-8)
 * @param fileOffset where they start in the file
 * @param end        the address just past them (the inline layout reads the next string there)
 */
record BlobString(byte[] bytes, long fileOffset, long end) {

    /**
     * The inline layout's string at {@code address}: a uvarint length, then that many bytes (debug/buildinfo's
     * decodeString). {@code blob}/{@code blobOffset} place the blob in the file, for error messages.
     */
    static BlobString inline(BlobSpace space, long address, long blob, long blobOffset, String what) throws BinaryFormatException {
        long offset = blobOffset + (address - blob);
        ByteBuffer prefix = space.readUpTo(address, Uvarint.MAX_LENGTH, what + " length");
        Uvarint length = Uvarint.decode(prefix);
        if (length.length() == 0 && prefix.limit() < Uvarint.MAX_LENGTH) {
            throw space.error(offset, what + ": the data ends inside its uvarint length (" + prefix.limit() + " bytes left)");
        }
        if (length.length() <= 0) {
            throw space.error(offset, what + ": its uvarint length overflows 64 bits (more than " + Uvarint.MAX_LENGTH
                    + " bytes, or a 10th byte above 1)");
        }
        long data = address + length.length();
        ByteBuffer bytes = space.readExactly(data, length.value(), offset, what);
        return new BlobString(toArray(bytes), offset + length.length(), data + length.value());
    }

    /**
     * The pointer layout's string whose Go string header (data pointer, length; target size and byte order) is at
     * {@code address}; {@code referencedAt} is the file offset of the header field that holds {@code address}.
     */
    static BlobString pointedTo(BlobSpace space, BuildInfoHeader header, long address, long referencedAt, String what)
            throws BinaryFormatException {
        int size = header.pointerSize();
        ByteBuffer stringHeader = space.readExactly(address, 2L * size, referencedAt, what + " header").order(header.pointerOrder());
        long data = BuildInfoHeader.pointer(stringHeader, 0, size);
        long length = BuildInfoHeader.pointer(stringHeader, size, size);
        long stringHeaderOffset = space.fileOffsetOf(address);
        ByteBuffer bytes = space.readExactly(data, length, stringHeaderOffset, what);
        return new BlobString(toArray(bytes), length == 0 ? stringHeaderOffset : space.fileOffsetOf(data), data + length);
    }

    private static byte[] toArray(ByteBuffer buffer) {
        byte[] bytes = new byte[buffer.remaining()];
        buffer.get(bytes);
        return bytes;
    }
}
