package io.gohygiene.binary.buildinfo;

import io.gohygiene.binary.BinaryFormatException;
import io.gohygiene.binary.BinaryReader;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * A range of the file, addressed by file offset: what {@link BuildInfoReader#readInline} searches when there is no
 * executable image to map addresses. Nothing outside the range (or past the end of the file) is readable, so a
 * string that runs off the range is an error rather than a read into whatever follows.
 */
final class FileRangeSpace implements BlobSpace {

    private final BinaryReader reader;
    private final long start;
    private final long end;

    FileRangeSpace(BinaryReader reader, long start, long length) throws BinaryFormatException {
        if (start < 0 || length < 0) {
            throw reader.error(Math.max(start, 0), "build-info search range starts at " + start + " and is " + length + " bytes long");
        }
        this.reader = reader;
        this.start = Math.min(start, reader.size());
        // Clipped to the file: a range past its end holds nothing, as Go's reader sees EOF there.
        this.end = Math.min(reader.size(), length > Long.MAX_VALUE - start ? Long.MAX_VALUE : start + length);
    }

    long start() {
        return start;
    }

    long end() {
        return end;
    }

    @Override
    public ByteBuffer readUpTo(long address, int max, String what) throws BinaryFormatException {
        if (address < start || address >= end) {
            return ByteBuffer.allocate(0);
        }
        return reader.read(address, Math.min(max, end - address), ByteOrder.LITTLE_ENDIAN, what);
    }

    @Override
    public ByteBuffer readExactly(long address, long length, long referencedAt, String what) throws BinaryFormatException {
        if (length == 0) {
            return ByteBuffer.allocate(0);
        }
        if (address < start || address > end || length < 0 || length > end - address) {
            throw reader.error(referencedAt, what + " (" + Long.toUnsignedString(length) + " bytes at offset "
                    + Long.toUnsignedString(address) + ") runs past the end of the build-info range ending at offset " + end);
        }
        if (length > BinaryReader.MAX_READ) {
            throw reader.error(referencedAt, what + " is " + length + " bytes, more than the " + BinaryReader.MAX_READ
                    + " any build info needs");
        }
        return reader.read(address, length, ByteOrder.LITTLE_ENDIAN, what);
    }

    @Override
    public long fileOffsetOf(long address) {
        return address >= start && address < end ? address : -1;
    }

    @Override
    public boolean maps(long address, long length) {
        return address >= start && address <= end && length >= 0 && length <= end - address;
    }

    @Override
    public BinaryFormatException error(long fileOffset, String reason) {
        return reader.error(fileOffset, reason);
    }
}
