package io.gohygiene.binary.buildinfo;

import io.gohygiene.binary.BinaryFormatException;
import io.gohygiene.binary.BinaryReader;
import io.gohygiene.binary.ExecutableImage;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.Optional;

/**
 * Reads the build info the Go linker embeds in an executable, agreeing with {@code go version -m} (Go's
 * debug/buildinfo and runtime/debug.ParseBuildInfo) field by field, for both layouts of the blob:
 * <ul>
 *   <li>inline (Go 1.18+): the 32-byte header is followed by two uvarint-length-prefixed strings, the Go version
 *       and the module info;</li>
 *   <li>pointer (Go 1.13–1.17): the header holds two pointers, in the target's size and byte order, to Go string
 *       headers (data pointer, length) elsewhere in the image.</li>
 * </ul>
 * The blob is found as Go finds it: the first occurrence of the magic at a 16-byte aligned address, searched in
 * chunks of at most 1 MiB. The result is empty when there is no magic (not a Go binary, or no build info); a blob
 * whose magic is present but whose contents are malformed is a {@link BinaryFormatException} naming the file, the
 * offset and why — where Go's reader would say only "not a Go executable" or quietly drop the module info.
 */
public final class BuildInfoReader {

    /** debug/buildinfo's searchChunkSize: memory per search is bounded whatever the region's size. */
    static final int SEARCH_CHUNK = 1 << 20;

    /** The 16-byte sentinels cmd/go frames the module info with (modload.infoStart, infoEnd). */
    static final int SENTINEL_LENGTH = 16;

    private BuildInfoReader() {
    }

    /**
     * The build info of {@code image}, searched in its {@link ExecutableImage#buildInfoRegion() build-info region}
     * and read through its address map; both blob layouts.
     */
    public static Optional<BuildInfo> read(BinaryReader reader, ExecutableImage image) throws BinaryFormatException {
        return read(reader, image, SEARCH_CHUNK);
    }

    /**
     * As {@link #read(BinaryReader, ExecutableImage)}, searching {@code searchChunk} bytes at a time: the fuzz target
     * uses a small chunk, so that files of a few kilobytes cross chunk boundaries as megabyte executables do.
     */
    static Optional<BuildInfo> read(BinaryReader reader, ExecutableImage image, int searchChunk) throws BinaryFormatException {
        Optional<ExecutableImage.Region> region = image.buildInfoRegion();
        if (region.isEmpty() || region.get().size() == 0) {
            return Optional.empty();
        }
        BlobSpace space = new ImageSpace(reader, image);
        long address = region.get().address();
        long size = region.get().size();
        if (Long.compareUnsigned(address + size, address) < 0) {
            throw reader.error(region.get().fileOffset(), "build-info region of " + Long.toUnsignedString(size)
                    + " bytes at address 0x" + Long.toHexString(address) + " wraps around the address space");
        }
        long blob = findMagic(space, address, address + size, searchChunk);
        return blob == NOT_FOUND ? Optional.empty() : Optional.of(decode(space, blob, address + size));
    }

    /**
     * The build info in {@code [searchStart, searchStart + searchLength)} of the file, for the inline layout
     * (Go 1.18+) only, with no executable image: the range is searched as Go searches a data segment, by file
     * offset, and the strings must lie inside it. A pointer-layout blob (pre-1.18) cannot be followed without an
     * image's address map and is reported as an error. The range is clipped to the file.
     */
    public static Optional<BuildInfo> readInline(BinaryReader reader, long searchStart, long searchLength) throws BinaryFormatException {
        return readInline(reader, searchStart, searchLength, SEARCH_CHUNK);
    }

    /** As {@link #readInline(BinaryReader, long, long)}, searching {@code searchChunk} bytes at a time. */
    static Optional<BuildInfo> readInline(BinaryReader reader, long searchStart, long searchLength, int searchChunk) throws BinaryFormatException {
        FileRangeSpace space = new FileRangeSpace(reader, searchStart, searchLength);
        long blob = findMagic(space, space.start(), space.end(), searchChunk);
        if (blob == NOT_FOUND) {
            return Optional.empty();
        }
        return Optional.of(decode(space, blob, space.end()));
    }

    private static final long NOT_FOUND = -1;

    /**
     * debug/buildinfo's searchMagic: the first magic at an aligned address in {@code [start, end)}, read up to
     * {@code searchChunk} bytes at a time ({@link #SEARCH_CHUNK} but in the fuzz target); stops where the mapped bytes end.
     */
    private static long findMagic(BlobSpace space, long start, long end, int searchChunk) throws BinaryFormatException {
        // Round up: the magic cannot start in the unaligned head.
        long at = (start + BuildInfoHeader.ALIGNMENT - 1) & -BuildInfoHeader.ALIGNMENT;
        if (Long.compareUnsigned(at, start) < 0) {
            return NOT_FOUND; // rounding wrapped past the top of the address space
        }
        while (Long.compareUnsigned(at, end) < 0) {
            long remaining = end - at;
            int chunk = Long.compareUnsigned(remaining, searchChunk) < 0 ? (int) remaining : searchChunk;
            ByteBuffer data = space.readUpTo(at, chunk, "build-info search chunk");
            if (data.limit() == 0) {
                return NOT_FOUND; // the mapped data ended before the magic: not a Go binary
            }
            for (int i = 0; i + BuildInfoHeader.MAGIC.length() <= data.limit(); i += BuildInfoHeader.ALIGNMENT) {
                if (BuildInfoHeader.startsWithMagic(data, i)) {
                    return at + i;
                }
            }
            at += chunk;
        }
        return NOT_FOUND;
    }

