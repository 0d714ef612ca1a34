package io.gohygiene.rules;

import io.gohygiene.binary.ExecutableFile;
import io.gohygiene.binary.ExecutableFormat;
import io.gohygiene.binary.ExecutableImage.Region;

import java.util.Optional;

/** Why the build-info reader found nothing in an image, in the words of where Go looks (debug/buildinfo). */
final class MissingBuildInfo {

    /** Go's reader needs the 32-byte header at least: less than that mapped is as good as nothing. */
    private static final int HEADER_SIZE = 32;

    private MissingBuildInfo() {
    }

    static String why(ExecutableFile image) {
        String section = image.format() == ExecutableFormat.PE ? "initialized writable data section"
                : image.format() == ExecutableFormat.ELF ? ".go.buildinfo section or writable PT_LOAD segment"
                : "__go_buildinfo section or __DATA segment";
        Optional<Region> region = image.buildInfoRegion();
        if (region.isEmpty() || region.get().size() == 0) {
            return "there is no " + section + " where Go's linker puts it";
        }
        Region r = region.get();
        String where = r.size() + " bytes at address 0x" + Long.toHexString(r.address()) + " (file offset 0x" + Long.toHexString(r.fileOffset()) + ")";
        if (image.fileOffsetOf(r.address(), Math.min(r.size(), HEADER_SIZE)).isEmpty()) {
            return "the " + where + " where it should be lie in no segment that maps file bytes, so it cannot be read";
        }
        return "no build-info magic (\"\\xff Go buildinf:\") in the " + where + " where Go looks for it";
    }
}
