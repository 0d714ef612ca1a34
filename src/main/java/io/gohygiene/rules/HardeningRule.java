package io.gohygiene.rules;

import io.gohygiene.binary.BinaryReport;
import io.gohygiene.binary.InspectedImage;
import io.gohygiene.binary.elf.DynamicEntry;
import io.gohygiene.binary.elf.Elf;
import io.gohygiene.binary.elf.ElfFile;
import io.gohygiene.binary.macho.MachHeader;
import io.gohygiene.binary.macho.MachoFile;
import io.gohygiene.binary.pe.OptionalHeader;
import io.gohygiene.binary.pe.PeFile;
import io.gohygiene.finding.Finding;
import io.gohygiene.finding.Severity;
import io.gohygiene.finding.Verdict;
import io.gohygiene.platform.Target;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Opt-in exploit mitigations, checked per image. ELF: PIE as {@code pie} says, a non-executable stack
 * (PT_GNU_STACK without PF_X), full RELRO (PT_GNU_RELRO and BIND_NOW) for dynamically linked files, and no
 * RPATH/RUNPATH entry that is relative or world-writable. PE: DYNAMIC_BASE (ASLR), NX_COMPAT (DEP) and, for PE32+,
 * HIGH_ENTROPY_VA. Mach-O: MH_PIE and no MH_ALLOW_STACK_EXECUTION.
 *
 * <p>Facts of Go's linker this rule reports rather than fights: a pure-Go static Linux executable is ET_EXEC (not
 * PIE) with no PT_GNU_RELRO and no dynamic section, so RELRO does not apply; an internally linked
 * {@code -buildmode=pie} file has PT_GNU_RELRO but no BIND_NOW, and needs none, having nothing bound lazily; an
 * externally linked cgo executable has partial RELRO unless linked with {@code -z now}; an internally linked cgo
 * executable has no RELRO at all.
 */
public final class HardeningRule implements Rule {

    public static final String ID = "hardening";

    // Not in Elf: only this rule asks whether the PLT is bound lazily.
    private static final long DT_PLTRELSZ = 2;
    private static final long DT_JMPREL = 23;
    private static final List<String> WORLD_WRITABLE = List.of("/tmp", "/var/tmp", "/dev/shm");

    private enum Pie { REQUIRED, FORBIDDEN, ANY, UNSET }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public Severity defaultSeverity() {
        return Severity.OFF;
    }

    @Override
    public List<Finding> evaluate(BinaryReport report, Target target, RuleSettings settings) {
        Pie pie = settings.pie().map(HardeningRule::pieOf).orElse(Pie.UNSET);
        List<Finding> findings = new ArrayList<>();
        for (InspectedImage image : report.images()) {
            String prefix = report.slicePrefix(image);
            if (image.executable() instanceof ElfFile elf) {
                elf(findings, elf, pie);
            } else if (image.executable() instanceof PeFile pe) {
                pe(findings, pe, pie);
            } else if (image.executable() instanceof MachoFile macho) {
                macho(findings, prefix, macho, pie);
            }
        }
        if (findings.isEmpty()) {
            findings.add(Finding.skip(ID, "hardening", report.describe() + ": no checks for this format"));
        }
        return findings;
    }

    // ---- ELF

    private static void elf(List<Finding> findings, ElfFile elf, Pie pie) {
        boolean dynamic = elf.interpreter().isPresent() || !elf.dynamicEntries().isEmpty();
        String kind = elf.pie() ? "PIE (" + elf.header().typeName() + ")"
                : elf.header().type() == Elf.ET_DYN ? "shared object (ET_DYN, no interpreter)"
                : "not PIE (" + elf.header().typeName() + ", " + (dynamic ? "dynamic" : "static") + ")";
        positionIndependence(findings, "", "PIE", kind, elf.pie(), pie,
                "go build -buildmode=pie", "go build -buildmode=exe (the default on most Linux targets)");
        Optional<Boolean> execStack = elf.executableStack();
        if (execStack.isEmpty()) {
            findings.add(Finding.problem(ID, "NX stack", "no PT_GNU_STACK", "PT_GNU_STACK without PF_X", Verdict.WARN,
                    "no PT_GNU_STACK segment: many loaders then map the stack executable",
                    "link with -z noexecstack (-ldflags=-extldflags=-Wl,-z,noexecstack) or find the object that lacks"
                            + " a .note.GNU-stack section"));
        } else if (execStack.get()) {
            findings.add(Finding.problem(ID, "NX stack", "PT_GNU_STACK RWX", "PT_GNU_STACK without PF_X", Verdict.FAIL,
                    "the stack is executable (PT_GNU_STACK has PF_X): injected code on the stack can run",
                    "link with -ldflags=-extldflags=-Wl,-z,noexecstack; an assembly or C object without a .note.GNU-stack"
                            + " section asks for an executable stack"));
        } else {
            findings.add(Finding.pass(ID, "NX stack", "PT_GNU_STACK without PF_X", "PT_GNU_STACK without PF_X"));
        }
        if (!dynamic) {
            findings.add(Finding.skip(ID, "RELRO", "static executable: no dynamic section, no loader relocates it"));
            findings.add(Finding.skip(ID, "BIND_NOW", "static executable: nothing is bound at run time"));
        } else {
            relro(findings, elf);
        }
        searchPaths(findings, "DT_RPATH", elf.rpath());
        searchPaths(findings, "DT_RUNPATH", elf.runpath());
        if (elf.rpath().isEmpty() && elf.runpath().isEmpty()) {
            findings.add(Finding.pass(ID, "RPATH/RUNPATH", "none", "no relative or world-writable directory"));
        }
    }

