package io.gohygiene.binary.buildinfo;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Writes crafted build-info blobs byte by byte: headers, uvarints, Go string headers, framed module info. */
final class BlobWriter {

    static final byte[] START = hex("3077af0c9274080241e1c107e6d618e6");
    static final byte[] END = hex("f932433186182072008242104116d8f2");

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();

    int position() {
        return out.size();
    }

    BlobWriter pad(int to) {
        while (out.size() < to) {
            out.write(0);
        }
        return this;
    }

    BlobWriter bytes(byte... b) {
        out.writeBytes(b);
        return this;
    }

    BlobWriter text(String s) {
        return bytes(s.getBytes(StandardCharsets.UTF_8));
    }

    BlobWriter magic() {
        return bytes(BuildInfoHeader.MAGIC.getBytes(StandardCharsets.ISO_8859_1));
    }

    /** Magic, pointer size, flags; for the inline layout 16 zero bytes follow. */
    BlobWriter inlineHeader(int pointerSize, boolean bigEndian) {
        return magic().bytes((byte) pointerSize, (byte) (0x2 | (bigEndian ? 1 : 0))).pad(position() + 16);
    }

    BlobWriter pointerHeader(int pointerSize, ByteOrder order, long versionPointer, long modInfoPointer) {
        magic().bytes((byte) pointerSize, (byte) (order == ByteOrder.BIG_ENDIAN ? 1 : 0));
        pointer(pointerSize, order, versionPointer).pointer(pointerSize, order, modInfoPointer);
        return pad(position() + 16 - 2 * pointerSize);
    }

    BlobWriter pointer(int size, ByteOrder order, long value) {
        ByteBuffer b = ByteBuffer.allocate(size).order(order);
        if (size == 4) {
            b.putInt((int) value);
        } else {
            b.putLong(value);
        }
        return bytes(b.array());
    }

    BlobWriter uvarint(long v) {
        while (Long.compareUnsigned(v, 0x80) >= 0) {
            out.write((int) (v & 0x7f) | 0x80);
            v >>>= 7;
        }
        out.write((int) v);
        return this;
    }

    /** A uvarint-prefixed string, as the inline layout stores it. */
    BlobWriter inlineString(byte[] s) {
        return uvarint(s.length).bytes(s);
    }

    static byte[] framed(String modInfo) {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        b.writeBytes(START);
        b.writeBytes(modInfo.getBytes(StandardCharsets.UTF_8));
        b.writeBytes(END);
        return b.toByteArray();
    }

    static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    byte[] toByteArray() {
        return out.toByteArray();
    }

    Path writeTo(Path file) throws IOException {
        Files.write(file, out.toByteArray());
        return file;
    }

    private static byte[] hex(String s) {
        return java.util.HexFormat.of().parseHex(s);
    }
}
