package io.gohygiene.testing;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Deterministic mutants of a real Go executable, as a hostile user would hand them to verify: byte flips anywhere,
 * in the headers and in the build-info blob, a build-info blob broken beyond reading, truncations, the header counts
 * (e_phnum, ncmds, NumberOfSections) zeroed or made huge, and huge sizes and offsets in the tables. The executable
 * is first reduced to the bytes its inspection reads ({@link FuzzSeeds#reduced}, same report) and each mutant is
 * written as a sparse file, so 1,250 mutants of 2 MB executables cost a few kilobytes of disk each.
 */
public final class HostileMutants {

    /** What a mutant had done to it; {@link #BUILD_INFO_BROKEN} is the kind no reader may take for a readable build info. */
    public enum Kind { FLIPS_ANYWHERE, FLIPS_IN_HEADERS, FLIPS_IN_BUILD_INFO, BUILD_INFO_BROKEN, TRUNCATED, COUNT_ZEROED, COUNT_HUGE, SIZE_HUGE }

    /** The build info's magic: 14 bytes at the start of the .go.buildinfo blob. */
    public static final byte[] BUILD_INFO_MAGIC = "\u00ff Go buildinf:".getBytes(StandardCharsets.ISO_8859_1);

    /** An integer field of a header or table: where it is and how wide. */
    private record Field(String name, long offset, int width) {
    }

    /** The header counts without which the OS loader cannot map the file at all: zeroed, the file must fail verify. */
    public static final java.util.Set<String> LOADER_COUNTS = java.util.Set.of("e_phnum", "ncmds", "NumberOfSections");

    private final FuzzedFile original;
    private final byte[] content;
    private final int buildInfo;
    private final List<Field> counts = new ArrayList<>();
    private final List<Field> sizes = new ArrayList<>();
    private final int headerEnd;

    /** @param executable a real Go executable: ELF, thin Mach-O or PE, little-endian, 64-bit */
    public HostileMutants(String name, Path executable) {
        this.original = FuzzedFile.decode(FuzzSeeds.reduced(name, executable).input());
        this.content = new byte[(int) original.size()];
        original.chunks().forEach(c -> System.arraycopy(c.bytes(), 0, content, (int) c.offset(), c.bytes().length));
        this.buildInfo = BinaryMutants.indexOf(content, BUILD_INFO_MAGIC);
        if (buildInfo < 0) {
            throw new IllegalArgumentException(executable + " has no build info");
        }
        ByteBuffer b = ByteBuffer.wrap(content).order(ByteOrder.LITTLE_ENDIAN);
        if (b.getInt(0) == 0x464c457f) { // ELF64
            long phoff = b.getLong(0x20);
            long shoff = b.getLong(0x28);
            counts.addAll(List.of(new Field("e_phnum", 0x38, 2), new Field("e_shnum", 0x3c, 2), new Field("e_shstrndx", 0x3e, 2)));
            sizes.addAll(List.of(new Field("e_phoff", 0x20, 8), new Field("e_shoff", 0x28, 8), new Field("e_phentsize", 0x36, 2), new Field("e_shentsize", 0x3a, 2)));
            for (int i = 0; i < Short.toUnsignedInt(b.getShort(0x38)); i++) {
                long ph = phoff + 56L * i;
                sizes.addAll(List.of(new Field("p_offset", ph + 8, 8), new Field("p_filesz", ph + 0x20, 8), new Field("p_memsz", ph + 0x28, 8)));
            }
            for (int i = 0; i < Short.toUnsignedInt(b.getShort(0x3c)) && shoff + 64L * i + 64 <= content.length; i++) {
                long sh = shoff + 64L * i;
                sizes.addAll(List.of(new Field("sh_offset", sh + 0x18, 8), new Field("sh_size", sh + 0x20, 8), new Field("sh_entsize", sh + 0x38, 8)));
            }
            headerEnd = (int) Math.min(content.length, phoff + 56L * Short.toUnsignedInt(b.getShort(0x38)));
        } else if (b.getInt(0) == 0xfeedfacf) { // Mach-O 64
            counts.add(new Field("ncmds", 0x10, 4));
            sizes.add(new Field("sizeofcmds", 0x14, 4));
            long at = 32;
            for (int i = 0; i < b.getInt(0x10); i++) {
                sizes.add(new Field("cmdsize", at + 4, 4));
                if (b.getInt((int) at) == 0x19) { // LC_SEGMENT_64: vmsize, fileoff, filesize, nsects
                    sizes.addAll(List.of(new Field("vmsize", at + 32, 8), new Field("fileoff", at + 40, 8), new Field("filesize", at + 48, 8)));
                    counts.add(new Field("nsects", at + 64, 4));
                }
                at += b.getInt((int) at + 4);
            }
            headerEnd = (int) at;
        } else if (b.getShort(0) == 0x5a4d) { // PE
            int pe = b.getInt(0x3c);
            int optional = pe + 24;
            int sections = optional + Short.toUnsignedInt(b.getShort(pe + 20));
            counts.addAll(List.of(new Field("NumberOfSections", pe + 6, 2), new Field("NumberOfRvaAndSizes", optional + 108, 4)));
            sizes.addAll(List.of(new Field("e_lfanew", 0x3c, 4), new Field("SizeOfOptionalHeader", pe + 20, 2), new Field("SizeOfImage", optional + 56, 4), new Field("SizeOfHeaders", optional + 60, 4)));
            for (int d = 0; d < 16; d++) {
                sizes.addAll(List.of(new Field("DataDirectory.VirtualAddress", optional + 112 + 8L * d, 4), new Field("DataDirectory.Size", optional + 116 + 8L * d, 4)));
            }
            int n = Short.toUnsignedInt(b.getShort(pe + 6));
            for (int s = 0; s < n; s++) {
                int h = sections + 40 * s;
                sizes.addAll(List.of(new Field("VirtualSize", h + 8, 4), new Field("VirtualAddress", h + 12, 4), new Field("SizeOfRawData", h + 16, 4), new Field("PointerToRawData", h + 20, 4)));
            }
            headerEnd = sections + 40 * n;
        } else {
            throw new IllegalArgumentException(executable + " is not a 64-bit little-endian ELF, Mach-O or PE file");
        }
    }

    /** The kind of the {@code index}-th mutant: the kinds in turn, so every seed gets every kind. */
    public static Kind kind(int index) {
        return Kind.values()[index % Kind.values().length];
    }

    /**
     * Writes mutant {@code index} (deterministic in {@code seed} and {@code index}) to {@code file}; returns the
     * header field it set ("e_phnum=0") for the count and size kinds, else the kind.
     */
    public String write(Path file, long seed, int index) throws IOException {
        String done = kind(index).name();
        Random random = new Random(seed * 1_000_003L + index);
        List<long[]> writes = new ArrayList<>(); // {offset, value, width}
        long size = original.size();
        switch (kind(index)) {
            case FLIPS_ANYWHERE -> flips(random, writes, 0, content.length, 1 + random.nextInt(16));
            case FLIPS_IN_HEADERS -> flips(random, writes, 0, Math.max(64, headerEnd), 1 + random.nextInt(4));
            case FLIPS_IN_BUILD_INFO -> flips(random, writes, buildInfo, Math.min(content.length, buildInfo + 512), 1 + random.nextInt(4));
            case BUILD_INFO_BROKEN -> broken(random, writes);
            case TRUNCATED -> size = random.nextInt(3) == 0 ? random.nextInt(Math.max(1, headerEnd + 64))
                    : buildInfo + random.nextInt(64); // inside the headers, or inside the build-info blob
            case COUNT_ZEROED -> {
                Field f = counts.get(random.nextInt(counts.size()));
                writes.add(new long[] {f.offset, 0, f.width});
                done = f.name + "=0";
            }
            case COUNT_HUGE -> done = huge(random, writes, counts.get(random.nextInt(counts.size())));
            case SIZE_HUGE -> done = huge(random, writes, sizes.get(random.nextInt(sizes.size())));
        }
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
            original.writeTo(channel);
            for (long[] w : writes) {
                ByteBuffer bytes = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putLong(w[1]).flip().limit((int) w[2]);
                if (w[0] >= 0 && w[0] + w[2] <= original.size()) {
                    channel.write(bytes, w[0]);
                }
            }
            channel.truncate(size);
        }
        return done;
    }

    private void flips(Random random, List<long[]> writes, int from, int to, int count) {
        for (int i = 0; i < count; i++) {
            int at = from + random.nextInt(Math.max(1, to - from));
            writes.add(new long[] {at, (content[at] ^ (1 + random.nextInt(255))) & 0xff, 1});
        }
    }

    /** A blob nobody can read: a magic byte changed, the inline flag cleared, or a length past the end. */
    private void broken(Random random, List<long[]> writes) {
        switch (random.nextInt(3)) {
            case 0 -> {
                int at = buildInfo + random.nextInt(BUILD_INFO_MAGIC.length);
                writes.add(new long[] {at, (content[at] ^ (1 + random.nextInt(255))) & 0xff, 1});
            }
            case 1 -> writes.add(new long[] {buildInfo + 15, 0, 1}); // the inline flag cleared: the header's pointers (zeros) are read
            default -> writes.add(new long[] {buildInfo + 32, 0x7fff_ffff_ffff_ffffL, 8}); // varint: the version's length
        }
    }

    private static String huge(Random random, List<long[]> writes, Field f) {
        long value = switch (random.nextInt(3)) {
            case 0 -> -1L;
            case 1 -> 1L << (8 * f.width - 1);
            default -> random.nextLong();
        };
        writes.add(new long[] {f.offset, value, f.width});
        return f.name + "=" + Long.toUnsignedString(f.width == 8 ? value : value & ((1L << (8 * f.width)) - 1));
    }
}
