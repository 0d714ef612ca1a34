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
 * On macOS, Homebrew lives in {@code /opt/homebrew} on Apple Silicon and {@code /usr/local} on Intel. A
 * Mac migrated from Intel keeps the x86_64 Homebrew: its tools on PATH run under Rosetta, and pkg-config from
 * it hands x86_64 libraries to an arm64 cgo build.
 */
public final class HomebrewPrefixCheck implements ToolchainCheck {

    public static final String ID = "homebrew";
    static final String ARM64_PREFIX = "/opt/homebrew";
    static final String X86_64_PREFIX = "/usr/local";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public List<Finding> check(ToolchainContext ctx) {
        if (!ctx.host().goos().equals("darwin")) {
            return List.of(Finding.skip(ID, "Homebrew", "not macOS"));
        }
        Optional<String> nativeArch = ctx.host().nativeArch();
        if (nativeArch.isEmpty() || !(nativeArch.get().equals("arm64") || nativeArch.get().equals("amd64"))) {
            return List.of(Finding.skip(ID, "Homebrew", "native architecture unknown"));
        }
        boolean arm64 = nativeArch.get().equals("arm64");
        String right = arm64 ? ARM64_PREFIX : X86_64_PREFIX;
        String wrong = arm64 ? X86_64_PREFIX : ARM64_PREFIX;
        String wrongArch = arm64 ? "x86_64" : "arm64";
        // /usr/local/bin exists on every Mac; it is Homebrew's only where /usr/local/Homebrew does.
        boolean wrongInstalled = ctx.probe().isDirectory(Path.of(arm64 ? "/usr/local/Homebrew" : "/opt/homebrew"));
        List<Finding> findings = new ArrayList<>();

        List<String> path = List.of(ctx.probe().env("PATH").orElse("").split(":"));
        int wrongAt = indexOfPrefix(path, wrong + "/bin");
        int rightAt = indexOfPrefix(path, right + "/bin");
        if (wrongInstalled && wrongAt >= 0 && (rightAt < 0 || wrongAt < rightAt)) {
            findings.add(Finding.problem(ID, "PATH", wrong + "/bin before " + right + "/bin", right + "/bin first", Verdict.WARN,
                    "the " + wrongArch + " Homebrew (" + wrong + ") comes first on PATH: its pkg-config, compilers and tools are "
                            + wrongArch + " builds",
                    "put " + right + "/bin before " + wrong + "/bin (eval \"$(" + right + "/bin/brew shellenv)\"), or uninstall the "
                            + wrongArch + " Homebrew"));
        } else {
            findings.add(Finding.pass(ID, "PATH", rightAt >= 0 ? right + "/bin" : "no Homebrew on PATH", "native Homebrew " + right));
        }

        for (String variable : List.of("PKG_CONFIG_PATH", "PKG_CONFIG_LIBDIR", "CGO_CFLAGS", "CGO_CPPFLAGS", "CGO_LDFLAGS")) {
            Optional<String> value = ctx.settings().nonEmpty(variable).map(s -> s.value());
            if (value.isPresent() && value.get().contains(wrong + "/") && (wrongInstalled || !wrong.equals(X86_64_PREFIX))) {
                findings.add(Finding.problem(ID, variable, variable + "=" + value.get(), "paths under " + right, Verdict.FAIL,
                        variable + " points into the " + wrongArch + " Homebrew (" + wrong + "): cgo would link " + wrongArch
                                + " libraries into a " + nativeArch.get() + " binary",
                        "replace " + wrong + " with " + right + " in " + variable + " (brew --prefix tells the native one)"));
            }
        }
        return findings;
    }

    private static int indexOfPrefix(List<String> path, String dir) {
        for (int i = 0; i < path.size(); i++) {
            if (path.get(i).equals(dir) || path.get(i).equals(dir + "/")) {
                return i;
            }
        }
        return -1;
    }
}
