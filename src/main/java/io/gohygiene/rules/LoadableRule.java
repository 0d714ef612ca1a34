package io.gohygiene.rules;

import io.gohygiene.binary.BinaryReport;
import io.gohygiene.binary.InspectedImage;
import io.gohygiene.binary.elf.Elf;
import io.gohygiene.binary.elf.ElfFile;
import io.gohygiene.binary.elf.ProgramHeader;
import io.gohygiene.binary.macho.LoadCommand;
import io.gohygiene.binary.macho.MachHeader;
import io.gohygiene.binary.macho.MachoFile;
import io.gohygiene.binary.pe.PeFile;
import io.gohygiene.binary.pe.SectionHeader;
import io.gohygiene.finding.Finding;
import io.gohygiene.finding.Verdict;
import io.gohygiene.platform.Target;

import java.util.List;

/**
 * Requires a file the operating system would load and start. ELF: an executable or shared object with at least one
 * PT_LOAD, an entry point inside one (a shared object may have none), and a PT_INTERP when it needs a dynamic loader
 * (PT_DYNAMIC with DT_NEEDED, or ET_EXEC with PT_DYNAMIC; a static-pie relocates itself). Mach-O: an MH_EXECUTE with
 * LC_MAIN or LC_UNIXTHREAD and a __TEXT segment. PE: at least one section, and an EXE's AddressOfEntryPoint inside
 * one. The parsers accept such files (they read what is there); this rule says that what is there cannot run.
 */
public final class LoadableRule implements ImageRule {

    public static final String ID = "loadable";

    private static final String HINT = "The file is damaged or was rewritten after the link (a packer, a byte patch, a bad"
            + " copy): verify the file the linker wrote; readelf -lh, otool -hl or objdump -x show the headers the loader reads";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public void evaluate(InspectedImage image, String prefix, Target target, RuleSettings settings, List<Finding> findings) {
        int before = findings.size();
        String subject = prefix + "loadable";
        String pass;
        if (image.executable() instanceof ElfFile elf) {
            elf(elf, subject, findings);
            pass = "ELF " + elf.header().typeName() + ": " + loads(elf).size() + " PT_LOAD, entry 0x" + Long.toHexString(elf.header().entry());
        } else if (image.executable() instanceof MachoFile macho) {
            macho(macho, subject, findings);
            pass = "Mach-O " + macho.filetypeName() + ": " + macho.segments().size() + " segments";
        } else if (image.executable() instanceof PeFile pe) {
            pe(pe, subject, findings);
            pass = "PE" + (pe.coffHeader().isDll() ? " DLL" : " EXE") + ": " + pe.sections().size() + " sections, entry RVA 0x"
                    + Long.toHexString(pe.optionalHeader().addressOfEntryPoint());
        } else {
            return;
        }
        if (findings.size() == before) {
            findings.add(Finding.pass(ID, subject, pass, "loadable by the operating system"));
        }
    }

    private static void elf(ElfFile elf, String subject, List<Finding> findings) {
        int type = elf.header().type();
        if (type != Elf.ET_EXEC && type != Elf.ET_DYN) {
            fail(findings, subject, "ELF " + elf.header().typeName(), "ET_EXEC or ET_DYN",
                    "the ELF type is " + elf.header().typeName() + ": the kernel runs only ET_EXEC and ET_DYN files");
            return;
        }
        List<ProgramHeader> loads = loads(elf);
        if (loads.isEmpty()) {
            fail(findings, subject, "no PT_LOAD (" + elf.programHeaders().size() + " program headers, e_phnum "
                    + elf.header().phnum() + ")", "at least one PT_LOAD", "the file has no loadable segment: there is"
                    + " nothing for the kernel to map, so it cannot start (execve fails with ENOEXEC)");
            return;
        }
        long entry = elf.header().entry();
        boolean sharedObject = type == Elf.ET_DYN && elf.interpreter().isEmpty() && (elf.dtFlags1().orElse(0) & Elf.DF_1_PIE) == 0;
        if (!(sharedObject && entry == 0) && loads.stream().noneMatch(p -> contains(p, entry))) {
            fail(findings, subject, "entry 0x" + Long.toHexString(entry), "inside a PT_LOAD", "the entry point 0x"
                    + Long.toHexString(entry) + " lies in no loadable segment: the process would jump into unmapped memory");
        }
        boolean hasDynamic = elf.programHeaders().stream().anyMatch(p -> p.type() == Elf.PT_DYNAMIC);
        boolean needsLoader = hasDynamic && (!elf.needed().isEmpty() || type == Elf.ET_EXEC);
        if (!sharedObject && needsLoader && elf.interpreter().isEmpty()) {
            fail(findings, subject, "PT_DYNAMIC" + (elf.needed().isEmpty() ? "" : ", needs " + String.join(", ", elf.needed()))
                    + ", no PT_INTERP", "PT_INTERP", "the executable is dynamically linked but names no dynamic loader"
                    + " (PT_INTERP): nothing would load its libraries or relocate it, so it crashes at start");
        }
    }

