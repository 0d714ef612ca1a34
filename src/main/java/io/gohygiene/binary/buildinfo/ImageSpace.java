package io.gohygiene.binary.buildinfo;

import io.gohygiene.binary.BinaryFormatException;
import io.gohygiene.binary.BinaryReader;
import io.gohygiene.binary.ExecutableImage;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.OptionalLong;

/**
 * The virtual address space of an executable image, read through {@link ExecutableImage#fileOffsetOf}: where the
 * build-info search runs in {@link BuildInfoReader#read}, and where pre-1.18 pointers are followed.
 */
final class ImageSpace implements BlobSpace {

    private final BinaryReader reader;
    private final ExecutableImage image;

    ImageSpace(BinaryReader reader, ExecutableImage image) {
        this.reader = reader;
        this.image = image;
    }

    /**
     * Go's DataReader reads to the end of the segment holding {@code address}; the image only answers whether a
     * whole range is mapped, so find the longest mapped prefix by bisection (a prefix of a mapped range is mapped).
     */
    @Override
    public ByteBuffer readUpTo(long address, int max, String what) throws BinaryFormatException {
        if (max <= 0 || mapped(address, 1) < 0) {
            return ByteBuffer.allocate(0);
        }
        int lo = 1;
        int hi = max;
        if (mapped(address, hi) < 0) {
            while (hi - lo > 1) {
                int mid = lo + (hi - lo) / 2;
                if (mapped(address, mid) >= 0) {
                    lo = mid;
                } else {
                    hi = mid;
                }
            }
            hi = lo;
        }
        long offset = mapped(address, hi);
        if (offset >= reader.size()) {
            return ByteBuffer.allocate(0); // an image may describe bytes a truncated file no longer holds: Go's EOF
        }
        return reader.read(offset, Math.min(hi, reader.size() - offset), ByteOrder.LITTLE_ENDIAN, what);
    }

    @Override
    public ByteBuffer readExactly(long address, long length, long referencedAt, String what) throws BinaryFormatException {
        if (length == 0) {
            return ByteBuffer.allocate(0); // an empty Go string may point anywhere, even at address 0
        }
        if (length < 0 || length > BinaryReader.MAX_READ) {
            throw reader.error(referencedAt, what + " is " + Long.toUnsignedString(length) + " bytes long, more than the "
                    + BinaryReader.MAX_READ + " any build info needs");
        }
        if (Long.compareUnsigned(address, -1L - (length - 1)) > 0) {
            throw reader.error(referencedAt, what + " at address 0x" + Long.toHexString(address) + " wraps around the address space");
        }
        long offset = mapped(address, length);
        if (offset < 0) {
            throw reader.error(referencedAt, what + " (" + length + " bytes at address 0x" + Long.toHexString(address)
                    + ") is not in the file's mapped data");
        }
        return reader.read(offset, length, ByteOrder.LITTLE_ENDIAN, what);
    }

    @Override
    public long fileOffsetOf(long address) {
        return mapped(address, 1);
    }

    @Override
    public boolean maps(long address, long length) {
        return mapped(address, length) >= 0;
    }

    @Override
    public BinaryFormatException error(long fileOffset, String reason) {
        return reader.error(fileOffset, reason);
    }

    private long mapped(long address, long length) {
        OptionalLong offset = image.fileOffsetOf(address, length);
        return offset.isPresent() && offset.getAsLong() >= 0 ? offset.getAsLong() : -1;
    }
}
