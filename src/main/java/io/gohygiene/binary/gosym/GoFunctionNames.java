package io.gohygiene.binary.gosym;

import io.gohygiene.binary.BinaryFormatException;
import io.gohygiene.binary.BinaryReader;
import io.gohygiene.binary.ExecutableFormat;
import io.gohygiene.binary.ExecutableImage;
import io.gohygiene.binary.BinaryInspector;
import io.gohygiene.binary.elf.ElfFile;
import io.gohygiene.binary.macho.MachoFiles;
import io.gohygiene.binary.pe.PeFile;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * The names of the functions a Go binary holds, read from its pclntab (the table the runtime uses for stack traces,
 * which {@code -ldflags=-s -w} does not strip), as Go's debug/gosym lists them: what tells whether a vulnerable
 * function is linked in at all. ELF, Mach-O (thin, or one slice of a universal file) and PE; pclntab layouts of
 * Go 1.2 to today. The table is read through bounded windows, never whole.
 */
public final class GoFunctionNames {

    private GoFunctionNames() {
    }

    /**
     * The names of every function in the binary's pclntab ("net/http.(*http2Framer).ReadFrame", "main.main"), in
     * table order. For a universal Mach-O file, those of its first slice (as Go's debug/buildinfo reads it); use
     * {@link #read(ExecutableImage, BinaryReader)} for each slice. A binary without a pclntab (not Go) is a
     * BinaryFormatException "no Go pclntab".
     */
    public static List<String> read(Path file) throws IOException, BinaryFormatException {
        ExecutableFormat format = BinaryInspector.formatOf(file).orElseThrow(() ->
                new BinaryFormatException(file, 0, "no Go pclntab: not an ELF, Mach-O or PE executable"));
        try (BinaryReader reader = BinaryReader.open(file)) {
            ExecutableImage image = switch (format) {
                case ELF -> ElfFile.read(reader);
                case PE -> PeFile.read(reader);
                default -> MachoFiles.readAll(reader).get(0);
            };
            return read(image, reader);
        }
    }

    /** The function names of one image read from {@code reader}'s file (one slice of a universal Mach-O file). */
    public static List<String> read(ExecutableImage image, BinaryReader reader) throws BinaryFormatException {
        return PclntabLocator.locate(image, reader).functionNames();
    }

    /**
     * The names of the functions whose code is in one image: those of the function table ({@link #read}) and those
     * the compiler inlined into them, which only the function-name table holds (Go 1.16+; {@code net/mail.ParseAddressList}
     * inlined into {@code main.main}). What "is this vulnerable function linked" must look at: an inlined function
     * runs as much as a called one. In name-table order (the linker writes each name once); before Go 1.16 (no name
     * table), the function table's names.
     */
    public static List<String> readIncludingInlined(ExecutableImage image, BinaryReader reader) throws BinaryFormatException {
        Pclntab table = PclntabLocator.locate(image, reader);
        // The name table holds every function's name as well (each _func's name is an offset into it): one
        // sequential pass over it gives both, without visiting the 2,000+ function records one by one.
        List<String> names = table.nameTable();
        return names.isEmpty() ? table.functionNames() : java.util.Collections.unmodifiableList(names);
    }

    /** The pclntab header of one image, as {@link #read(ExecutableImage, BinaryReader)} finds it. */
    public static PclnHeader header(ExecutableImage image, BinaryReader reader) throws BinaryFormatException {
        return PclntabLocator.locate(image, reader).header();
    }
}
