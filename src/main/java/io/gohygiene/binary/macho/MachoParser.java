package io.gohygiene.binary.macho;

import io.gohygiene.binary.BinaryFormatException;
import io.gohygiene.binary.BinaryReader;
import io.gohygiene.binary.ExecutableImage.Region;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

import static io.gohygiene.binary.BinaryReader.u32;
import static io.gohygiene.binary.macho.LoadCommand.*;

/**
 * Reads one Mach-O image: the mach_header, then the {@code sizeofcmds} bytes of load commands in one read, walked
 * command by command. Every count and size is checked against the bytes that hold it before it is used.
 * <p>
 * Over 300 lines: one method per load command the rules read, each with its bounds checks, in the order
 * {@code loader.h} lists them; splitting the walk from the commands would scatter the offsets each check needs.
 */
final class MachoParser {

    private static final String GO_BUILDINFO_SECTION = "__go_buildinfo";
    private static final int VM_PROT_RW = Segment.VM_PROT_READ | Segment.VM_PROT_WRITE;
    private static final int RPATH_COMMAND_SIZE = 12;
    private static final int DYLINKER_COMMAND_SIZE = 12;
    private static final int UUID_COMMAND_SIZE = 24;
    private static final int LINKEDIT_DATA_COMMAND_SIZE = 16;

    private final BinaryReader reader;
    private final long base;
    private final long size;
    private ByteOrder order;
    private MachHeader header;
    private final List<LoadCommand> loadCommands = new ArrayList<>();
    private final List<Segment> segments = new ArrayList<>();
    private final List<Section> sections = new ArrayList<>();
    private final List<Dylib> dylibs = new ArrayList<>();
    private final List<String> rpaths = new ArrayList<>();
    private final List<VersionMin> versionMins = new ArrayList<>();
    private Optional<String> installName = Optional.empty();
    private Optional<String> dylinker = Optional.empty();
    private Optional<BuildVersion> buildVersion = Optional.empty();
    private Optional<String> uuid = Optional.empty();
    private Optional<CodeSignature> codeSignature = Optional.empty();
    private Optional<Region> buildInfoSection = Optional.empty();
    private boolean sawBuildInfoSection;

    private MachoParser(BinaryReader reader, long base, long size) {
        this.reader = reader;
        this.base = base;
        this.size = size;
    }

    static MachoFile parse(BinaryReader reader, long offset, long size, boolean universal) throws BinaryFormatException {
        MachoParser parser = new MachoParser(reader, offset, size);
        parser.readHeader();
        parser.readLoadCommands();
        return new MachoFile(reader.file(), offset, size, universal, parser.header, parser.order, parser.loadCommands,
                parser.segments, parser.sections, parser.dylibs, parser.rpaths, parser.installName, parser.dylinker,
                parser.buildVersion, parser.versionMins, parser.uuid, parser.codeSignature, parser.buildInfoRegion());
    }

    private void readHeader() throws BinaryFormatException {
        reader.requireRange(base, size, "Mach-O image");
        if (size < 4) {
            throw reader.error(base, "Mach-O image is " + size + " bytes, too short for a magic number");
        }
        int raw = reader.read(base, 4, ByteOrder.BIG_ENDIAN, "Mach-O magic").getInt(0);
        int magic;
        if (raw == MachHeader.MH_MAGIC || raw == MachHeader.MH_MAGIC_64) {
            order = ByteOrder.BIG_ENDIAN;
            magic = raw;
        } else if (raw == MachHeader.MH_CIGAM || raw == MachHeader.MH_CIGAM_64) {
            order = ByteOrder.LITTLE_ENDIAN;
            magic = Integer.reverseBytes(raw);
        } else {
            throw reader.error(base, String.format("magic 0x%08x is neither MH_MAGIC (0xfeedface) nor MH_MAGIC_64 (0xfeedfacf)"
                    + " in either byte order: not a Mach-O image", raw));
        }
        int headerSize = magic == MachHeader.MH_MAGIC_64 ? MachHeader.MACH_HEADER_64_SIZE : MachHeader.MACH_HEADER_SIZE;
        if (size < headerSize) {
            throw reader.error(base, "Mach-O image is " + size + " bytes, too short for its " + headerSize + "-byte mach_header");
        }
        ByteBuffer h = reader.read(base, headerSize, order, "mach_header");
        header = new MachHeader(magic, h.getInt(4), h.getInt(8), h.getInt(12), u32(h, 16), u32(h, 20), h.getInt(24));
    }