    private static void relro(List<Finding> findings, ElfFile elf) {
        if (elf.hasRelro()) {
            findings.add(Finding.pass(ID, "RELRO", "PT_GNU_RELRO", "PT_GNU_RELRO"));
        } else {
            findings.add(Finding.problem(ID, "RELRO", "no PT_GNU_RELRO", "PT_GNU_RELRO", Verdict.FAIL,
                    "dynamically linked without RELRO: the GOT and relocated data stay writable for the whole run",
                    "Go's internal linker writes no PT_GNU_RELRO for a cgo executable: link externally"
                            + " (-ldflags=\"-linkmode=external -extldflags=-Wl,-z,relro,-z,now\") or build with -buildmode=pie"));
        }
        long lazyRelocations = elf.dynamicEntries().stream().filter(e -> e.tag() == DT_PLTRELSZ).mapToLong(DynamicEntry::value)
                .findFirst().orElse(0);
        boolean hasPlt = lazyRelocations > 0 && elf.dynamicEntries().stream().anyMatch(e -> e.tag() == DT_JMPREL);
        if (elf.bindNow()) {
            findings.add(Finding.pass(ID, "BIND_NOW", "BIND_NOW (full RELRO)", "BIND_NOW"));
        } else if (!hasPlt) {
            findings.add(Finding.pass(ID, "BIND_NOW", "no BIND_NOW, but no PLT relocations: nothing is bound lazily", "BIND_NOW"));
        } else {
            findings.add(Finding.problem(ID, "BIND_NOW", "lazy binding (" + lazyRelocations + " bytes of PLT relocations)",
                    "BIND_NOW", Verdict.FAIL,
                    "partial RELRO: symbols are bound lazily, so the GOT entries of the PLT stay writable",
                    "link with -z now: go build -ldflags=-extldflags=-Wl,-z,now"));
        }
    }

    private static void searchPaths(List<Finding> findings, String tag, List<String> entries) {
        for (String entry : entries) {
            String subject = tag + " " + (entry.isEmpty() ? "(empty)" : entry);
            if (entry.isEmpty() || !(entry.startsWith("/") || entry.startsWith("$ORIGIN") || entry.startsWith("${ORIGIN}"))) {
                findings.add(Finding.problem(ID, subject, entry.isEmpty() ? "(empty: the current directory)" : entry,
                        "absolute or $ORIGIN-relative", Verdict.FAIL,
                        tag + " entry '" + entry + "' is relative: the loader resolves it against the current directory,"
                                + " so whoever controls that directory chooses the libraries",
                        "use $ORIGIN/" + (entry.isEmpty() ? "" : entry) + " (relative to the executable) or an absolute"
                                + " system path in -extldflags=-Wl,-rpath,..."));
            } else if (worldWritable(entry)) {
                findings.add(Finding.problem(ID, subject, entry, "no world-writable directory", Verdict.FAIL,
                        tag + " entry '" + entry + "' is under a world-writable directory: any local user can plant a library there",
                        "remove the entry (-extldflags=-Wl,-rpath,...) or point it at a directory only root can write"));
            } else {
                findings.add(Finding.pass(ID, subject, entry, "absolute or $ORIGIN-relative, not world-writable"));
            }
        }
    }

    private static boolean worldWritable(String entry) {
        return WORLD_WRITABLE.stream().anyMatch(dir -> entry.equals(dir) || entry.startsWith(dir + "/"));
    }

    // ---- PE

