package io.gohygiene.testing;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

/**
 * Deterministic mutants of a real executable for differential tests: the same seed gives the same files. Each
 * mutant is a name saying what was done and the mutated bytes: seeded byte flips in the headers and load
 * commands, around the Go build-info blob and in the tail (ELF section headers); truncations; and the format's
 * counts and table offsets (ELF e_phnum/e_shnum/e_shstrndx/e_phoff, Mach-O nfat_arch/ncmds/sizeofcmds, PE
 * NumberOfSections/SizeOfOptionalHeader/NumberOfRvaAndSizes) set to zero and to all ones.
 */
public final class BinaryMutants {

    /** One mutant: what was done to the original, and the result. */
    public record Mutant(String name, byte[] content) {
    }

    private static final byte[] BUILDINFO_MAGIC = "\u00ff Go buildinf:".getBytes(StandardCharsets.ISO_8859_1);

    private BinaryMutants() {
    }

    /** The mutants of {@code original}, reproducible from {@code seed}. */
    public static List<Mutant> of(byte[] original, long seed) {
        Random random = new Random(seed);
        List<Mutant> mutants = new ArrayList<>();
        int headers = Math.min(original.length, 4096);
        for (int i = 0; i < 16; i++) {
            mutants.add(flips(original, random, "header", 0, headers, 1 + random.nextInt(4)));
        }
        int blob = indexOf(original, BUILDINFO_MAGIC);
        if (blob >= 0) {
            for (int i = 0; i < 10; i++) {
                mutants.add(flips(original, random, "buildinfo", blob, Math.min(original.length, blob + 512), 1 + random.nextInt(2)));
            }
        }
        for (int i = 0; i < 6; i++) {
            mutants.add(flips(original, random, "tail", Math.max(0, original.length - 4096), original.length, 1 + random.nextInt(3)));
        }
        for (int length : new int[] {63, headers / 2, headers, original.length / 2, original.length - 1,
                1 + random.nextInt(original.length - 1)}) {
            mutants.add(new Mutant("truncated to " + length, Arrays.copyOf(original, length)));
        }
        for (Field field : counts(original)) {
            mutants.add(set(original, field, 0));
            mutants.add(set(original, field, -1L));
        }
        return mutants;
    }

    /** A count or offset of the format's headers: where it is, how wide, in which byte order. */
    private record Field(String name, int offset, int width, ByteOrder order) {
    }

    private static List<Field> counts(byte[] b) {
        ByteBuffer buf = ByteBuffer.wrap(b);
        int big = buf.order(ByteOrder.BIG_ENDIAN).getInt(0);
        int little = Integer.reverseBytes(big);
        List<Field> fields = new ArrayList<>();
        if (big == 0x7f454c46) {
            ByteOrder order = b[5] == 2 ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN;
            boolean is64 = b[4] == 2;
            fields.add(new Field("e_phoff", is64 ? 32 : 28, is64 ? 8 : 4, order));
            fields.add(new Field("e_phnum", is64 ? 56 : 44, 2, order));
            fields.add(new Field("e_shnum", is64 ? 60 : 48, 2, order));
            fields.add(new Field("e_shstrndx", is64 ? 62 : 50, 2, order));
        } else if (big == 0xcafebabe) {
            fields.add(new Field("nfat_arch", 4, 4, ByteOrder.BIG_ENDIAN));
            int slice = buf.order(ByteOrder.BIG_ENDIAN).getInt(16);
            fields.add(new Field("first slice's ncmds", slice + 16, 4, ByteOrder.LITTLE_ENDIAN));
            fields.add(new Field("first slice's sizeofcmds", slice + 20, 4, ByteOrder.LITTLE_ENDIAN));
        } else if (little == 0xfeedface || little == 0xfeedfacf) {
            fields.add(new Field("ncmds", 16, 4, ByteOrder.LITTLE_ENDIAN));
            fields.add(new Field("sizeofcmds", 20, 4, ByteOrder.LITTLE_ENDIAN));
        } else if (b[0] == 'M' && b[1] == 'Z') {
            int pe = buf.order(ByteOrder.LITTLE_ENDIAN).getInt(0x3c);
            boolean plus = (buf.getShort(pe + 24) & 0xffff) == 0x20b;
            fields.add(new Field("NumberOfSections", pe + 6, 2, ByteOrder.LITTLE_ENDIAN));
            fields.add(new Field("SizeOfOptionalHeader", pe + 20, 2, ByteOrder.LITTLE_ENDIAN));
            fields.add(new Field("NumberOfRvaAndSizes", pe + 24 + (plus ? 108 : 92), 4, ByteOrder.LITTLE_ENDIAN));
        }
        return fields;
    }

    private static Mutant flips(byte[] original, Random random, String where, int from, int to, int count) {
        byte[] b = original.clone();
        StringBuilder name = new StringBuilder(where).append(" flips");
        for (int i = 0; i < count; i++) {
            int at = from + random.nextInt(to - from);
            int mask = 1 << random.nextInt(8);
            b[at] ^= (byte) mask;
            name.append(String.format(" 0x%x^0x%02x", at, mask));
        }
        return new Mutant(name.toString(), b);
    }

    private static Mutant set(byte[] original, Field field, long value) {
        byte[] b = original.clone();
        ByteBuffer buf = ByteBuffer.wrap(b).order(field.order());
        switch (field.width()) {
            case 2 -> buf.putShort(field.offset(), (short) value);
            case 4 -> buf.putInt(field.offset(), (int) value);
            default -> buf.putLong(field.offset(), value);
        }
        return new Mutant(field.name() + (value == 0 ? " zeroed" : " all ones"), b);
    }

    /** Where {@code needle} first starts in {@code haystack}, or -1 (the build-info magic, a section name). */
    static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
