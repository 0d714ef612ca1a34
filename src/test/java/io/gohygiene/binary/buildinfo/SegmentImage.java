package io.gohygiene.binary.buildinfo;

import io.gohygiene.binary.ExecutableImage;

import java.nio.ByteOrder;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/** A hand-made {@link ExecutableImage} for crafted files: segments mapping addresses to file bytes, and a region. */
record SegmentImage(List<Segment> segments, Optional<Region> region, ByteOrder byteOrder, int pointerSize) implements ExecutableImage {

    record Segment(long address, long fileOffset, long fileSize) {
    }

    /** The whole file of {@code size} bytes mapped at {@code base}, the region covering all of it. */
    static SegmentImage wholeFile(long base, long size) {
        return new SegmentImage(List.of(new Segment(base, 0, size)), Optional.of(new Region(base, 0, size)), ByteOrder.LITTLE_ENDIAN, 8);
    }

    SegmentImage withRegion(Region r) {
        return new SegmentImage(segments, Optional.of(r), byteOrder, pointerSize);
    }

    @Override
    public Optional<Region> buildInfoRegion() {
        return region;
    }

    @Override
    public OptionalLong fileOffsetOf(long address, long length) {
        for (Segment s : segments) {
            long delta = address - s.address();
            if (Long.compareUnsigned(address, s.address()) >= 0 && Long.compareUnsigned(delta, s.fileSize()) <= 0
                    && length >= 0 && Long.compareUnsigned(length, s.fileSize() - delta) <= 0) {
                return OptionalLong.of(s.fileOffset() + delta);
            }
        }
        return OptionalLong.empty();
    }
}
