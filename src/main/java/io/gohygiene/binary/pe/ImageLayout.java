package io.gohygiene.binary.pe;

import java.util.List;

/**
 * Maps RVAs to the file: which section (or the headers) holds an RVA, where in the file, and how many bytes from
 * there the file holds without leaving that section. Never points past the end of the file.
 */
final class ImageLayout {

    /** Where an RVA lies in the file, and how many bytes from it belong to the same section. */
    record Mapping(long fileOffset, long available, String where) {
    }

    private final List<SectionHeader> sections;
    private final long fileSize;
    private final long sizeOfHeaders;

    ImageLayout(List<SectionHeader> sections, long fileSize, long sizeOfHeaders) {
        this.sections = sections;
        this.fileSize = fileSize;
        this.sizeOfHeaders = sizeOfHeaders;
    }

    /** The mapping of {@code rva}, or null when no section (nor the headers) holds it in the file. */
    Mapping map(long rva) {
        if (rva < 0) {
            return null;
        }
        for (SectionHeader section : sections) {
            long extent = extent(section);
            if (rva >= section.virtualAddress() && rva - section.virtualAddress() < extent) {
                long delta = rva - section.virtualAddress();
                return new Mapping(section.pointerToRawData() + delta, extent - delta, "section " + section.name());
            }
        }
        long headers = Math.min(sizeOfHeaders, fileSize);
        return rva < headers ? new Mapping(rva, headers - rva, "the headers") : null;
    }

    /** The section's file-backed bytes, cut at the end of the file. */
    private long extent(SectionHeader section) {
        if (section.pointerToRawData() >= fileSize) {
            return 0;
        }
        return Math.min(section.fileBackedSize(), fileSize - section.pointerToRawData());
    }
}
