package io.gohygiene.binary.elf;

/**
 * One entry of the dynamic section (gABI "Dynamic Section"): d_tag and d_val/d_ptr.
 *
 * @param tag   d_tag ({@link Elf#DT_NEEDED} …)
 * @param value d_val or d_ptr, unsigned
 */
public record DynamicEntry(long tag, long value) {

    /** {@code DT_NEEDED}, {@code DT_FLAGS_1} … */
    public String tagName() {
        return ElfNames.dynamicTag(tag);
    }
}
