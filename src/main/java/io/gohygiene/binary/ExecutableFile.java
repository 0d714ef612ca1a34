package io.gohygiene.binary;

/**
 * One parsed executable image: an ELF file, one slice of a (possibly universal) Mach-O file, or a PE file.
 * The format-specific types carry everything else; this is what every format can say.
 */
public interface ExecutableFile extends ExecutableImage {

    ExecutableFormat format();

    /** GOOS the image is for, in Go's words (linux, darwin, ios, windows, freebsd, android …). */
    String goos();

    /** GOARCH of the image's machine, in Go's words; "unknown(<code>)" for a machine Go does not target. */
    String goarch();
}
