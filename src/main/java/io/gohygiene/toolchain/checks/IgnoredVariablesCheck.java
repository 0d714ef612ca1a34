package io.gohygiene.toolchain.checks;

import io.gohygiene.finding.Finding;
import io.gohygiene.finding.Verdict;
import io.gohygiene.process.SecretMasking;
import io.gohygiene.toolchain.ToolchainCheck;
import io.gohygiene.toolchain.ToolchainContext;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * Variables people set believing Go reads them. {@code go build} reads CC and CXX only;
 * {@code CC_FOR_${GOOS}_${GOARCH}} is read only by make.bash when Go itself is built, and {@code CC_arm64}
 * by nothing. The result is a cross build that silently uses the host compiler, or none.
 */
public final class IgnoredVariablesCheck implements ToolchainCheck {

    public static final String ID = "ignoredVariables";

    private static final Pattern PER_TARGET_COMPILER = Pattern.compile("(CC|CXX)_.+");

    /** Misspellings seen in build scripts, and the variable Go does read. */
    private static final Map<String, String> MISSPELLED = Map.ofEntries(
            Map.entry("GO_OS", "GOOS"), Map.entry("GO_ARCH", "GOARCH"), Map.entry("GOARCHITECTURE", "GOARCH"),
            Map.entry("CGO_ENABLE", "CGO_ENABLED"), Map.entry("CGOENABLED", "CGO_ENABLED"), Map.entry("CGO_ENABLES", "CGO_ENABLED"),
            Map.entry("GO_FLAGS", "GOFLAGS"), Map.entry("GO_ROOT", "GOROOT"), Map.entry("GO_PATH", "GOPATH"),
            Map.entry("GO_PROXY", "GOPROXY"), Map.entry("GO_PRIVATE", "GOPRIVATE"), Map.entry("CGO_LDFLAG", "CGO_LDFLAGS"),
            Map.entry("CGO_CFLAG", "CGO_CFLAGS"), Map.entry("GO111MODULES", "GO111MODULE"));

    /** Names from Go 1.13's betas that no release reads. */
    private static final Map<String, String> RETIRED = Map.of(
            "GONOSUMCHECK", "GONOSUMDB (or GOPRIVATE)", "GONOVERIFY", "GONOSUMDB (or GOPRIVATE)");

    @Override
    public String id() {
        return ID;
    }

    @Override
    public List<Finding> check(ToolchainContext ctx) {
        List<Finding> findings = new ArrayList<>();
        Map<String, String> env = new TreeMap<>(ctx.settings().environment());
        env.forEach((name, raw) -> {
            String value = SecretMasking.value(name, raw);
            if (PER_TARGET_COMPILER.matcher(name).matches()) {
                String kind = name.startsWith("CXX") ? "CXX" : "CC";
                boolean makeBash = name.startsWith(kind + "_FOR_");
                findings.add(Finding.problem(ID, name, name + "=" + value, "not read by go build", Verdict.WARN,
                        "go build does not read " + name + (makeBash ? " (make.bash reads it only while building Go itself)" : "")
                                + "; it reads " + kind + ", so cgo targets use whatever " + kind + " says",
                        "set <cc> on the cgo target (the build goal passes it as CC), or export " + kind + "=" + value));
            } else if (MISSPELLED.containsKey(name)) {
                findings.add(Finding.problem(ID, name, name + "=" + value, MISSPELLED.get(name), Verdict.WARN,
                        "Go does not read " + name + "; did you mean " + MISSPELLED.get(name) + "?",
                        "rename it to " + MISSPELLED.get(name) + " or remove it"));
            } else if (RETIRED.containsKey(name)) {
                findings.add(Finding.problem(ID, name, name + "=" + value, RETIRED.get(name), Verdict.WARN,
                        name + " was renamed before Go 1.13 shipped; no Go release reads it, so checksum verification is still on",
                        "use " + RETIRED.get(name) + " instead"));
            }
        });
        if (findings.isEmpty()) {
            findings.add(Finding.pass(ID, "environment", "no CC_<arch>, CC_FOR_*, misspelled or retired Go variables", "none"));
        }
        return findings;
    }
}