    private void readLoadCommands() throws BinaryFormatException {
        long start = base + header.headerSize();
        long sizeofcmds = header.sizeofcmds();
        if (sizeofcmds > size - header.headerSize()) {
            throw reader.error(base + 20, "sizeofcmds " + sizeofcmds + " runs past the end of the " + size + "-byte image");
        }
        if (header.ncmds() > sizeofcmds / LOAD_COMMAND_SIZE) {
            throw reader.error(base + 16, "ncmds " + header.ncmds() + " load commands cannot fit in sizeofcmds " + sizeofcmds
                    + " (each takes at least " + LOAD_COMMAND_SIZE + " bytes)");
        }
        ByteBuffer commands = reader.read(start, sizeofcmds, order, "load commands");
        int position = 0;
        for (long i = 0; i < header.ncmds(); i++) {
            long at = start + position;
            if (commands.limit() - position < LOAD_COMMAND_SIZE) {
                throw reader.error(at, "load command " + i + " of " + header.ncmds() + " starts past the end of sizeofcmds " + sizeofcmds);
            }
            int cmd = commands.getInt(position);
            long cmdsize = u32(commands, position + 4);
            if (cmdsize < LOAD_COMMAND_SIZE) {
                throw reader.error(at + 4, "load command " + i + " (" + name(cmd) + ") has cmdsize " + cmdsize
                        + ", less than the " + LOAD_COMMAND_SIZE + " bytes of its own header");
            }
            if (cmdsize > commands.limit() - position) {
                throw reader.error(at + 4, "load command " + i + " (" + name(cmd) + ") has cmdsize " + cmdsize
                        + ", which runs past the end of sizeofcmds " + sizeofcmds);
            }
            loadCommands.add(new LoadCommand(cmd, cmdsize, at));
            readCommand(cmd, commands.slice(position, (int) cmdsize).order(order), at);
            position += (int) cmdsize;
        }
    }

    private void readCommand(int cmd, ByteBuffer c, long at) throws BinaryFormatException {
        switch (cmd) {
            case LC_SEGMENT -> segment(c, at, false);
            case LC_SEGMENT_64 -> segment(c, at, true);
            case LC_LOAD_DYLIB, LC_LOAD_WEAK_DYLIB, LC_REEXPORT_DYLIB, LC_LAZY_LOAD_DYLIB, LC_LOAD_UPWARD_DYLIB -> {
                need(c, at, cmd, Dylib.DYLIB_COMMAND_SIZE);
                dylibs.add(new Dylib(Dylib.Kind.of(cmd), string(c, at, cmd, 8, Dylib.DYLIB_COMMAND_SIZE),
                        Dylib.formatVersion(u32(c, 16)), Dylib.formatVersion(u32(c, 20))));
            }
            case LC_ID_DYLIB -> {
                need(c, at, cmd, Dylib.DYLIB_COMMAND_SIZE);
                String name = string(c, at, cmd, 8, Dylib.DYLIB_COMMAND_SIZE);
                installName = installName.isPresent() ? installName : Optional.of(name);
            }
            case LC_RPATH -> {
                need(c, at, cmd, RPATH_COMMAND_SIZE);
                rpaths.add(string(c, at, cmd, 8, RPATH_COMMAND_SIZE));
            }
            case LC_LOAD_DYLINKER -> {
                need(c, at, cmd, DYLINKER_COMMAND_SIZE);
                String name = string(c, at, cmd, 8, DYLINKER_COMMAND_SIZE);
                dylinker = dylinker.isPresent() ? dylinker : Optional.of(name);
            }
            case LC_UUID -> {
                need(c, at, cmd, UUID_COMMAND_SIZE);
                uuid = uuid.isPresent() ? uuid : Optional.of(formatUuid(c));
            }
            case LC_BUILD_VERSION -> buildVersion(c, at);
            case LC_VERSION_MIN_MACOSX, LC_VERSION_MIN_IPHONEOS, LC_VERSION_MIN_TVOS, LC_VERSION_MIN_WATCHOS -> {
                need(c, at, cmd, VersionMin.VERSION_MIN_COMMAND_SIZE);
                versionMins.add(new VersionMin(VersionMin.Kind.of(cmd), BuildVersion.formatVersion(u32(c, 8)),
                        BuildVersion.formatVersion(u32(c, 12))));
            }
            case LC_CODE_SIGNATURE -> codeSignature(c, at);
            default -> {
                // Read only what the plugin reports; other commands are listed in loadCommands as they are.
            }
        }
    }

