package io.gohygiene.binary.elf;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.IntStream;

/**
 * A copy of a real ELF file, changed field by field to make hostile input; offsets of the header fields and of
 * each section header come from the parse of the original.
 */
final class ElfPatch {

    private final byte[] bytes;
    private final ByteBuffer buffer;
    private final ElfFile original;

    private ElfPatch(byte[] bytes, ElfFile original) {
        this.bytes = bytes;
        this.original = original;
        this.buffer = ByteBuffer.wrap(bytes).order(original.byteOrder());
    }

    static ElfPatch of(Path source) throws Exception {
        return new ElfPatch(Files.readAllBytes(source), ElfCorpus.read(source));
    }

    ElfFile original() {
        return original;
    }

    boolean is64() {
        return original.header().is64();
    }

    ByteBuffer buffer() {
        return buffer;
    }

    int section(String name) {
        return IntStream.range(0, original.sections().size()).filter(i -> original.sections().get(i).name().equals(name))
                .findFirst().orElseThrow(() -> new IllegalArgumentException("no section " + name));
    }

    SectionHeader header(String name) {
        return original.sections().get(section(name));
    }

    /** e_phnum, e_shnum, e_shstrndx … by their offset in the 64-bit or 32-bit file header. */
    ElfPatch headerShort(int offset64, int offset32, int value) {
        buffer.putShort(is64() ? offset64 : offset32, (short) value);
        return this;
    }

    /** e_phoff, e_shoff: a long in a 64-bit file, an int in a 32-bit one. */
    ElfPatch headerWord(int offset64, int offset32, long value) {
        return word(is64() ? offset64 : offset32, value);
    }

    ElfPatch sectionOffset(int index, long value) {
        return word(sectionField(index, 24, 16), value);
    }

    ElfPatch sectionSize(int index, long value) {
        return word(sectionField(index, 32, 20), value);
    }

    ElfPatch sectionLink(int index, long value) {
        buffer.putInt(sectionField(index, 40, 24), (int) value);
        return this;
    }

    ElfPatch sectionInfo(int index, long value) {
        buffer.putInt(sectionField(index, 44, 28), (int) value);
        return this;
    }

    ElfPatch putShort(long offset, int value) {
        buffer.putShort((int) offset, (short) value);
        return this;
    }

    ElfPatch putInt(long offset, long value) {
        buffer.putInt((int) offset, (int) value);
        return this;
    }

    int getShort(long offset) {
        return Short.toUnsignedInt(buffer.getShort((int) offset));
    }

    long getInt(long offset) {
        return Integer.toUnsignedLong(buffer.getInt((int) offset));
    }

    ElfPatch fill(long offset, long length, byte value) {
        for (long i = 0; i < length; i++) {
            bytes[(int) (offset + i)] = value;
        }
        return this;
    }

    Path write(Path target) throws Exception {
        return Files.write(target, bytes);
    }

    /** The first {@code length} bytes only. */
    Path writePrefix(Path target, int length) throws Exception {
        return Files.write(target, java.util.Arrays.copyOf(bytes, length));
    }

    private int sectionField(int index, int field64, int field32) {
        ElfHeader h = original.header();
        return (int) (h.shoff() + (long) index * h.shentsize() + (is64() ? field64 : field32));
    }

    private ElfPatch word(int offset, long value) {
        if (is64()) {
            buffer.putLong(offset, value);
        } else {
            buffer.putInt(offset, (int) value);
        }
        return this;
    }
}
