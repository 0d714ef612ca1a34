package io.gohygiene.binary.macho;

import io.gohygiene.binary.BinaryFormatException;
import io.gohygiene.binary.BinaryReader;
import io.gohygiene.binary.ExecutableFile;
import io.gohygiene.binary.ExecutableFormat;
import io.gohygiene.platform.Architectures;

import java.nio.ByteOrder;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * One Mach-O image: a thin file, or one slice of a universal file ({@code offset} and {@code size} say where the
 * image lies in {@code file}; 0 and the file size for a thin file). Holds what the load commands say; offsets
 * inside the load-command records ({@link Segment#fileoff()}, {@link Section#offset()},
 * {@link CodeSignature#dataOffset()}) are relative to the image as in the file, while {@link LoadCommand#offset()},
 * {@link #fileOffsetOf} and {@link #buildInfoRegion()} are absolute offsets in the file.
 */
public record MachoFile(Path file, long offset, long size, boolean universal, MachHeader header, ByteOrder byteOrder,
        List<LoadCommand> loadCommands, List<Segment> segments, List<Section> sections, List<Dylib> dylibs,
        List<String> rpaths, Optional<String> installName, Optional<String> dylinker,
        Optional<BuildVersion> buildVersion, List<VersionMin> versionMins, Optional<String> uuid,
        Optional<CodeSignature> codeSignature, Optional<Region> buildInfoRegion) implements ExecutableFile {

    public MachoFile {
        loadCommands = List.copyOf(loadCommands);
        segments = List.copyOf(segments);
        sections = List.copyOf(sections);
        dylibs = List.copyOf(dylibs);
        rpaths = List.copyOf(rpaths);
        versionMins = List.copyOf(versionMins);
    }

    /**
     * Reads the Mach-O image of {@code size} bytes at {@code offset} in the reader's file (0 and the file size for a
     * thin file). Reads the header, the load commands and, if present, the code signature's SuperBlob index,
     * CodeDirectory header and entitlements; nothing else.
     */
    public static MachoFile read(BinaryReader reader, long offset, long size) throws BinaryFormatException {
        return MachoParser.parse(reader, offset, size, false);
    }

    /** {@link ExecutableFormat#MACHO_UNIVERSAL} for a slice of a universal file, else {@link ExecutableFormat#MACHO}. */
    @Override
    public ExecutableFormat format() {
        return universal ? ExecutableFormat.MACHO_UNIVERSAL : ExecutableFormat.MACHO;
    }

    /**
     * From LC_BUILD_VERSION's platform (MACOS is darwin, IOS is ios …), else from the first LC_VERSION_MIN_*
     * command, else darwin (old images carry neither).
     */
    @Override
    public String goos() {
        return buildVersion.map(BuildVersion::goos)
                .orElseGet(() -> versionMins.isEmpty() ? "darwin" : versionMins.get(0).kind().goos());
    }

    @Override
    public String goarch() {
        return Architectures.fromMachoCpuType(header.cputype())
                .orElse(String.format("unknown(0x%x)", header.cputype()));
    }

    /** The minimum OS version: LC_BUILD_VERSION's minos, else the first LC_VERSION_MIN_*'s version. */
    public Optional<String> minimumOsVersion() {
        return buildVersion.map(BuildVersion::minos)
                .or(() -> versionMins.stream().findFirst().map(VersionMin::version));
    }

    public int magic() {
        return header.magic();
    }

    public boolean is64() {
        return header.is64();
    }

    public int cputype() {
        return header.cputype();
    }

    public int cpusubtype() {
        return header.cpusubtype();
    }

    /** {@code arm64}, {@code arm64e}, {@code x86_64}, {@code i386}, {@code armv7} … */
    public String cpuName() {
        return header.cpuName();
    }

    public int filetype() {
        return header.filetype();
    }

    /** {@code MH_EXECUTE}, {@code MH_DYLIB}, {@code MH_OBJECT} … */
    public String filetypeName() {
        return header.filetypeName();
    }

    public int flags() {
        return header.flags();
    }

    public List<String> flagNames() {
        return header.flagNames();
    }

    /** MH_PIE: the executable is loaded at a random address. */
    public boolean pie() {
        return header.pie();
    }

    @Override
    public int pointerSize() {
        return header.is64() ? 8 : 4;
    }

    /**
     * Maps a virtual address through the segments: the bytes must lie in a segment's part that is both mapped
     * (vmsize) and held in the file (filesize). The result includes the slice's offset.
     */
    @Override
    public OptionalLong fileOffsetOf(long address, long length) {
        if (length < 0) {
            return OptionalLong.empty();
        }
        for (Segment segment : segments) {
            long mapped = segment.mappedFileSize();
            long delta = address - segment.vmaddr();
            if (Long.compareUnsigned(address, segment.vmaddr()) >= 0 && Long.compareUnsigned(delta, mapped) < 0
                    && Long.compareUnsigned(length, mapped - delta) <= 0) {
                return OptionalLong.of(offset + segment.fileoff() + delta);
            }
        }
        return OptionalLong.empty();
    }
}
