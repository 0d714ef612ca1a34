package io.gohygiene.rules;

import io.gohygiene.binary.ExecutableFile;
import io.gohygiene.binary.InspectedImage;
import io.gohygiene.binary.buildinfo.BuildInfo;
import io.gohygiene.binary.elf.ElfFile;
import io.gohygiene.finding.Finding;
import io.gohygiene.finding.Verdict;
import io.gohygiene.platform.Target;

import java.util.List;
import java.util.Optional;

/**
 * The build info's CGO_ENABLED against the target's {@code <cgo>}, and against what the executable loads. The
 * classic failure is silent: when GOOS/GOARCH differ from the host, go turns cgo off unless CGO_ENABLED=1 is set
 * explicitly, so a cross build with only CC set comes out pure Go (DESIGN, errata). On Linux a CGO_ENABLED=1
 * binary that loads nothing, or a CGO_ENABLED=0 one that needs libraries, is suspect.
 */
public final class CgoRule implements ImageRule {

    public static final String ID = "cgo";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public void evaluate(InspectedImage image, String prefix, Target target, RuleSettings settings, List<Finding> findings) {
        Optional<BuildInfo> info = image.buildInfo();
        Optional<String> cgo = info.flatMap(b -> b.setting("CGO_ENABLED"));
        if (info.isEmpty()) {
            findings.add(Finding.skip(ID, prefix + "CGO_ENABLED", "no Go build info: not a Go binary, or too old to carry one"));
            return;
        }
        if (cgo.isEmpty()) {
            findings.add(Finding.skip(ID, prefix + "CGO_ENABLED", "build info records no CGO_ENABLED (" + info.get().goVersion()
                    + ": before Go 1.18, or built outside module mode)"));
            return;
        }
        boolean enabled = cgo.get().equals("1");
        checkTarget(enabled, target, prefix, findings);
        checkLinkage(image.executable(), enabled, info.get(), settings, prefix, findings);
    }

    private static void checkTarget(boolean enabled, Target target, String prefix, List<Finding> findings) {
        String subject = prefix + "CGO_ENABLED";
        String seen = "CGO_ENABLED=" + (enabled ? "1" : "0");
        if (target.cgo() == null) {
            findings.add(Finding.info(ID, subject, seen, "the target leaves cgo to Go's default (on for native builds with a C"
                    + " compiler, off for cross builds): this binary was built with cgo " + (enabled ? "on" : "off")));
            return;
        }
        String expected = "CGO_ENABLED=" + (target.wantsCgo() ? "1" : "0") + " (<cgo>" + target.cgo() + "</cgo>)";
        if (enabled == target.wantsCgo()) {
            findings.add(Finding.pass(ID, subject, seen, expected));
        } else if (target.wantsCgo()) {
            String cc = target.cc() == null ? "a C compiler for " + target.goos() + "/" + target.goarch() : "CC=" + target.cc();
            findings.add(Finding.problem(ID, subject, seen, expected, Verdict.FAIL,
                    "the target " + target.name() + " wants cgo but the binary was built with CGO_ENABLED=0: a cross build turns cgo"
                            + " off unless CGO_ENABLED=1 is set explicitly, and a CC alone is ignored, so the result is silently pure Go",
                    "set <cgo>true</cgo> on the target (the build goal then sets CGO_ENABLED=1 explicitly), together with " + cc
                            + (target.cc() == null ? " in <cc>" : "")));
        } else {
            findings.add(Finding.problem(ID, subject, seen, expected, Verdict.FAIL,
                    "the target " + target.name() + " says <cgo>false</cgo> but the binary was built with CGO_ENABLED=1",
                    "build it with the build goal, which sets CGO_ENABLED=0 for <cgo>false</cgo>: a native build with a C compiler on"
                            + " PATH, or a CGO_ENABLED=1 inherited from the shell, turns cgo on"));
        }
    }

    /** CGO_ENABLED against what a Linux ELF loads; other systems load their libc whether or not cgo is on. */
    private static void checkLinkage(ExecutableFile exe, boolean enabled, BuildInfo info, RuleSettings settings, String prefix,
                                     List<Finding> findings) {
        String subject = prefix + "cgo vs linkage";
        if (!(exe instanceof ElfFile elf) || !elf.goos().equals("linux")) {
            findings.add(Finding.skip(ID, subject, "a " + exe.goos() + " " + exe.format()
                    + " image: Go binaries for " + exe.goos() + " load system libraries whether or not cgo is on"));
            return;
        }
        String seen = "CGO_ENABLED=" + (enabled ? "1" : "0") + ", " + loads(elf);
        if (enabled && !elf.dynamic()) {
            boolean asked = settings.linkage().filter(l -> l == Linkage.STATIC).isPresent()
                    || info.setting("-ldflags").filter(f -> f.contains("-static")).isPresent();
            // An external C linker (gcc, clang/lld) leaves a .comment section; Go's internal linker writes none.
            boolean externallyLinked = elf.section(".comment").isPresent();
            if (asked) {
                findings.add(Finding.pass(ID, subject, seen, "cgo linked statically, as "
                        + (settings.linkage().isPresent() ? "<linkage>static</linkage>" : "-ldflags -static") + " asks"));
            } else if (externallyLinked) {
                findings.add(Finding.problem(ID, subject, seen, "cgo loads the C library, or <linkage>static</linkage>", Verdict.WARN,
                        "the binary was built with CGO_ENABLED=1 and an external C linker, yet loads nothing: its C code and C"
                                + " library were linked statically, which nothing in the configuration asks for",
                        "if a static cgo binary is intended, declare <linkage>static</linkage> so it stays checked; otherwise drop"
                                + " -extldflags=-static and the static libc from the build"));
            } else {
                findings.add(Finding.problem(ID, subject, seen, "cgo loads the C library, or <linkage>static</linkage>", Verdict.WARN,
                        "the binary was built with CGO_ENABLED=1 yet Go's internal linker linked it and it loads nothing: no package"
                                + " in the build uses cgo, so CGO_ENABLED=1 only made the build depend on a C compiler",
                        "build with CGO_ENABLED=0 (<cgo>false</cgo>), or check that the cgo package meant to be used is imported"));
            }
        } else if (!enabled && !elf.needed().isEmpty()) {
            findings.add(Finding.problem(ID, subject, seen, "no DT_NEEDED (a pure-Go Linux binary loads nothing)", Verdict.WARN,
                    "the binary was built with CGO_ENABLED=0 yet needs " + String.join(", ", elf.needed())
                            + ": pure-Go Linux binaries load no library, so it was linked externally or its build info is not its own",
                    "look for -linkmode=external in <ldflags>; set <cgo>true</cgo> on the target if C libraries are wanted"));
        } else {
            findings.add(Finding.pass(ID, subject, seen, enabled ? "cgo loads the C library" : "pure Go loads no library"));
        }
    }

    private static String loads(ElfFile elf) {
        if (!elf.dynamic()) {
            return "static (no PT_INTERP, no DT_NEEDED)";
        }
        return elf.interpreter().map(i -> "interpreter " + i).orElse("no interpreter")
                + (elf.needed().isEmpty() ? ", no DT_NEEDED" : ", needs " + String.join(", ", elf.needed()));
    }
}
