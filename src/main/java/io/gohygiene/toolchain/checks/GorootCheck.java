package io.gohygiene.toolchain.checks;

import io.gohygiene.finding.Finding;
import io.gohygiene.finding.Verdict;
import io.gohygiene.toolchain.ToolchainCheck;
import io.gohygiene.toolchain.ToolchainContext;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * GOROOT belongs to the toolchain: its bin/go must be the go being run, its pkg/tool must hold the compiler
 * for the go's own host platform, and GOHOSTARCH must agree with the executable. A GOROOT pinned with
 * {@code go env -w GOROOT} or exported from another installation breaks all three after an upgrade.
 */
public final class GorootCheck implements ToolchainCheck {

    public static final String ID = "goroot";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public List<Finding> check(ToolchainContext ctx) {
        List<Finding> findings = new ArrayList<>();
        Optional<String> gorootValue = ctx.go().env("GOROOT");
        if (gorootValue.isEmpty()) {
            findings.add(Finding.problem(ID, "GOROOT", "empty", "the go installation's root", Verdict.FAIL,
                    "go env reports no GOROOT", "reinstall Go; go env GOROOT must name its installation directory"));
            return findings;
        }
        Path goroot = Path.of(gorootValue.get());
        Path goExe = ctx.go().executable();
        Path rootGo = goroot.resolve("bin").resolve(goExe.getFileName().toString());
        Path realRootGo = ctx.probe().realPath(rootGo);
        Path realGo = ctx.probe().realPath(goExe);
        if (realRootGo.equals(realGo)) {
            findings.add(Finding.pass(ID, "GOROOT/bin/go", realGo.toString(), "the go being run"));
        } else {
            findings.add(Finding.problem(ID, "GOROOT/bin/go", "GOROOT=" + goroot, "root of " + realGo, Verdict.FAIL,
                    "the go at " + realGo + " reports GOROOT=" + goroot + ", whose bin/go is another file ("
                            + (ctx.probe().isRegularFile(rootGo) ? realRootGo : "missing") + "): it compiles with another release's standard library",
                    "unset GOROOT (go finds its own root) or set it to the installation that holds " + realGo));
        }

        String hostDir = ctx.go().env("GOHOSTOS").orElse("?") + "_" + ctx.go().env("GOHOSTARCH").orElse("?");
        Path toolDir = goroot.resolve("pkg").resolve("tool").resolve(hostDir);
        if (ctx.probe().isDirectory(toolDir)) {
            findings.add(Finding.pass(ID, "pkg/tool", "GOROOT/pkg/tool/" + hostDir, "present"));
        } else {
            findings.add(Finding.problem(ID, "pkg/tool", "no GOROOT/pkg/tool/" + hostDir, "present", Verdict.FAIL,
                    "the compiler and linker for " + hostDir + " are missing from " + toolDir,
                    "reinstall Go for this machine; a GOROOT copied from another OS or architecture lacks them"));
        }

        Optional<String> hostArch = ctx.go().env("GOHOSTARCH");
        if (ctx.goHeader().isPresent() && hostArch.isPresent()) {
            List<String> headerArches = ctx.goHeader().get().goarches();
            if (headerArches.contains(hostArch.get())) {
                findings.add(Finding.pass(ID, "GOHOSTARCH", "GOHOSTARCH=" + hostArch.get(), "executable is " + String.join("+", headerArches)));
            } else {
                findings.add(Finding.problem(ID, "GOHOSTARCH", "GOHOSTARCH=" + hostArch.get(), "executable is " + String.join("+", headerArches),
                        Verdict.FAIL, "go env says GOHOSTARCH=" + hostArch.get() + " but the go executable is " + String.join("+", headerArches),
                        "the installation is mixed from two architectures; reinstall Go for this machine"));
            }
        }

        ctx.settings().envFilePath().ifPresent(file -> {
            String pinned = ctx.settings().envFile().get("GOROOT");
            if (pinned != null && !pinned.isEmpty()) {
                findings.add(Finding.problem(ID, "go env -w GOROOT", "GOROOT=" + pinned + " in " + file, "not set", Verdict.WARN,
                        "GOROOT is pinned in the go env file: after an upgrade or with a second go it points at the wrong standard library",
                        "run `go env -u GOROOT`; GOROOT belongs to the toolchain, which finds it itself"));
            }
        });
        return findings;
    }
}
