package io.gohygiene.binary.elf;

import io.gohygiene.binary.BinaryFormatException;
import io.gohygiene.binary.BinaryInspector;
import io.gohygiene.testing.GoBinaries;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Names read from a file (here a section name with a newline and an ESC) cannot split or colour a log line. */
class ElfControlCharactersTest {

    @TempDir
    Path dir;

    @Test
    void aSectionNameWithANewlineAndEscapeIsEscapedInTheError() throws Exception {
        Path cgo = GoBinaries.build("cgo", "linux", "amd64", Map.of("CGO_ENABLED", "1", "CC", "gcc"));
        ElfPatch patch = ElfPatch.of(cgo);
        // Rename .dynstr to ".d\n<ESC>[1m" (same length) in .shstrtab, then move its contents outside the file.
        SectionHeader names = patch.original().sections().get(patch.original().header().shstrndx());
        int at = indexOf(patch, names, ".dynstr\0");
        byte[] hostile = ".d\n\u001b[1m".getBytes(StandardCharsets.ISO_8859_1);
        for (int i = 0; i < hostile.length; i++) {
            patch.buffer().put(at + i, hostile[i]);
        }
        patch.sectionOffset(patch.section(".dynstr"), 1L << 40);
        Path file = patch.write(dir.resolve("hostile-section-name"));

        BinaryFormatException e = assertThrows(BinaryFormatException.class, () -> BinaryInspector.inspect(file));
        assertTrue(e.getMessage().contains(" .d\\n\\x1b[1m (sh_offset 1099511627776"), e.getMessage());
        assertFalse(e.getMessage().chars().anyMatch(Character::isISOControl), "no raw control character: " + e.getMessage());
    }

    private static int indexOf(ElfPatch patch, SectionHeader table, String text) {
        byte[] wanted = text.getBytes(StandardCharsets.ISO_8859_1);
        for (int i = (int) table.offset(); i + wanted.length <= table.offset() + table.size(); i++) {
            boolean match = true;
            for (int j = 0; j < wanted.length && match; j++) {
                match = patch.buffer().get(i + j) == wanted[j];
            }
            if (match && (i == table.offset() || patch.buffer().get(i - 1) == 0)) {
                return i;
            }
        }
        throw new IllegalArgumentException("no " + text + " in the section name table");
    }
}
