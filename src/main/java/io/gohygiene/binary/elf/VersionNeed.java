package io.gohygiene.binary.elf;

import java.util.List;

/**
 * One Elf_Verneed record of {@code .gnu.version_r} (GNU symbol versioning): a library and the versions of it the
 * file needs, e.g. {@code libc.so.6} with {@code GLIBC_2.34} and {@code GLIBC_2.2.5}.
 *
 * @param file     vn_file: the library's DT_NEEDED name
 * @param versions the Elf_Vernaux records chained from vn_aux, in file order
 */
public record VersionNeed(String file, List<VersionNeedAux> versions) {

    public VersionNeed {
        versions = List.copyOf(versions);
    }
}