    private void segment(ByteBuffer c, long at, boolean is64) throws BinaryFormatException {
        int cmd = is64 ? LC_SEGMENT_64 : LC_SEGMENT;
        int headerSize = is64 ? Segment.SEGMENT_COMMAND_64_SIZE : Segment.SEGMENT_COMMAND_SIZE;
        int sectionSize = is64 ? Section.SECTION_64_SIZE : Section.SECTION_SIZE;
        need(c, at, cmd, headerSize);
        String segname = fixedString(c, 8);
        int p = is64 ? 56 : 40;
        long vmaddr = is64 ? c.getLong(24) : u32(c, 24);
        long vmsize = is64 ? c.getLong(32) : u32(c, 28);
        long fileoff = is64 ? c.getLong(40) : u32(c, 32);
        long filesize = is64 ? c.getLong(48) : u32(c, 36);
        long nsects = u32(c, p + 8);
        if (nsects > (c.limit() - headerSize) / sectionSize) {
            throw reader.error(at + p + 8, name(cmd) + " " + segname + ": nsects " + nsects + " sections of " + sectionSize
                    + " bytes do not fit in cmdsize " + c.limit());
        }
        if (filesize != 0 && (Long.compareUnsigned(fileoff, size) > 0 || Long.compareUnsigned(filesize, size - fileoff) > 0)) {
            throw reader.error(at + (is64 ? 40 : 32), "segment " + segname + " (fileoff " + Long.toUnsignedString(fileoff)
                    + ", filesize " + Long.toUnsignedString(filesize) + ") lies outside the " + size + "-byte image");
        }
        segments.add(new Segment(segname, vmaddr, vmsize, fileoff, filesize, c.getInt(p), c.getInt(p + 4), (int) nsects, c.getInt(p + 12)));
        for (int i = 0; i < nsects; i++) {
            int s = headerSize + i * sectionSize;
            Section section = is64
                    ? new Section(fixedString(c, s), fixedString(c, s + 16), c.getLong(s + 32), c.getLong(s + 40),
                            u32(c, s + 48), c.getInt(s + 52), u32(c, s + 56), u32(c, s + 60), c.getInt(s + 64))
                    : new Section(fixedString(c, s), fixedString(c, s + 16), u32(c, s + 32), u32(c, s + 36),
                            u32(c, s + 40), c.getInt(s + 44), u32(c, s + 48), u32(c, s + 52), c.getInt(s + 56));
            sections.add(section);
            if (GO_BUILDINFO_SECTION.equals(section.sectname()) && !sawBuildInfoSection) {
                sawBuildInfoSection = true;
                buildInfoSection = goBuildInfo(section, at + s);
            }
        }
    }

    /** Go's debug/buildinfo takes the __go_buildinfo section when there is one; its bytes must be in the image. */
    private Optional<Region> goBuildInfo(Section section, long at) throws BinaryFormatException {
        if (section.size() == 0 || section.isZeroFill()) {
            return Optional.empty();
        }
        if (Long.compareUnsigned(section.offset(), size) > 0 || Long.compareUnsigned(section.size(), size - section.offset()) > 0) {
            throw reader.error(at, "section " + GO_BUILDINFO_SECTION + " (offset " + section.offset() + ", size "
                    + Long.toUnsignedString(section.size()) + ") lies outside the " + size + "-byte image");
        }
        return Optional.of(new Region(section.addr(), base + section.offset(), section.size()));
    }

    /**
     * As Go's debug/buildinfo (machoExe.DataStart): the __go_buildinfo section, else the first segment with a
     * non-zero address and file size whose initial and maximum protections are both read+write. The size is the
     * part the file holds.
     */
    private Optional<Region> buildInfoRegion() {
        if (sawBuildInfoSection) {
            return buildInfoSection;
        }
        for (Segment segment : segments) {
            if (segment.vmaddr() != 0 && segment.filesize() != 0 && segment.initprot() == VM_PROT_RW
                    && segment.maxprot() == VM_PROT_RW) {
                long mapped = segment.mappedFileSize();
                return mapped == 0 ? Optional.empty() : Optional.of(new Region(segment.vmaddr(), base + segment.fileoff(), mapped));
            }
        }
        return Optional.empty();
    }

