package io.gohygiene.binary.elf;

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

import static io.gohygiene.binary.elf.Elf.*;

/**
 * An ELF executable or shared object, read for what the verify rules ask: header, program headers, section
 * headers, interpreter, dynamic section, GNU version needs, imported symbol versions and build-ID notes.
 * Immutable; reading touches only those tables, never the code or data.
 * <p>
 * Over 300 lines: the accessors the rules read (interpreter, needs, version needs, flags, build-info location), each a
 * few lines over the same tables, like Go's debug/elf File.
 */
public final class ElfFile implements ExecutableFile {

    private final Path file;
    private final long fileSize;
    private final ElfHeader header;
    private final List<ProgramHeader> programHeaders;
    private final List<SectionHeader> sections;
    private final Optional<String> interpreter;
    private final DynamicSection dynamicSection;
    private final List<VersionNeed> versionNeeds;
    private final List<SymbolVersion> importedSymbolVersions;
    private final ElfNotes notes;

    private ElfFile(Path file, long fileSize, ElfHeader header, List<ProgramHeader> programHeaders, List<SectionHeader> sections,
                    Optional<String> interpreter, DynamicSection dynamicSection, List<VersionNeed> versionNeeds,
                    List<SymbolVersion> importedSymbolVersions, ElfNotes notes) {
        this.file = file;
        this.fileSize = fileSize;
        this.header = header;
        this.programHeaders = List.copyOf(programHeaders);
        this.sections = List.copyOf(sections);
        this.interpreter = interpreter;
        this.dynamicSection = dynamicSection;
        this.versionNeeds = List.copyOf(versionNeeds);
        this.importedSymbolVersions = List.copyOf(importedSymbolVersions);
        this.notes = notes;
    }

    /** Reads the file behind {@code reader}; a malformed or hostile file gives a BinaryFormatException and nothing else. */
    public static ElfFile read(BinaryReader reader) throws BinaryFormatException {
        ElfParser parser = new ElfParser(reader);
        ElfHeader header = parser.readHeader();
        List<ProgramHeader> programs = parser.readProgramHeaders();
        SectionTable sections = parser.readSections();
        Optional<String> interpreter = parser.readInterpreter(programs);
        DynamicSection dynamic = DynamicSection.read(reader, header, programs, sections);
        SymbolVersioning versioning = new SymbolVersioning(reader, sections, header.is64());
        List<VersionNeed> needs = versioning.versionNeeds();
        List<SymbolVersion> imported = versioning.importedSymbolVersions(needs);
        ElfNotes notes = ElfNotes.read(reader, header, programs, sections);
        return new ElfFile(reader.file(), reader.size(), header, programs, sections.list(), interpreter, dynamic, needs,
                imported, notes);
    }

    public Path file() {
        return file;
    }

    @Override
    public ExecutableFormat format() {
        return ExecutableFormat.ELF;
    }

    public ElfHeader header() {
        return header;
    }

    /**
     * The OS the file is branded for. Go's linker brands FreeBSD, NetBSD and OpenBSD executables in EI_OSABI and
     * with an ident note, and names each system's dynamic linker; Linux, Android, Solaris and illumos binaries carry
     * ELFOSABI_NONE, and only the interpreter tells Android and Solaris (which illumos reads as) apart. Anything
     * unbranded is linux, including a static DragonFly binary, which carries no mark at all.
     */
    @Override
    public String goos() {
        String interp = interpreter.orElse("");
        if (interp.startsWith("/system/bin/linker")) {
            return "android";
        }
        String branded = switch (header.osAbi()) {
            case ELFOSABI_FREEBSD -> "freebsd";
            case ELFOSABI_NETBSD -> "netbsd";
            case ELFOSABI_OPENBSD -> "openbsd";
            case ELFOSABI_SOLARIS -> "solaris";
            default -> null;
        };
        if (branded != null) {
            return branded;
        }
        return switch (interp) {
            case "/libexec/ld-elf.so.1" -> "freebsd";
            case "/usr/libexec/ld.elf_so" -> "netbsd";
            case "/usr/libexec/ld.so" -> "openbsd";
            case "/usr/libexec/ld-elf.so.2" -> "dragonfly";
            case "/lib/amd64/ld.so.1", "/usr/lib/amd64/ld.so.1" -> "solaris";
            default -> notes.os().orElse("linux");
        };
    }

