package io.gohygiene.binary.buildinfo;

import io.gohygiene.binary.BinaryFormatException;

import java.nio.ByteBuffer;

/**
 * The address space a build-info blob is read in: the virtual addresses of an executable image (where pre-1.18
 * pointers lead), or plain offsets in a range of the file. Plays the part of DataReader in Go's debug/buildinfo:
 * a read at an address sees the bytes up to the end of what is mapped there, and no further.
 */
interface BlobSpace {

    /**
     * Up to {@code max} bytes at {@code address}; fewer where the mapped bytes end, none if nothing is mapped there.
     * Never reads past the end of the file.
     */
    ByteBuffer readUpTo(long address, int max, String what) throws BinaryFormatException;

    /**
     * Exactly {@code length} bytes at {@code address} ({@code length} may be any unsigned 64-bit value read from
     * the file); a BinaryFormatException at {@code referencedAt} (the file offset of whatever gave the address
     * and length) when they are not all mapped.
     */
    ByteBuffer readExactly(long address, long length, long referencedAt, String what) throws BinaryFormatException;

    /** The file offset of a mapped address, for error messages; -1 if unmapped. */
    long fileOffsetOf(long address);

    /**
     * Whether {@code [address, address + length)} is mapped to bytes of the file (by the image's headers: a file cut
     * short may not hold them any more, and reading them is then an error).
     */
    boolean maps(long address, long length);

    BinaryFormatException error(long fileOffset, String reason);
}
