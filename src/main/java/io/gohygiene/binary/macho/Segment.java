package io.gohygiene.binary.macho;

/**
 * {@code LC_SEGMENT} / {@code LC_SEGMENT_64} ({@code struct segment_command[_64]}). {@code fileoff} is relative to
 * the start of the Mach-O image, as in the file; addresses are unsigned 64-bit values held in a long.
 */
public record Segment(String segname, long vmaddr, long vmsize, long fileoff, long filesize, int maxprot, int initprot,
        int nsects, int flags) {

    public static final int VM_PROT_READ = 0x1;
    public static final int VM_PROT_WRITE = 0x2;
    public static final int VM_PROT_EXECUTE = 0x4;

    /** sizeof(struct segment_command) and sizeof(struct segment_command_64). */
    public static final int SEGMENT_COMMAND_SIZE = 56;
    public static final int SEGMENT_COMMAND_64_SIZE = 72;

    /**
     * How many bytes from {@code vmaddr} are both mapped and backed by the file: {@code min(vmsize, filesize)}.
     * (Go's __DWARF segment has a file size but no vmsize; __PAGEZERO has a vmsize but no file bytes.)
     */
    public long mappedFileSize() {
        return Long.compareUnsigned(vmsize, filesize) < 0 ? vmsize : filesize;
    }
}
