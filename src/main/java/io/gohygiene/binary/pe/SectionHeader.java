package io.gohygiene.binary.pe;

/**
 * One entry of the section table (PE format, "Section Table (Section Headers)"), with its full name: a name of
 * more than 8 characters ({@code .debug_info}, which Go's linker emits) is stored as {@code /<offset>} into the
 * COFF string table and is resolved here.
 */
public record SectionHeader(String name, long virtualSize, long virtualAddress, long sizeOfRawData,
        long pointerToRawData, long pointerToRelocations, long pointerToLinenumbers, int numberOfRelocations,
        int numberOfLinenumbers, int characteristics) {

    public static final int SECTION_HEADER_SIZE = 40;

    public static final int IMAGE_SCN_CNT_CODE = 0x00000020;
    public static final int IMAGE_SCN_CNT_INITIALIZED_DATA = 0x00000040;
    public static final int IMAGE_SCN_CNT_UNINITIALIZED_DATA = 0x00000080;
    public static final int IMAGE_SCN_ALIGN_32BYTES = 0x00600000;
    public static final int IMAGE_SCN_LNK_NRELOC_OVFL = 0x01000000;
    public static final int IMAGE_SCN_MEM_DISCARDABLE = 0x02000000;
    public static final int IMAGE_SCN_MEM_SHARED = 0x10000000;
    public static final int IMAGE_SCN_MEM_EXECUTE = 0x20000000;
    public static final int IMAGE_SCN_MEM_READ = 0x40000000;
    public static final int IMAGE_SCN_MEM_WRITE = 0x80000000;

    /**
     * How many bytes from {@code virtualAddress} the file holds: the raw data, but no more than the section's
     * virtual size (raw data is padded to FileAlignment); a virtual size of 0 means the raw size (object files).
     */
    public long fileBackedSize() {
        if (pointerToRawData == 0) {
            return 0;
        }
        return virtualSize == 0 ? sizeOfRawData : Math.min(virtualSize, sizeOfRawData);
    }
}