    /** Decodes the blob whose magic is at {@code blob}; {@code regionEnd} bounds its header, as in Go. */
    private static BuildInfo decode(BlobSpace space, long blob, long regionEnd) throws BinaryFormatException {
        long blobOffset = space.fileOffsetOf(blob);
        // Go requires the whole header inside the searched region, and inside the mapped data.
        int headerRoom = Long.compareUnsigned(regionEnd - blob, BuildInfoHeader.SIZE) < 0 ? (int) (regionEnd - blob) : BuildInfoHeader.SIZE;
        ByteBuffer headerBytes = space.readUpTo(blob, headerRoom, "build-info header");
        if (headerBytes.limit() < BuildInfoHeader.SIZE) {
            throw space.error(blobOffset, "build-info magic found, but only " + headerBytes.limit() + " of the header's "
                    + BuildInfoHeader.SIZE + " bytes follow it");
        }
        BuildInfoHeader header = BuildInfoHeader.decode(headerBytes);
        BlobString version;
        BlobString modInfo;
        if (header.inline()) {
            version = BlobString.inline(space, blob + BuildInfoHeader.SIZE, blob, blobOffset, "Go version string");
            modInfo = BlobString.inline(space, version.end(), blob, blobOffset, "module info string");
        } else if (space instanceof FileRangeSpace) {
            throw space.error(blobOffset, "build info uses the pre-Go 1.18 pointer layout (flags 0x"
                    + Integer.toHexString(headerBytes.get(BuildInfoHeader.FLAGS_OFFSET) & 0xff)
                    + "), which needs the executable's address map to follow");
        } else {
            if (header.pointerSize() != 4 && header.pointerSize() != 8) {
                throw space.error(blobOffset + BuildInfoHeader.POINTER_SIZE_OFFSET, "build-info pointer size is "
                        + header.pointerSize() + "; the pointer layout needs 4 or 8");
            }
            long firstPointerOffset = blobOffset + BuildInfoHeader.VERSION_POINTER_OFFSET;
            version = BlobString.pointedTo(space, header, header.versionPointer(), firstPointerOffset, "Go version string");
            long modInfoPointerOffset = firstPointerOffset + header.pointerSize();
            if (space.maps(header.modInfoPointer(), 2L * header.pointerSize())) {
                modInfo = BlobString.pointedTo(space, header, header.modInfoPointer(), modInfoPointerOffset, "module info string");
            } else {
                // GOPATH-mode binaries of Go 1.13-1.17 (the releases' own tools among them): runtime.modinfo is a zero
                // string in .bss, which the file does not hold. Go reads the unreadable string header as empty module
                // info, and so do we; every other pointer that leads outside the file is an error.
                modInfo = new BlobString(new byte[0], modInfoPointerOffset, 0);
            }
        }
        if (version.bytes().length == 0) {
            throw space.error(version.fileOffset(), "build info holds an empty Go version");
        }
        for (byte b : version.bytes()) {
            // Go's reader takes any bytes; control characters mean the pointers led into something else (a string header, say).
            if ((b >= 0 && b < 0x20) || b == 0x7f) {
                throw space.error(version.fileOffset(), String.format("Go version string holds control character 0x%02x", b));
            }
        }
        ModInfo parsed = parseModInfo(space, modInfo);
        return new BuildInfo(GoStrings.decode(version.bytes()), parsed.path(), parsed.main(), parsed.deps(), parsed.settings(),
                header.pointerSize(), header.bigEndian(), header.inline());
    }

    /**
     * Strips the sentinels and parses the text. Go checks the framing only by length and by the newline that must
     * end the text just before the closing sentinel; it does not compare the sentinel bytes, and neither do we.
     * Empty module info (a binary built outside module mode) is no module info, as in Go.
     */
    private static ModInfo parseModInfo(BlobSpace space, BlobString modInfo) throws BinaryFormatException {
        byte[] framed = modInfo.bytes();
        if (framed.length == 0) {
            return ModInfo.EMPTY;
        }
        if (framed.length < 2 * SENTINEL_LENGTH + 1 || framed[framed.length - SENTINEL_LENGTH - 1] != '\n') {
            // Go's reader drops such module info silently; for us it is a malformed blob.
            throw space.error(modInfo.fileOffset(), "module info of " + framed.length + " bytes is not framed by the "
                    + SENTINEL_LENGTH + "-byte sentinels cmd/go puts around it (no newline before the closing sentinel)");
        }
        byte[] text = Arrays.copyOfRange(framed, SENTINEL_LENGTH, framed.length - SENTINEL_LENGTH);
        try {
            return ModInfo.parse(GoStrings.decode(text));
        } catch (ModInfoSyntaxException e) {
            throw space.error(modInfo.fileOffset() + SENTINEL_LENGTH, "module info is malformed: " + e.getMessage());
        }
    }
}
