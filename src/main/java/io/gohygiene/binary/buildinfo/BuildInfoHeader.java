package io.gohygiene.binary.buildinfo;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * The 32-byte header of a build-info blob (cmd/link's buildinfo, debug/buildinfo):
 * <pre>
 *   magic    [14]byte  "\xff Go buildinf:"
 *   ptrSize  uint8     the target's pointer size
 *   flags    uint8     bit 0: big-endian pointers; bit 1: strings inline after the header (Go 1.18+)
 *   versPtr  uintptr   before 1.18: address of the Go version string header (ptr, len)
 *   modPtr   uintptr   before 1.18: address of the module info string header
 * </pre>
 */
record BuildInfoHeader(int pointerSize, boolean bigEndian, boolean inline, long versionPointer, long modInfoPointer) {

    /** The 14 magic bytes as ISO-8859-1 text: a String, so the shared constant cannot be changed as an array could. */
    static final String MAGIC = "\u00ff Go buildinf:";
    static final int ALIGNMENT = 16;
    static final int SIZE = 32;

    static final int POINTER_SIZE_OFFSET = 14;
    static final int FLAGS_OFFSET = 15;
    static final int VERSION_POINTER_OFFSET = 16;

    static final int FLAG_BIG_ENDIAN = 0x1;
    static final int FLAG_INLINE = 0x2;

    /** Decodes {@code header} (32 bytes, starting with the magic); pointers are read only for the pointer format. */
    static BuildInfoHeader decode(ByteBuffer header) {
        int pointerSize = Byte.toUnsignedInt(header.get(POINTER_SIZE_OFFSET));
        int flags = Byte.toUnsignedInt(header.get(FLAGS_OFFSET));
        boolean bigEndian = (flags & FLAG_BIG_ENDIAN) != 0;
        boolean inline = (flags & FLAG_INLINE) != 0;
        long versionPointer = 0;
        long modInfoPointer = 0;
        if (!inline && (pointerSize == 4 || pointerSize == 8)) {
            ByteBuffer b = header.duplicate().order(bigEndian ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN);
            versionPointer = pointer(b, VERSION_POINTER_OFFSET, pointerSize);
            modInfoPointer = pointer(b, VERSION_POINTER_OFFSET + pointerSize, pointerSize);
        }
        return new BuildInfoHeader(pointerSize, bigEndian, inline, versionPointer, modInfoPointer);
    }

    static boolean startsWithMagic(ByteBuffer b, int index) {
        if (index + MAGIC.length() > b.limit()) {
            return false;
        }
        for (int k = 0; k < MAGIC.length(); k++) {
            if (Byte.toUnsignedInt(b.get(index + k)) != MAGIC.charAt(k)) {
                return false;
            }
        }
        return true;
    }

    /** A target pointer: 4 bytes zero-extended, or 8 bytes as an unsigned 64-bit value held in a long. */
    static long pointer(ByteBuffer b, int index, int size) {
        return size == 4 ? Integer.toUnsignedLong(b.getInt(index)) : b.getLong(index);
    }

    ByteOrder pointerOrder() {
        return bigEndian ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN;
    }
}
