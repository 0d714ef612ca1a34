package io.gohygiene.toolchain.checks;

import io.gohygiene.finding.Finding;
import io.gohygiene.finding.Verdict;
import io.gohygiene.platform.Platform;
import io.gohygiene.platform.Target;
import io.gohygiene.platform.Variant;
import io.gohygiene.toolchain.GoFlags;
import io.gohygiene.toolchain.GoSettings.Setting;
import io.gohygiene.toolchain.ToolchainCheck;
import io.gohygiene.toolchain.ToolchainContext;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Settings inherited from a shell or CI (or pinned with {@code go env -w}) that silently change what a plain
 * {@code go build} produces: GOOS/GOARCH and their variants, CGO_ENABLED, CC/CXX, CGO_*FLAGS, GOFLAGS.
 * Compared with the configured targets; a value that agrees with every target passes.
 */
public final class InheritedEnvironmentCheck implements ToolchainCheck {

    public static final String ID = "inheritedEnvironment";

    private static final List<String> CGO_FLAG_VARIABLES = List.of("CGO_CFLAGS", "CGO_CPPFLAGS", "CGO_CXXFLAGS", "CGO_FFLAGS", "CGO_LDFLAGS");

    @Override
    public String id() {
        return ID;
    }

    @Override
    public List<Finding> check(ToolchainContext ctx) {
        List<Finding> findings = new ArrayList<>();
        String targetNames = ctx.targets().stream().map(Target::name).collect(Collectors.joining(", "))
                + (ctx.targetsDefaulted() ? " (no <targets>: the host platform)" : "");

        Optional<Finding> rejectedPair = rejectedPair(ctx);
        if (rejectedPair.isPresent()) {
            findings.add(rejectedPair.get());
        } else {
            platformVariable(ctx, "GOOS", Target::goos, targetNames).ifPresent(findings::add);
            platformVariable(ctx, "GOARCH", Target::goarch, targetNames).ifPresent(findings::add);
        }
        for (Variant variant : Variant.values()) {
            inherited(ctx, variant.name()).ifPresent(s -> findings.add(variantFinding(ctx, variant, s)));
        }
        inherited(ctx, "CGO_ENABLED").ifPresent(s -> findings.add(cgoEnabled(ctx, s)));
        for (String cc : List.of("CC", "CXX")) {
            inherited(ctx, cc).ifPresent(s -> findings.add(compiler(ctx, s)));
        }
        for (String flags : CGO_FLAG_VARIABLES) {
            inherited(ctx, flags).ifPresent(s -> findings.add(Finding.problem(ID, s.name(), s.toString(), "set per target", Verdict.WARN,
                    s.name() + " from the " + s.source() + " is added to every cgo compile and link",
                    "set the flags in the plugin configuration so the build records them, and unset " + s.name())));
        }
        inherited(ctx, "GOFLAGS").ifPresent(s -> findings.add(goflags(ctx, s)));
        if (findings.isEmpty()) {
            findings.add(Finding.pass(ID, "environment", "none of GOOS, GOARCH, GO<arch> variants, CGO_ENABLED, CC, CXX, CGO_*FLAGS, GOFLAGS set",
                    "targets decide: " + targetNames));
        }
        return findings;
    }

    /** A setting from the environment or the user's go env file; $GOROOT/go.env holds the distribution's defaults, not user choices. */
    private static Optional<Setting> inherited(ToolchainContext ctx, String name) {
        return ctx.settings().nonEmpty(name).filter(s -> !s.source().startsWith("$GOROOT"));
    }

    /** An inherited GOOS/GOARCH that go itself rejects: every plain go command fails, whatever the targets. */
    private static Optional<Finding> rejectedPair(ToolchainContext ctx) {
        Optional<Setting> goos = inherited(ctx, "GOOS");
        Optional<Setting> goarch = inherited(ctx, "GOARCH");
        if (goos.isEmpty() && goarch.isEmpty()) {
            return Optional.empty();
        }
        Platform host = ctx.go().hostPlatform();
        Platform pair = new Platform(goos.map(Setting::value).orElse(host.goos()), goarch.map(Setting::value).orElse(host.goarch()));
        if (ctx.go().platforms().find(pair).isPresent()) {
            return Optional.empty();
        }
        List<Setting> set = java.util.stream.Stream.of(goos, goarch).flatMap(Optional::stream).toList();
        String seen = set.stream().map(Setting::toString).collect(Collectors.joining(", "));
        String hint = set.stream().map(InheritedEnvironmentCheck::unsetHint).distinct().collect(Collectors.joining("; "))
                + "; the build goal sets GOOS and GOARCH per target";
        return Optional.of(Finding.problem(ID, "GOOS/GOARCH", seen, "a pair go supports (go tool dist list)", Verdict.FAIL,
                "go rejects " + pair + " (unsupported GOOS/GOARCH pair): every plain go command in this shell fails before it builds anything",
                hint));
    }

