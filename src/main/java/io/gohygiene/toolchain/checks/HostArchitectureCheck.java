package io.gohygiene.toolchain.checks;

import io.gohygiene.binary.BinaryReport;
import io.gohygiene.finding.Finding;
import io.gohygiene.finding.Verdict;
import io.gohygiene.toolchain.HostPlatform;
import io.gohygiene.toolchain.ToolchainCheck;
import io.gohygiene.toolchain.ToolchainContext;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The go executable's own architecture, read from its header, against the hardware's native one. An amd64 go
 * on an arm64 Mac runs under Rosetta 2 and builds amd64 binaries by default; on Linux a foreign go runs only
 * through qemu binfmt emulation. Neither {@code os.arch} nor {@code go version -m | grep} can tell.
 */
public final class HostArchitectureCheck implements ToolchainCheck {

    public static final String ID = "hostArchitecture";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public List<Finding> check(ToolchainContext ctx) {
        List<Finding> findings = new ArrayList<>();
        HostPlatform host = ctx.host();
        String subject = ctx.go().executable().toString();
        if (ctx.goHeader().isEmpty()) {
            findings.add(Finding.problem(ID, subject, "unreadable header", "an executable for " + host.goos(), Verdict.FAIL,
                    "cannot read the go executable's header: " + ctx.goHeaderError(),
                    "point <go> at the real go binary (not a wrapper script), e.g. $(go env GOROOT)/bin/go"));
            return findings;
        }
        BinaryReport header = ctx.goHeader().get();
        String seen = "go is " + header.describe();
        if (host.nativeArch().isEmpty()) {
            findings.add(Finding.problem(ID, subject, seen, "native architecture", Verdict.WARN,
                    "cannot tell the host's native architecture (" + host.evidence() + ")",
                    "make uname (Linux) or sysctl (macOS) available on PATH so the check can run"));
            return findings;
        }
        String nativeArch = host.nativeArch().get();
        String expected = "native " + host.goos() + "/" + nativeArch + " (" + host.evidence() + ")";
        if (header.contains(nativeArch)) {
            findings.add(Finding.pass(ID, subject, seen, expected));
        } else {
            String foreign = header.goarches().get(0);
            Optional<HostPlatform.Emulator> emulator = host.emulatorFor(foreign);
            String how = emulator.map(e -> "; it runs only through " + e.name() + " emulation (" + e.interpreter() + ")").orElse("");
            findings.add(Finding.problem(ID, subject, seen, expected, ctx.policy().nativeToolchain() ? Verdict.FAIL : Verdict.WARN,
                    "the go executable is " + String.join("+", header.goarches()) + " but this machine is " + nativeArch + how
                            + ": builds are slow and default to GOARCH=" + foreign + ", and cgo links " + foreign + " libraries",
                    hintFor(host.goos(), nativeArch)));
        }
        if (host.translated()) {
            findings.add(Finding.problem(ID, "JVM", "os.arch=" + host.jvmArch().orElse("?") + ", translated",
                    "native " + nativeArch, Verdict.WARN,
                    "this JVM itself runs translated (Rosetta 2): programs it starts prefer their x86_64 slice",
                    "install and use an " + nativeArch + " JDK (JAVA_HOME) so Maven and the tools it starts run natively"));
        }
        return findings;
    }

    private static String hintFor(String goos, String nativeArch) {
        String dist = "the " + goos + "/" + nativeArch + " Go distribution (go1.X." + goos + "-" + nativeArch + ")";
        return switch (goos) {
            case "darwin" -> "install " + dist + " and put it first on PATH; `file $(which go)` must say " + nativeArch;
            default -> "install " + dist + " and put it first on PATH, or set <go> to it";
        };
    }
}