    @Override
    public String goarch() {
        return Architectures.fromElfMachine(header.machine(), header.is64(), header.byteOrder() == ByteOrder.LITTLE_ENDIAN)
                .orElse("unknown(" + header.machine() + ")");
    }

    /** ARM EABI version (e_flags bits 24-31) of an EM_ARM file; empty for other machines and for pre-EABI files (0). */
    public Optional<Integer> armEabiVersion() {
        int version = (int) ((header.flags() & EF_ARM_EABIMASK) >>> 24);
        return header.machine() == Architectures.EM_ARM && version != 0 ? Optional.of(version) : Optional.empty();
    }

    /**
     * "hard" or "soft" from EF_ARM_ABI_FLOAT_HARD/SOFT of an EM_ARM file; empty when neither is set, which is what
     * Go's linker writes for pure-Go binaries (the float ABI then only matters to cgo, whose objects set it).
     */
    public Optional<String> armFloatAbi() {
        if (header.machine() != Architectures.EM_ARM) {
            return Optional.empty();
        }
        if ((header.flags() & EF_ARM_ABI_FLOAT_HARD) != 0) {
            return Optional.of("hard");
        }
        return (header.flags() & EF_ARM_ABI_FLOAT_SOFT) != 0 ? Optional.of("soft") : Optional.empty();
    }

    /** "soft", "single", "double" or "quad" from EF_RISCV_FLOAT_ABI of an EM_RISCV file. */
    public Optional<String> riscvFloatAbi() {
        if (header.machine() != Architectures.EM_RISCV) {
            return Optional.empty();
        }
        return Optional.of(List.of("soft", "single", "double", "quad").get((int) (header.flags() & EF_RISCV_FLOAT_ABI) >> 1));
    }

    public List<ProgramHeader> programHeaders() {
        return programHeaders;
    }

    /** Section headers with names; empty when the file has none (e_shoff 0). */
    public List<SectionHeader> sections() {
        return sections;
    }

    public Optional<SectionHeader> section(String name) {
        return sections.stream().filter(s -> s.name().equals(name)).findFirst();
    }

    /** PT_INTERP: the dynamic linker the kernel starts. */
    public Optional<String> interpreter() {
        return interpreter;
    }

    /** PF_X of PT_GNU_STACK; empty without PT_GNU_STACK (whose default, on most systems, is an executable stack). */
    public Optional<Boolean> executableStack() {
        return segment(PT_GNU_STACK).map(ProgramHeader::executable);
    }

    /** PT_GNU_RELRO present: the loader makes the relocated data read-only. */
    public boolean hasRelro() {
        return segment(PT_GNU_RELRO).isPresent();
    }

    /** The dynamic section up to (not including) DT_NULL. */
    public List<DynamicEntry> dynamicEntries() {
        return dynamicSection.entries();
    }

    /** DT_NEEDED names in order. */
    public List<String> needed() {
        return dynamicSection.needed();
    }

    /** DT_RPATH split on ':', empty components kept (they mean the current directory). */
    public List<String> rpath() {
        return dynamicSection.rpath();
    }

    /** DT_RUNPATH split on ':', empty components kept. */
    public List<String> runpath() {
        return dynamicSection.runpath();
    }

    public Optional<String> soname() {
        return dynamicSection.soname();
    }

    public OptionalLong dtFlags() {
        return dynamicValue(DT_FLAGS);
    }

    public OptionalLong dtFlags1() {
        return dynamicValue(DT_FLAGS_1);
    }