    private void buildVersion(ByteBuffer c, long at) throws BinaryFormatException {
        need(c, at, LC_BUILD_VERSION, BuildVersion.BUILD_VERSION_COMMAND_SIZE);
        long ntools = u32(c, 20);
        if (ntools > (c.limit() - BuildVersion.BUILD_VERSION_COMMAND_SIZE) / BuildVersion.BUILD_TOOL_VERSION_SIZE) {
            throw reader.error(at + 20, "LC_BUILD_VERSION ntools " + ntools + " entries do not fit in cmdsize " + c.limit());
        }
        List<BuildVersion.BuildTool> tools = new ArrayList<>();
        for (int i = 0; i < ntools; i++) {
            int t = BuildVersion.BUILD_VERSION_COMMAND_SIZE + i * BuildVersion.BUILD_TOOL_VERSION_SIZE;
            tools.add(new BuildVersion.BuildTool(c.getInt(t), BuildVersion.formatVersion(u32(c, t + 4))));
        }
        if (buildVersion.isEmpty()) {
            buildVersion = Optional.of(new BuildVersion(c.getInt(8), BuildVersion.formatVersion(u32(c, 12)),
                    BuildVersion.formatVersion(u32(c, 16)), tools));
        }
    }

    private void codeSignature(ByteBuffer c, long at) throws BinaryFormatException {
        need(c, at, LC_CODE_SIGNATURE, LINKEDIT_DATA_COMMAND_SIZE);
        long dataoff = u32(c, 8);
        long datasize = u32(c, 12);
        if (dataoff > size || datasize > size - dataoff) {
            throw reader.error(at + 8, "LC_CODE_SIGNATURE data (" + datasize + " bytes at dataoff " + dataoff
                    + ") lies outside the " + size + "-byte image");
        }
        if (codeSignature.isEmpty()) {
            codeSignature = Optional.of(CodeSignatureReader.read(reader, base + dataoff, dataoff, datasize));
        }
    }

    private void need(ByteBuffer c, long at, int cmd, int structSize) throws BinaryFormatException {
        if (c.limit() < structSize) {
            throw reader.error(at + 4, name(cmd) + " has cmdsize " + c.limit() + ", less than the " + structSize
                    + " bytes of its structure");
        }
    }

    /** An {@code lc_str}: a NUL-terminated string at an offset (the u32 at {@code field}) inside the command. */
    private String string(ByteBuffer c, long at, int cmd, int field, int structSize) throws BinaryFormatException {
        long offset = u32(c, field);
        if (offset < structSize || offset >= c.limit()) {
            throw reader.error(at + field, name(cmd) + " string offset " + offset + " lies outside the command's "
                    + (c.limit() - structSize) + " bytes of strings (" + structSize + ".." + c.limit() + ")");
        }
        for (int end = (int) offset; end < c.limit(); end++) {
            if (c.get(end) == 0) {
                byte[] bytes = new byte[end - (int) offset];
                c.get((int) offset, bytes);
                return new String(bytes, StandardCharsets.UTF_8);
            }
        }
        throw reader.error(at + offset, name(cmd) + " string is not NUL-terminated within cmdsize " + c.limit());
    }

    /** A {@code char[16]} name, NUL-padded, or all 16 bytes when it fills the field ({@code __debug_gdb_scri}). */
    private static String fixedString(ByteBuffer c, int index) {
        int end = index;
        while (end < index + 16 && c.get(end) != 0) {
            end++;
        }
        byte[] bytes = new byte[end - index];
        c.get(index, bytes);
        return new String(bytes, StandardCharsets.UTF_8);
    }

    private static String formatUuid(ByteBuffer c) {
        byte[] bytes = new byte[16];
        c.get(8, bytes);
        String hex = HexFormat.of().withUpperCase().formatHex(bytes);
        return hex.substring(0, 8) + "-" + hex.substring(8, 12) + "-" + hex.substring(12, 16) + "-" + hex.substring(16, 20)
                + "-" + hex.substring(20);
    }
}
