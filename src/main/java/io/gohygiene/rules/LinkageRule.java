package io.gohygiene.rules;

import io.gohygiene.binary.ExecutableFile;
import io.gohygiene.binary.InspectedImage;
import io.gohygiene.binary.elf.ElfFile;
import io.gohygiene.binary.macho.Dylib;
import io.gohygiene.binary.macho.MachoFile;
import io.gohygiene.binary.pe.PeFile;
import io.gohygiene.finding.Finding;
import io.gohygiene.finding.Verdict;
import io.gohygiene.platform.Target;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Static or dynamic as {@code <linkage>} says, and for a dynamic Linux executable the loader of the
 * {@code <libc>} asked for (glibc's ld-linux*.so.*, musl's ld-musl-*.so.1). macOS has no static executables
 * (every program loads libSystem through dyld) and every Windows executable imports system DLLs: there the
 * static promise is explained, not failed.
 */
public final class LinkageRule implements ImageRule {

    public static final String ID = "linkage";

    /** glibc's loaders: ld-linux-x86-64.so.2, ld-linux-aarch64.so.1, ld-linux-armhf.so.3, ld-linux.so.2 (386); ld64.so.1/2 (s390x, ppc64), ld.so.1 (mips). */
    private static final Pattern GLIBC_LOADER = Pattern.compile("ld-linux.*\\.so\\.\\d+|ld64\\.so\\.\\d+|ld\\.so\\.1");
    private static final Pattern MUSL_LOADER = Pattern.compile("ld-musl-.+\\.so\\.1");

    @Override
    public String id() {
        return ID;
    }

    @Override
    public void evaluate(InspectedImage image, String prefix, Target target, RuleSettings settings, List<Finding> findings) {
        ExecutableFile exe = image.executable();
        Linkage wanted = settings.linkage().orElse(Linkage.ANY);
        if (exe instanceof ElfFile elf) {
            checkElf(elf, wanted, target, prefix, findings);
            checkLibc(elf, settings.libc(), target, prefix, findings);
        } else {
            checkAlwaysDynamic(exe, wanted, prefix, findings);
            settings.libc().ifPresent(libc -> findings.add(Finding.skip(ID, prefix + "libc",
                    "<libc> applies to Linux ELF executables; this is a " + exe.goos() + " " + exe.format() + " image")));
        }
    }

    private static void checkElf(ElfFile elf, Linkage wanted, Target target, String prefix, List<Finding> findings) {
        String seen = describe(elf);
        String subject = prefix + "linkage";
        if (wanted == Linkage.ANY) {
            findings.add(Finding.info(ID, subject, seen, (elf.dynamic() ? "dynamically" : "statically")
                    + " linked; <linkage> is any or not set, so either is accepted"));
        } else if (wanted == Linkage.STATIC && elf.dynamic()) {
            findings.add(Finding.problem(ID, subject, seen, "static: no PT_INTERP, no DT_NEEDED", Verdict.FAIL,
                    "the binary is dynamically linked (" + loads(elf) + ") but <linkage> is static",
                    "set <cgo>false</cgo> on the target (CGO_ENABLED=0: pure Go links statically), or link cgo statically against a static libc:"
                            + " -ldflags='-linkmode=external -extldflags=-static' with zig cc -target "
                            + GlibcRule.zigTriple(target.goarch(), "musl") + " (the build goal's <cc>zig</cc>)"));
        } else if (wanted == Linkage.DYNAMIC && !elf.dynamic()) {
            findings.add(Finding.problem(ID, subject, seen, "dynamic: an interpreter or DT_NEEDED", Verdict.FAIL,
                    "the binary is statically linked (no PT_INTERP, no DT_NEEDED) but <linkage> is dynamic",
                    "set <cgo>true</cgo> on the target (CGO_ENABLED=1) with a C compiler for " + target.goos() + "/" + target.goarch()
                            + " in <cc> (cgo links the C library dynamically), or set <linkage> to static or any"));
        } else {
            findings.add(Finding.pass(ID, subject, seen, wanted == Linkage.STATIC ? "static: no PT_INTERP, no DT_NEEDED"
                    : "dynamic: an interpreter or DT_NEEDED"));
        }
    }