    /** Symbols bound at load time: DF_BIND_NOW in DT_FLAGS, DF_1_NOW in DT_FLAGS_1, or a DT_BIND_NOW entry. */
    public boolean bindNow() {
        return (dtFlags().orElse(0) & DF_BIND_NOW) != 0 || (dtFlags1().orElse(0) & DF_1_NOW) != 0
                || dynamicSection.find(DT_BIND_NOW).isPresent();
    }

    /** A position-independent executable: ET_DYN with an interpreter (a shared library has none), or DF_1_PIE. */
    public boolean pie() {
        return (header.type() == ET_DYN && interpreter.isPresent()) || (dtFlags1().orElse(0) & DF_1_PIE) != 0;
    }

    /**
     * A shared library: ET_DYN that is not a {@link #pie() PIE}, as {@code file} tells "shared object" from
     * "pie executable". It has no interpreter of its own: the program that loads it has one.
     */
    public boolean sharedObject() {
        return header.type() == ET_DYN && !pie();
    }

    /**
     * Whether anything is loaded at run time: a PT_INTERP (the kernel starts a dynamic linker) or a DT_NEEDED
     * library. A static-pie (gcc -static-pie) has PT_DYNAMIC only to relocate itself, needs no loader and no
     * library, and so counts as static.
     */
    public boolean dynamic() {
        return interpreter.isPresent() || !needed().isEmpty();
    }

    /** .gnu.version_r: each needed library and the versions of it that are required. */
    public List<VersionNeed> versionNeeds() {
        return versionNeeds;
    }

    /** Undefined dynamic symbols bound to a needed version, in .dynsym order ({@code __libc_start_main@GLIBC_2.34}). */
    public List<SymbolVersion> importedSymbolVersions() {
        return importedSymbolVersions;
    }

    /** The Go build ID from the "Go" note of type 4, as {@code go tool buildid} prints it. */
    public Optional<String> goBuildId() {
        return notes.goBuildId();
    }

    /** NT_GNU_BUILD_ID in lower-case hex. */
    public Optional<String> gnuBuildId() {
        return notes.gnuBuildId();
    }

    /** As Go's debug/buildinfo finds it in ELF: the .go.buildinfo section, else the first writable, non-executable PT_LOAD. */
    @Override
    public Optional<Region> buildInfoRegion() {
        Optional<SectionHeader> section = section(".go.buildinfo").filter(SectionHeader::hasFileData);
        if (section.isPresent()) {
            return Optional.of(new Region(section.get().addr(), section.get().offset(), section.get().size()));
        }
        return programHeaders.stream()
                .filter(p -> p.type() == PT_LOAD && (p.flags() & (PF_W | PF_X)) == PF_W)
                .findFirst()
                .map(p -> new Region(p.vaddr(), p.offset(), p.filesz()));
    }

    @Override
    public OptionalLong fileOffsetOf(long address, long length) {
        for (ProgramHeader p : programHeaders) {
            if (p.type() == PT_LOAD) {
                OptionalLong offset = p.fileOffsetOf(address, length);
                if (offset.isPresent() && offset.getAsLong() <= fileSize - length) {
                    return offset;
                }
            }
        }
        return OptionalLong.empty();
    }

    @Override
    public ByteOrder byteOrder() {
        return header.byteOrder();
    }

    @Override
    public int pointerSize() {
        return header.is64() ? 8 : 4;
    }

    @Override
    public String toString() {
        return file + ": ELF" + header.elfClass() + " " + header.typeName() + " " + goos() + "/" + goarch();
    }

    private Optional<ProgramHeader> segment(int type) {
        return programHeaders.stream().filter(p -> p.type() == type).findFirst();
    }

    private OptionalLong dynamicValue(long tag) {
        return dynamicSection.find(tag).map(e -> OptionalLong.of(e.value())).orElse(OptionalLong.empty());
    }
}