    private static void macho(MachoFile macho, String subject, List<Finding> findings) {
        if (macho.filetype() != MachHeader.MH_EXECUTE) {
            return; // a dylib or bundle is loaded into a process, not started: no entry point to check
        }
        boolean entry = macho.loadCommands().stream().anyMatch(c -> c.cmd() == LoadCommand.LC_MAIN || c.cmd() == LoadCommand.LC_UNIXTHREAD);
        if (!entry) {
            fail(findings, subject, "no LC_MAIN or LC_UNIXTHREAD", "LC_MAIN or LC_UNIXTHREAD", "the MH_EXECUTE image"
                    + " has no entry point command (LC_MAIN or LC_UNIXTHREAD): macOS refuses to start it");
        }
        if (macho.segments().stream().noneMatch(s -> s.segname().equals("__TEXT"))) {
            fail(findings, subject, "no __TEXT segment (" + macho.segments().size() + " segments)", "__TEXT segment",
                    "the MH_EXECUTE image has no __TEXT segment: there is no code for macOS to map, so it refuses to start it");
        }
    }

    private static void pe(PeFile pe, String subject, List<Finding> findings) {
        if (pe.sections().isEmpty()) {
            fail(findings, subject, "no sections", "at least one section", "the PE image has no sections: Windows maps"
                    + " nothing and refuses to start it (\"not a valid Win32 application\")");
            return;
        }
        long entry = pe.optionalHeader().addressOfEntryPoint();
        if (pe.coffHeader().isDll() && entry == 0) {
            return; // a DLL without an entry point (no DllMain) is valid
        }
        boolean inside = pe.sections().stream().anyMatch(s -> Long.compareUnsigned(entry, s.virtualAddress()) >= 0
                && Long.compareUnsigned(entry - s.virtualAddress(), extent(s)) < 0);
        if (!inside) {
            fail(findings, subject, "AddressOfEntryPoint 0x" + Long.toHexString(entry), "inside a section",
                    "the entry point RVA 0x" + Long.toHexString(entry) + " lies in no section: Windows would start the"
                            + " program in unmapped memory");
        }
    }

    private static List<ProgramHeader> loads(ElfFile elf) {
        return elf.programHeaders().stream().filter(p -> p.type() == Elf.PT_LOAD).toList();
    }

    private static boolean contains(ProgramHeader load, long address) {
        return Long.compareUnsigned(address, load.vaddr()) >= 0 && Long.compareUnsigned(address - load.vaddr(), load.memsz()) < 0;
    }

    /** The section's size in memory: VirtualSize, or SizeOfRawData when a linker leaves VirtualSize 0. */
    private static long extent(SectionHeader s) {
        return s.virtualSize() != 0 ? s.virtualSize() : s.sizeOfRawData();
    }

    private static void fail(List<Finding> findings, String subject, String seen, String expected, String message) {
        findings.add(Finding.problem(ID, subject, seen, expected, Verdict.FAIL, message, HINT));
    }
}
