package io.gohygiene.binary.macho;

/**
 * A {@code struct section[_64]} that follows its segment's load command. {@code offset} is relative to the start
 * of the Mach-O image, as in the file; it is 0 for zero-fill sections such as {@code __bss}.
 */
public record Section(String sectname, String segname, long addr, long size, long offset, int align, long reloff,
        long nreloc, int flags) {

    /** sizeof(struct section) and sizeof(struct section_64). */
    public static final int SECTION_SIZE = 68;
    public static final int SECTION_64_SIZE = 80;

    public static final int SECTION_TYPE = 0x000000ff;
    public static final int S_ZEROFILL = 0x1;
    public static final int S_GB_ZEROFILL = 0xc;
    public static final int S_THREAD_LOCAL_ZEROFILL = 0x12;

    /** Zero-fill sections occupy memory but no bytes in the file. */
    public boolean isZeroFill() {
        int type = flags & SECTION_TYPE;
        return type == S_ZEROFILL || type == S_GB_ZEROFILL || type == S_THREAD_LOCAL_ZEROFILL;
    }
}