    private static void checkLibc(ElfFile elf, Optional<String> libc, Target target, String prefix, List<Finding> findings) {
        if (libc.isEmpty()) {
            return;
        }
        String subject = prefix + "libc";
        String wanted = libc.get().strip().toLowerCase(Locale.ROOT);
        if (!wanted.equals("glibc") && !wanted.equals("musl")) {
            findings.add(Finding.problem(ID, subject, "<libc>" + libc.get() + "</libc>", "glibc or musl", Verdict.FAIL,
                    "<libc> is '" + libc.get() + "', which names no C library this rule knows", "set <libc> to glibc or musl"));
            return;
        }
        if (!elf.goos().equals("linux")) {
            findings.add(Finding.skip(ID, subject, "<libc> applies to Linux executables; this is a " + elf.goos() + " ELF"));
            return;
        }
        Optional<String> interpreter = elf.interpreter();
        if (interpreter.isEmpty()) {
            findings.add(Finding.skip(ID, subject, "no PT_INTERP: a static executable names no C library loader"));
            return;
        }
        String loader = fileName(interpreter.get());
        String seenLibc = GLIBC_LOADER.matcher(loader).matches() ? "glibc" : MUSL_LOADER.matcher(loader).matches() ? "musl" : "unknown";
        String seen = "interpreter " + interpreter.get() + " (" + seenLibc + ")";
        String expected = wanted.equals("glibc") ? "glibc's ld-linux*.so.*" : "musl's ld-musl-*.so.1";
        if (seenLibc.equals(wanted)) {
            findings.add(Finding.pass(ID, subject, seen, expected));
            return;
        }
        String triple = GlibcRule.zigTriple(target.goarch(), wanted.equals("glibc") ? "gnu" : "musl");
        findings.add(Finding.problem(ID, subject, seen, expected, Verdict.FAIL,
                "the interpreter is " + interpreter.get() + " (" + seenLibc + ") but <libc> is " + wanted
                        + ": the binary does not start on a " + wanted + " system",
                wanted.equals("musl")
                        ? "link with a musl toolchain: zig cc -target " + triple + " (the build goal's <cc>zig</cc>), musl-gcc, or a build on Alpine"
                        : "link with a glibc toolchain: the distribution's gcc, or zig cc -target " + triple + " (the build goal's <cc>zig</cc>)"));
    }

    /** Mach-O always loads libSystem through dyld, PE always imports system DLLs: static cannot be asked of them. */
    private static void checkAlwaysDynamic(ExecutableFile exe, Linkage wanted, String prefix, List<Finding> findings) {
        String subject = prefix + "linkage";
        String seen;
        String why;
        if (exe instanceof MachoFile macho) {
            seen = "dynamic: " + macho.dylinker().orElse("no LC_LOAD_DYLINKER") + ", "
                    + String.join(", ", macho.dylibs().stream().map(Dylib::name).map(LinkageRule::fileName).toList());
            why = "macOS has no static executables: every program loads libSystem.B.dylib through dyld";
        } else if (exe instanceof PeFile pe) {
            seen = "imports " + String.join(", ", pe.importedDlls());
            why = "Windows executables always import system DLLs (kernel32.dll …); which ones is the libraries rule's business";
        } else {
            findings.add(Finding.skip(ID, subject, exe.format() + " image: linkage is not checked"));
            return;
        }
        switch (wanted) {
            case STATIC -> findings.add(Finding.info(ID, subject, seen, why + "; <linkage>static</linkage> is not checked for "
                    + exe.goos()));
            case DYNAMIC -> findings.add(Finding.pass(ID, subject, seen, "dynamic"));
            default -> findings.add(Finding.info(ID, subject, seen, "dynamically linked, as every " + exe.goos() + " executable is"));
        }
    }

    /** {@code static (no PT_INTERP, no DT_NEEDED)} or {@code dynamic: interpreter …, needs …}. */
    private static String describe(ElfFile elf) {
        if (!elf.dynamic()) {
            return "static (no PT_INTERP, no DT_NEEDED" + (elf.dynamicEntries().isEmpty() ? "" : "; static-pie") + ")";
        }
        return "dynamic: " + loads(elf);
    }

    private static String loads(ElfFile elf) {
        String interp = elf.interpreter().map(i -> "interpreter " + i).orElse("no interpreter");
        return interp + (elf.needed().isEmpty() ? ", no DT_NEEDED" : ", needs " + String.join(", ", elf.needed()));
    }

    private static String fileName(String path) {
        return path.substring(path.lastIndexOf('/') + 1);
    }
}
