package io.gohygiene.toolchain.checks;

import io.gohygiene.finding.Finding;
import io.gohygiene.finding.Verdict;
import io.gohygiene.platform.Architectures;
import io.gohygiene.platform.SupportedPlatforms;
import io.gohygiene.platform.Target;
import io.gohygiene.toolchain.CrossCompilers;
import io.gohygiene.toolchain.GoFlags;
import io.gohygiene.toolchain.ToolchainCheck;
import io.gohygiene.toolchain.ToolchainContext;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * For every target that builds with cgo: the C compiler exists, and {@code CC -dumpmachine} names the target's
 * architecture and OS (an x86_64 gcc for an arm64 target links host objects, or fails late in the link).
 * A native target with no C compiler on the host gets cgo turned off by Go itself (Go 1.20+), silently.
 */
public final class CgoCompilerCheck implements ToolchainCheck {

    public static final String ID = "cgoCompiler";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public List<Finding> check(ToolchainContext ctx) {
        List<Finding> findings = new ArrayList<>();
        List<String> crossWithoutCgo = new ArrayList<>();
        for (Target target : ctx.targets()) {
            if (Boolean.FALSE.equals(target.cgo())) {
                findings.add(Finding.info(ID, target.name(), "cgo off", "the target is pure Go (<cgo>false</cgo>)"));
            } else if (target.wantsCgo()) {
                findings.addAll(checkCgoTarget(ctx, target, true));
            } else if (ctx.isNative(target)) {
                findings.addAll(checkCgoTarget(ctx, target, false));
            } else {
                crossWithoutCgo.add(target.name());
            }
        }
        if (!crossWithoutCgo.isEmpty()) {
            findings.add(Finding.info(ID, String.join(", ", crossWithoutCgo), "cgo off",
                    "cross builds get cgo only with <cgo>true</cgo>; Go turns it off otherwise, whatever CC says"));
        }
        return findings;
    }

    private List<Finding> checkCgoTarget(ToolchainContext ctx, Target target, boolean explicit) {
        String subject = target.name() + (explicit ? " (cgo)" : " (cgo by default)");
        Optional<SupportedPlatforms.Entry> entry = ctx.go().platforms().find(target.platform());
        if (explicit && entry.isPresent() && !entry.get().cgoSupported()) {
            return List.of(Finding.problem(ID, subject, "cgo on " + target.platform(), "a platform with cgo support", Verdict.FAIL,
                    ctx.go().version() + " does not support cgo on " + target.platform() + " (go tool dist list -json: CgoSupported=false)",
                    "set <cgo>false</cgo> for " + target.platform() + " or drop the target"));
        }
        if ("zig".equals(target.cc())) {
            return List.of(zig(ctx, subject));
        }
        // The compiler the build goal will use: <cc>, else a Debian-named cross compiler on PATH, else Go's default CC.
        Target resolved = CrossCompilers.withDiscoveredCompiler(target, ctx.go().hostPlatform(), ctx.probe());
        boolean discovered = resolved.cc() != null && target.cc() == null;
        String cc = resolved.cc() != null ? resolved.cc() : ctx.go().env("CC").orElse(ctx.probe().goos().equals("darwin") ? "clang" : "gcc");
        String ccLabel = CrossCompilers.label(target, resolved).orElse("CC=" + cc);
        String ccSource = target.cc() != null ? "<cc>" : "CC";
        List<String> argv = splitCommand(cc);
        Optional<Path> executable = argv.isEmpty() ? Optional.empty() : ctx.probe().which(argv.get(0));
        if (executable.isEmpty()) {
            if (!explicit) {
                return List.of(Finding.problem(ID, subject, "no " + cc + " on PATH", "a C compiler for " + target.platform(), Verdict.WARN,
                        "no C compiler (" + cc + ") on PATH: Go turns cgo off by itself, so packages with cgo variants (net, os/user)"
                                + " silently build their pure-Go fallbacks",
                        "install a C compiler (apt-get install gcc), or write <cgo>false</cgo> on " + target.name() + " to make pure Go explicit"));
            }
            return List.of(Finding.problem(ID, subject, ccSource + "=" + cc + ": not found", "a C compiler for " + target.platform(), Verdict.FAIL,
                    "the C compiler " + cc + " for " + target.name() + " is not on PATH",
                    installHint(target)));
        }
        List<String> dumpMachine = new ArrayList<>(argv);
        dumpMachine.add("-dumpmachine");
        Optional<String> triple = ctx.probe().run(dumpMachine).map(String::strip).filter(s -> !s.isEmpty());
        if (triple.isEmpty()) {
            return List.of(Finding.problem(ID, subject, cc + " -dumpmachine: no answer", target.platform().toString(), Verdict.WARN,
                    "cannot tell what " + cc + " compiles for: " + String.join(" ", dumpMachine) + " printed nothing or failed",
                    "use a gcc or clang that answers -dumpmachine, so the target can be checked"));
        }
        Optional<String> arch = Architectures.fromTripleArch(triple.get().split("-")[0]);
        Optional<String> os = Architectures.osFromTriple(triple.get());
        String seen = ccLabel + " → " + triple.get();
        boolean archOk = arch.filter(target.goarch()::equals).isPresent();
        boolean osOk = os.filter(target.goos()::equals).isPresent()
                || (target.goos().equals("ios") && os.filter("darwin"::equals).isPresent());
        if (archOk && osOk) {
            return List.of(discovered
                    ? new Finding(ID, subject, seen, target.platform().toString(), Verdict.PASS,
                            "no <cc> on " + target.name() + ": the build uses " + cc + ", found on PATH under the Debian/Ubuntu name of the "
                                    + target.platform() + " cross compiler; set <cc> to choose another", "")
                    : Finding.pass(ID, subject, seen, target.platform().toString()));
        }
        return List.of(Finding.problem(ID, subject, seen, target.platform().toString(), Verdict.FAIL,
                "the C compiler " + cc + " targets " + triple.get() + " (" + os.orElse("?") + "/" + arch.orElse("?") + "), not "
                        + target.platform() + ": cgo would compile and link " + arch.orElse("?") + " objects into a " + target.goarch() + " binary",
                installHint(target)));
    }