    private static void pe(List<Finding> findings, PeFile pe, Pie pie) {
        boolean dynamicBase = (pe.dllCharacteristics() & OptionalHeader.IMAGE_DLLCHARACTERISTICS_DYNAMIC_BASE) != 0;
        // Go builds Windows executables as PIE (ASLR) by default since 1.15: its absence means someone opted out.
        positionIndependence(findings, "", "DYNAMIC_BASE", dynamicBase ? "DYNAMIC_BASE" : "no DYNAMIC_BASE", dynamicBase,
                pie == Pie.UNSET ? Pie.REQUIRED : pie, "go build -buildmode=pie (Go's default for Windows; drop -buildmode=exe)",
                "go build -buildmode=exe");
        boolean nx = (pe.dllCharacteristics() & OptionalHeader.IMAGE_DLLCHARACTERISTICS_NX_COMPAT) != 0;
        if (nx) {
            findings.add(Finding.pass(ID, "NX_COMPAT", "NX_COMPAT", "NX_COMPAT"));
        } else {
            findings.add(Finding.problem(ID, "NX_COMPAT", "no NX_COMPAT", "NX_COMPAT", Verdict.FAIL,
                    "the executable does not opt in to DEP: Windows may run it with executable data pages",
                    "relink with a linker that sets NX_COMPAT (Go's own linker does; for external linking pass"
                            + " -extldflags=-Wl,--nxcompat)"));
        }
        boolean highEntropy = (pe.dllCharacteristics() & OptionalHeader.IMAGE_DLLCHARACTERISTICS_HIGH_ENTROPY_VA) != 0;
        if (!pe.isPe32Plus()) {
            findings.add(Finding.skip(ID, "HIGH_ENTROPY_VA", "PE32: a 32-bit address space has no high-entropy ASLR"));
        } else if (highEntropy) {
            findings.add(Finding.pass(ID, "HIGH_ENTROPY_VA", "HIGH_ENTROPY_VA", "HIGH_ENTROPY_VA"));
        } else {
            findings.add(Finding.problem(ID, "HIGH_ENTROPY_VA", "no HIGH_ENTROPY_VA", "HIGH_ENTROPY_VA", Verdict.WARN,
                    "64-bit ASLR uses only low entropy: the image base can be guessed more easily"
                            + (dynamicBase ? "" : " (and without DYNAMIC_BASE there is no ASLR at all)"),
                    "build with -buildmode=pie, which Go links with HIGH_ENTROPY_VA on 64-bit Windows"));
        }
    }

    // ---- Mach-O

    private static void macho(List<Finding> findings, String prefix, MachoFile macho, Pie pie) {
        positionIndependence(findings, prefix, "MH_PIE", macho.pie() ? "MH_PIE" : "no MH_PIE", macho.pie(), pie,
                "go build -buildmode=pie", "go build -buildmode=exe");
        if ((macho.flags() & MachHeader.MH_ALLOW_STACK_EXECUTION) != 0) {
            findings.add(Finding.problem(ID, prefix + "stack execution", "MH_ALLOW_STACK_EXECUTION", "no MH_ALLOW_STACK_EXECUTION",
                    Verdict.FAIL, "the header lets the stack be executable",
                    "relink without -allow_stack_execute"));
        } else {
            findings.add(Finding.pass(ID, prefix + "stack execution", "no MH_ALLOW_STACK_EXECUTION", "no MH_ALLOW_STACK_EXECUTION"));
        }
    }

    // ---- shared

    private static void positionIndependence(List<Finding> findings, String prefix, String subject, String seen, boolean isPie,
                                             Pie wanted, String makePie, String makeExe) {
        String s = prefix + subject;
        switch (wanted) {
            case REQUIRED -> {
                if (isPie) {
                    findings.add(Finding.pass(ID, s, seen, "position-independent"));
                } else {
                    findings.add(Finding.problem(ID, s, seen, "position-independent", Verdict.FAIL,
                            "not position-independent: the executable loads at a fixed address, so ASLR cannot move its code",
                            "build with " + makePie));
                }
            }
            case FORBIDDEN -> {
                if (isPie) {
                    findings.add(Finding.problem(ID, s, seen, "not position-independent (pie=forbidden)", Verdict.FAIL,
                            "position-independent, but <pie> is forbidden", "build with " + makeExe));
                } else {
                    findings.add(Finding.pass(ID, s, seen, "not position-independent (pie=forbidden)"));
                }
            }
            case ANY -> findings.add(Finding.pass(ID, s, seen, "any (pie=any)"));
            case UNSET -> findings.add(Finding.info(ID, s, seen, isPie ? "position-independent: ASLR can move its code"
                    : "loads at a fixed address, so ASLR cannot move its code; set <pie>required</pie> to demand PIE"));
        }
    }

    private static Pie pieOf(String text) {
        return switch (text.strip().toLowerCase(Locale.ROOT)) {
            case "required" -> Pie.REQUIRED;
            case "forbidden" -> Pie.FORBIDDEN;
            case "any" -> Pie.ANY;
            default -> throw new IllegalArgumentException("<pie> is '" + text + "'; use required, forbidden or any");
        };
    }
}
