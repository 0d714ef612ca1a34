package io.gohygiene.binary;

import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Everything the parsers read from one file: its format and, per executable image (one, or one per slice of a
 * universal Mach-O), the format's header facts and the Go build info.
 */
public record BinaryReport(Path file, long size, ExecutableFormat format, List<InspectedImage> images) {

    public BinaryReport {
        images = List.copyOf(images);
    }

    /** GOOS of the (first) image: slices of one universal file share it. */
    public String goos() {
        return images.get(0).executable().goos();
    }

    /** GOARCH of every image, in file order. */
    public List<String> goarches() {
        return images.stream().map(i -> i.executable().goarch()).toList();
    }

    public boolean contains(String goarch) {
        return goarches().contains(goarch);
    }

    /** How findings name the image they are about: "arm64 slice: " in a universal Mach-O, nothing otherwise. */
    public String slicePrefix(InspectedImage image) {
        return format == ExecutableFormat.MACHO_UNIVERSAL ? image.executable().goarch() + " slice: " : "";
    }

    /** {@code linux/amd64 ELF}, {@code darwin/amd64+arm64 Mach-O universal}. */
    public String describe() {
        String goos = images.stream().map(i -> i.executable().goos()).distinct().collect(Collectors.joining("+"));
        return goos + "/" + String.join("+", goarches()) + " " + format;
    }
}