    private static Finding zig(ToolchainContext ctx, String subject) {
        if (ctx.probe().which("zig").isPresent()) {
            return Finding.pass(ID, subject, "<cc>zig: zig on PATH", "zig cc");
        }
        Optional<String> version = ctx.probe().run(List.of("python3", "-m", "ziglang", "version"));
        if (version.isPresent()) {
            return Finding.pass(ID, subject, "<cc>zig: python3 -m ziglang " + version.get(), "zig cc");
        }
        return Finding.problem(ID, subject, "<cc>zig: zig not found", "zig cc", Verdict.FAIL,
                "<cc>zig</cc> needs zig, which is neither on PATH nor installed as the ziglang Python package",
                "pip install ziglang (or put zig on PATH)");
    }

    static String installHint(Target target) {
        String gnuArch = switch (target.goarch()) {
            case "amd64" -> "x86-64";
            case "arm64" -> "aarch64";
            case "arm" -> "arm";
            case "386" -> "i686";
            case "riscv64" -> "riscv64";
            case "ppc64le" -> "powerpc64le";
            case "s390x" -> "s390x";
            default -> target.goarch();
        };
        String tripleArch = gnuArch.replace("x86-64", "x86_64");
        if (target.goos().equals("linux")) {
            String abi = target.goarch().equals("arm") ? "gnueabihf" : "gnu";
            return "install the cross compiler (Debian/Ubuntu: apt-get install gcc-" + gnuArch + "-linux-" + abi + "; without <cc> the build uses "
                    + tripleArch + "-linux-" + abi + "-gcc from PATH) or set <cc>" + tripleArch + "-linux-" + abi
                    + "-gcc</cc> on the target, or <cc>zig</cc> (pip install ziglang) which cross-compiles to every target";
        }
        return "set <cc>zig</cc> on the target (pip install ziglang), or <cc> to a C cross compiler for " + target.platform();
    }

    /** Splits CC the way go does: on spaces, with single or double quotes grouping. */
    static List<String> splitCommand(String command) {
        return GoFlags.split(command);
    }
}