    private static Optional<Finding> platformVariable(ToolchainContext ctx, String name, java.util.function.Function<Target, String> part,
                                                      String targetNames) {
        return inherited(ctx, name).map(s -> {
            List<String> differing = ctx.targets().stream().filter(t -> !part.apply(t).equals(s.value())).map(Target::name).toList();
            if (differing.isEmpty()) {
                return Finding.pass(ID, name, s.toString(), "targets: " + targetNames);
            }
            return Finding.problem(ID, name, s.toString(), "targets: " + targetNames, Verdict.FAIL,
                    name + "=" + s.value() + " from the " + s.source() + " makes every plain go command build for " + s.value()
                            + ", but the targets need " + differing.stream().collect(Collectors.joining(", ")),
                    unsetHint(s) + "; the build goal sets " + name + " per target");
        });
    }

    private static Finding variantFinding(ToolchainContext ctx, Variant variant, Setting s) {
        List<String> differing = ctx.targets().stream()
                .filter(t -> Variant.forGoarch(t.goarch()).filter(variant::equals).isPresent())
                .filter(t -> !s.value().equals(t.variant()))
                .map(t -> t.name() + (t.variant() == null ? " (Go's default)" : "")).toList();
        if (differing.isEmpty()) {
            return Finding.pass(ID, s.name(), s.toString(), "targets agree");
        }
        return Finding.problem(ID, s.name(), s.toString(), String.join(", ", differing), Verdict.WARN,
                s.name() + "=" + s.value() + " from the " + s.source() + " changes the instruction set of " + String.join(", ", differing),
                "write the variant into the target (e.g. linux/amd64/v3) and " + unsetHint(s).toLowerCase(java.util.Locale.ROOT));
    }

    private static Finding cgoEnabled(ToolchainContext ctx, Setting s) {
        List<String> wantCgo = ctx.targets().stream().filter(Target::wantsCgo).map(Target::name).toList();
        List<String> noCgo = ctx.targets().stream().filter(t -> Boolean.FALSE.equals(t.cgo())).map(Target::name).toList();
        if (s.value().equals("0") && !wantCgo.isEmpty()) {
            return Finding.problem(ID, "CGO_ENABLED", s.toString(), "cgo for " + String.join(", ", wantCgo), Verdict.FAIL,
                    "CGO_ENABLED=0 from the " + s.source() + " turns cgo off, but " + String.join(", ", wantCgo) + " need cgo",
                    unsetHint(s) + "; the build goal sets CGO_ENABLED per target");
        }
        if (s.value().equals("1") && !noCgo.isEmpty()) {
            return Finding.problem(ID, "CGO_ENABLED", s.toString(), "no cgo for " + String.join(", ", noCgo), Verdict.WARN,
                    "CGO_ENABLED=1 from the " + s.source() + " turns cgo on for plain go commands, but " + String.join(", ", noCgo) + " are pure Go",
                    unsetHint(s) + "; the build goal sets CGO_ENABLED per target");
        }
        return Finding.pass(ID, "CGO_ENABLED", s.toString(), "agrees with the targets");
    }

    private static Finding compiler(ToolchainContext ctx, Setting s) {
        List<String> affected = ctx.targets().stream().filter(t -> t.cc() == null)
                .filter(t -> t.wantsCgo() || (t.cgo() == null && ctx.isNative(t))).map(Target::name).toList();
        if (affected.isEmpty()) {
            return Finding.info(ID, s.name(), s.toString(), "no cgo target takes its C compiler from " + s.name());
        }
        return Finding.problem(ID, s.name(), s.toString(), "<cc> on the target", Verdict.WARN,
                s.name() + "=" + s.value() + " from the " + s.source() + " picks the C compiler for " + String.join(", ", affected),
                "declare <cc> on each cgo target so the pom, not the shell, decides the compiler");
    }

    /** What the build goal will do with each flag ({@link GoFlags}, the build's own classification), in the expected column. */
    private static Finding goflags(ToolchainContext ctx, Setting s) {
        boolean vendored = ctx.probe().isDirectory(ctx.moduleDirectory().resolve("vendor"));
        List<GoFlags.Flag> flags = GoFlags.classify(s.value(), vendored);
        List<GoFlags.Flag> kept = flags.stream().filter(GoFlags.Flag::kept).toList();
        List<GoFlags.Flag> dropped = flags.stream().filter(f -> !f.kept()).toList();
        String expected = (kept.isEmpty() ? "" : "the build keeps " + join(kept)) + (kept.isEmpty() || dropped.isEmpty() ? "" : "; ")
                + (dropped.isEmpty() ? "" : "the build drops " + join(dropped));
        if (dropped.isEmpty()) {
            return Finding.pass(ID, "GOFLAGS", s.toString(), expected);
        }
        return Finding.problem(ID, "GOFLAGS", s.toString(), expected, Verdict.WARN,
                "GOFLAGS from the " + s.source() + " adds " + GoFlags.dropped(flags) + " to every go command; the build drops "
                        + (dropped.size() == 1 ? "it" : "them") + ", so a plain go build in this shell makes something else than mvn",
                "put build flags in the plugin configuration (<buildFlags>, <tags>, <ldflags>) and " + unsetHint(s).toLowerCase(java.util.Locale.ROOT));
    }

    private static String join(List<GoFlags.Flag> flags) {
        return flags.stream().map(GoFlags.Flag::toString).collect(Collectors.joining(", "));
    }

    static String unsetHint(Setting s) {
        return s.source().equals("environment")
                ? "Unset " + s.name() + " in the shell or CI job (unset " + s.name() + ")"
                : "Remove it from the go env file (go env -u " + s.name() + ")";
    }
}
