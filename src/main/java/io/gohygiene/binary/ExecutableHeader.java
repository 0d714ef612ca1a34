package io.gohygiene.binary;

import io.gohygiene.platform.Architectures;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;

/**
 * The first facts in an executable's header: its format, the GOOS it implies and the GOARCH of each
 * architecture it holds (a universal Mach-O holds several). Reads at most a few hundred bytes.
 */
public record ExecutableHeader(Path file, ExecutableFormat format, String goos, List<String> goarches) {

    private static final int ELF_MAGIC = 0x7f454c46;
    private static final int MH_MAGIC = 0xfeedface;
    private static final int MH_MAGIC_64 = 0xfeedfacf;
    private static final int FAT_MAGIC = 0xcafebabe;
    // A Java class file starts with 0xcafebabe too; there the "count" is its version (major 45 and up).
    // file(1) reads a count above 30 as a class file (Magdir/cafebabe); real universal binaries hold a handful.
    private static final int MAX_FAT_ARCHES = 30;

    public ExecutableHeader {
        goarches = List.copyOf(goarches);
    }

    public boolean contains(String goarch) {
        return goarches.contains(goarch);
    }

    /** {@code linux/amd64 ELF}, {@code darwin/amd64+arm64 Mach-O universal}. */
    public String describe() {
        return goos + "/" + String.join("+", goarches) + " " + format;
    }

    public static ExecutableHeader read(Path file) throws BinaryFormatException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            ByteBuffer head = readAt(channel, file, 0, 64);
            if (head.remaining() < 4) {
                throw new BinaryFormatException(file, 0, "file is " + head.remaining() + " bytes, too short for any executable header");
            }
            int magicBig = head.order(ByteOrder.BIG_ENDIAN).getInt(0);
            int magicLittle = head.order(ByteOrder.LITTLE_ENDIAN).getInt(0);
            if (magicBig == ELF_MAGIC) {
                return readElf(file, head);
            }
            if (magicLittle == MH_MAGIC || magicLittle == MH_MAGIC_64 || magicBig == MH_MAGIC || magicBig == MH_MAGIC_64) {
                ByteOrder order = (magicLittle == MH_MAGIC || magicLittle == MH_MAGIC_64) ? ByteOrder.LITTLE_ENDIAN : ByteOrder.BIG_ENDIAN;
                int cputype = need(head, file, 0, 8).order(order).getInt(4);
                return new ExecutableHeader(file, ExecutableFormat.MACHO, "darwin", List.of(machoArch(file, 4, cputype)));
            }
            if (magicBig == FAT_MAGIC) {
                return readFat(channel, file, head);
            }
            if (head.get(0) == 'M' && head.get(1) == 'Z') {
                return readPe(channel, file, head);
            }
            throw new BinaryFormatException(file, 0, String.format("unknown magic 0x%08x: not an ELF, Mach-O or PE executable", magicBig));
        } catch (IOException e) {
            throw new BinaryFormatException(file, 0, "cannot read: " + e.getMessage());
        }
    }

    private static ExecutableHeader readElf(Path file, ByteBuffer head) throws BinaryFormatException {
        need(head, file, 0, 20);
        boolean is64 = head.get(4) == 2;
        boolean little = head.get(5) == 1;
        if (head.get(4) != 1 && head.get(4) != 2) {
            throw new BinaryFormatException(file, 4, "EI_CLASS " + head.get(4) + " is neither ELFCLASS32 nor ELFCLASS64");
        }
        int machine = Short.toUnsignedInt(head.order(little ? ByteOrder.LITTLE_ENDIAN : ByteOrder.BIG_ENDIAN).getShort(18));
        String goarch = Architectures.fromElfMachine(machine, is64, little)
                .orElseThrow(() -> new BinaryFormatException(file, 18, "e_machine " + machine + " has no Go architecture"));
        String goos = switch (head.get(7)) {
            case 9 -> "freebsd";
            case 2 -> "netbsd";
            case 12 -> "openbsd";
            default -> "linux"; // ELFOSABI_NONE: Linux, and other systems that do not brand their binaries
        };
        return new ExecutableHeader(file, ExecutableFormat.ELF, goos, List.of(goarch));
    }

    private static ExecutableHeader readFat(FileChannel channel, Path file, ByteBuffer head) throws BinaryFormatException, IOException {
        int count = need(head, file, 0, 8).order(ByteOrder.BIG_ENDIAN).getInt(4);
        if (count <= 0 || count > MAX_FAT_ARCHES) {
            throw new BinaryFormatException(file, 4, "universal header claims " + Integer.toUnsignedString(count)
                    + " architectures (expected 1.." + MAX_FAT_ARCHES + ")");
        }
        ByteBuffer archs = readAt(channel, file, 8, count * 20).order(ByteOrder.BIG_ENDIAN);
        need(archs, file, 8, count * 20);
        List<String> goarches = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            goarches.add(machoArch(file, 8 + i * 20L, archs.getInt(i * 20)));
        }
        return new ExecutableHeader(file, ExecutableFormat.MACHO_UNIVERSAL, "darwin", goarches);
    }

    private static ExecutableHeader readPe(FileChannel channel, Path file, ByteBuffer head) throws BinaryFormatException, IOException {
        long peOffset = Integer.toUnsignedLong(need(head, file, 0, 64).order(ByteOrder.LITTLE_ENDIAN).getInt(0x3c));
        ByteBuffer pe = readAt(channel, file, peOffset, 6).order(ByteOrder.LITTLE_ENDIAN);
        need(pe, file, peOffset, 6);
        if (pe.getInt(0) != 0x00004550) {
            throw new BinaryFormatException(file, peOffset, "no PE\\0\\0 signature where e_lfanew points");
        }
        int machine = Short.toUnsignedInt(pe.getShort(4));
        String goarch = Architectures.fromPeMachine(machine).orElseThrow(() -> new BinaryFormatException(file, peOffset + 4,
                String.format("PE Machine 0x%04x has no Go architecture", machine)));
        return new ExecutableHeader(file, ExecutableFormat.PE, "windows", List.of(goarch));
    }

    private static String machoArch(Path file, long offset, int cputype) throws BinaryFormatException {
        return Architectures.fromMachoCpuType(cputype).orElseThrow(() -> new BinaryFormatException(file, offset,
                String.format("Mach-O cputype 0x%08x has no Go architecture", cputype)));
    }

    private static ByteBuffer readAt(FileChannel channel, Path file, long offset, int length) throws IOException, BinaryFormatException {
        if (offset < 0 || offset >= channel.size()) {
            throw new BinaryFormatException(file, offset, "offset is past the end of the " + channel.size() + "-byte file");
        }
        ByteBuffer buffer = ByteBuffer.allocate(length);
        while (buffer.hasRemaining() && channel.read(buffer, offset + buffer.position()) > 0) {
            // keep reading until full or EOF
        }
        buffer.flip();
        return buffer;
    }

    /** Fails unless {@code buffer}, read from file offset {@code base}, holds {@code bytes}; the offset reported is where the file ended. */
    private static ByteBuffer need(ByteBuffer buffer, Path file, long base, int bytes) throws BinaryFormatException {
        if (buffer.remaining() < bytes) {
            throw new BinaryFormatException(file, base + buffer.remaining(), "truncated header: needed " + bytes + " bytes at offset "
                    + base + ", only " + buffer.remaining() + " remain");
        }
        return buffer;
    }
}
