package io.gohygiene.testing;

import io.gohygiene.binary.ExecutableImage;
import io.gohygiene.process.CommandLine;
import io.gohygiene.process.ProcessResult;
import io.gohygiene.process.ProcessRunner;

import java.nio.ByteOrder;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * TEST SCAFFOLDING, to be replaced by the plugin's own ELF parser (ElfFile) when it lands: an {@link ExecutableImage}
 * of an ELF file built from what binutils' {@code readelf} prints ({@code -h} for class and byte order, {@code -l}
 * for the PT_LOAD segments, {@code -S} for the {@code .go.buildinfo} section). It lets the build-info reader's
 * tests follow pre-1.18 pointers through a real address map today, from an independent reading of the file.
 * The region follows Go's debug/buildinfo: the {@code .go.buildinfo} section, else the first PT_LOAD that is
 * writable and not executable.
 */
public final class ReadelfImage implements ExecutableImage {

    /** One PT_LOAD program header. */
    public record Segment(long fileOffset, long address, long fileSize, long memorySize, String flags) {
    }

    /** One section header: name, address, file offset and size. */
    public record Section(String name, long address, long fileOffset, long size) {
    }

    private static final Pattern SECTION = Pattern.compile("^\\s*\\[\\s*\\d+]\\s+(\\S+)\\s+\\S+\\s+([0-9a-f]+)\\s+([0-9a-f]+)\\s+([0-9a-f]+)\\s");

    private final Path file;
    private final boolean is64;
    private final ByteOrder order;
    private final List<Segment> loads;
    private final List<Section> sections;

    private ReadelfImage(Path file, boolean is64, ByteOrder order, List<Segment> loads, List<Section> sections) {
        this.file = file;
        this.is64 = is64;
        this.order = order;
        this.loads = List.copyOf(loads);
        this.sections = List.copyOf(sections);
    }

    /** Runs readelf on {@code file}; fails the test if readelf cannot read it. */
    public static ReadelfImage of(Path file) {
        String header = readelf("-hW", file);
        boolean is64 = header.contains("ELF64");
        if (!is64 && !header.contains("ELF32")) {
            throw new IllegalStateException("readelf names no ELF class for " + file + ":\n" + header);
        }
        ByteOrder order = header.contains("big endian") ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN;
        List<Segment> loads = new ArrayList<>();
        for (String line : readelf("-lW", file).split("\n")) {
            String[] t = line.trim().split("\\s+");
            if (t.length >= 8 && t[0].equals("LOAD")) {
                // Type Offset VirtAddr PhysAddr FileSiz MemSiz Flg(1-3 words, "R E") Align
                String flags = String.join("", List.of(t).subList(6, t.length - 1));
                loads.add(new Segment(hex(t[1]), hex(t[2]), hex(t[4]), hex(t[5]), flags));
            }
        }
        List<Section> sections = new ArrayList<>();
        for (String line : readelf("-SW", file).split("\n")) {
            Matcher m = SECTION.matcher(line);
            if (m.find()) {
                sections.add(new Section(m.group(1), hex(m.group(2)), hex(m.group(3)), hex(m.group(4))));
            }
        }
        if (loads.isEmpty()) {
            throw new IllegalStateException("readelf lists no PT_LOAD segment in " + file);
        }
        return new ReadelfImage(file, is64, order, loads, sections);
    }

    public Path file() {
        return file;
    }

    public List<Segment> loads() {
        return loads;
    }

    public Optional<Section> section(String name) {
        return sections.stream().filter(s -> s.name().equals(name)).findFirst();
    }

    @Override
    public Optional<Region> buildInfoRegion() {
        Optional<Section> section = section(".go.buildinfo");
        if (section.isPresent()) {
            Section s = section.get();
            return Optional.of(new Region(s.address(), s.fileOffset(), s.size()));
        }
        return loads.stream().filter(p -> p.flags().contains("W") && !p.flags().contains("E")).findFirst()
                .map(p -> new Region(p.address(), p.fileOffset(), p.memorySize()));
    }

    @Override
    public OptionalLong fileOffsetOf(long address, long length) {
        for (Segment p : loads) {
            long delta = address - p.address();
            if (Long.compareUnsigned(address, p.address()) >= 0 && Long.compareUnsigned(delta, p.fileSize()) <= 0
                    && length >= 0 && Long.compareUnsigned(length, p.fileSize() - delta) <= 0) {
                return OptionalLong.of(p.fileOffset() + delta);
            }
        }
        return OptionalLong.empty();
    }

    @Override
    public ByteOrder byteOrder() {
        return order;
    }

    @Override
    public int pointerSize() {
        return is64 ? 8 : 4;
    }

    private static long hex(String s) {
        return Long.parseUnsignedLong(s.startsWith("0x") ? s.substring(2) : s, 16);
    }

    private static String readelf(String option, Path file) {
        try {
            ProcessResult r = new ProcessRunner().run(CommandLine.inheriting(List.of("readelf", option, file.toString()),
                    Map.of("LC_ALL", "C"), file.toAbsolutePath().getParent(), Duration.ofMinutes(1)));
            if (!r.succeeded()) {
                throw new IllegalStateException("readelf " + option + " " + file + " failed: " + r.diagnostics());
            }
            return r.stdout();
        } catch (Exception e) {
            throw new IllegalStateException("cannot run readelf on " + file, e);
        }
    }
}
