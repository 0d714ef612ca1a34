package io.gohygiene.toolchain.checks;

import io.gohygiene.finding.Finding;
import io.gohygiene.finding.Verdict;
import io.gohygiene.toolchain.GoModFile;
import io.gohygiene.toolchain.GoSettings.Setting;
import io.gohygiene.toolchain.ToolchainCheck;
import io.gohygiene.toolchain.ToolchainContext;
import io.gohygiene.version.GoVersion;
import io.gohygiene.version.VersionRange;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The Go release against the project's {@code goVersion} range and against go.mod's {@code go} and
 * {@code toolchain} lines, with GOTOOLCHAIN's switching (Go 1.21+): the release that will really build the
 * project may not be the one installed.
 */
public final class GoVersionCheck implements ToolchainCheck {

    public static final String ID = "goVersion";
    private static final GoVersion FIRST_SWITCHING = GoVersion.parse("1.21").orElseThrow();

    @Override
    public String id() {
        return ID;
    }

    @Override
    public List<Finding> check(ToolchainContext ctx) {
        List<Finding> findings = new ArrayList<>();
        GoVersion installed = ctx.go().version();
        Optional<VersionRange> range = ctx.policy().goVersion();
        GoToolchainMode mode = GoToolchainMode.of(ctx.settings().get("GOTOOLCHAIN"), installed);

        findings.add(rangeFinding("installed go", installed, range));

        GoVersion effective = installed;
        String switchReason = null;
        if (mode.forced().isPresent() && !mode.forced().get().equals(installed)) {
            effective = mode.forced().get();
            switchReason = mode.setting() + " forces it";
            findings.add(Finding.problem(ID, "GOTOOLCHAIN", mode.setting(), "the installed " + installed, Verdict.WARN,
                    mode.setting() + " makes every go command run " + effective + " (fetched through the module proxy), not the installed " + installed,
                    "unset GOTOOLCHAIN, or install " + effective + " so what runs is what is installed"));
        }

        if (ctx.goMod().isEmpty()) {
            findings.add(Finding.skip(ID, "go.mod", "no go.mod in " + ctx.moduleDirectory()));
        } else {
            GoModFile mod = ctx.goMod().get();
            if (mod.go().isPresent()) {
                GoVersion needed = mod.go().get();
                if (needed.compareTo(effective) <= 0) {
                    findings.add(Finding.pass(ID, "go.mod go", "go " + needed.text(), "<= " + effective));
                } else if (installed.compareTo(FIRST_SWITCHING) < 0) {
                    findings.add(Finding.problem(ID, "go.mod go", "go " + needed.text(), "<= " + installed, Verdict.WARN,
                            "go.mod asks for go " + needed.text() + "; " + installed + " predates toolchain switching and builds it anyway,"
                                    + " failing on newer language features",
                            "install go " + needed.text() + " or newer"));
                } else if (mode.canSwitch()) {
                    effective = needed;
                    switchReason = "go.mod's go line";
                    findings.add(Finding.problem(ID, "go.mod go", "go " + needed.text(), "<= " + installed, Verdict.WARN,
                            "go.mod requires go >= " + needed.text() + ": go will download and run a newer toolchain (" + mode.setting() + ")",
                            "install go " + needed.text() + " or newer, or lower the go line in go.mod"));
                } else {
                    findings.add(Finding.problem(ID, "go.mod go", "go " + needed.text(), "<= " + installed, Verdict.FAIL,
                            "go.mod requires go >= " + needed.text() + " but " + installed + " is installed and " + mode.setting()
                                    + " forbids switching: every go command in this module fails",
                            "install go " + needed.text() + " or newer, or allow switching (GOTOOLCHAIN=auto), or lower the go line"));
                }
            }
            if (mod.toolchain().isPresent()) {
                GoVersion wanted = mod.toolchain().get();
                if (wanted.compareTo(effective) <= 0) {
                    findings.add(Finding.pass(ID, "go.mod toolchain", "toolchain " + wanted, "<= " + effective));
                } else if (mode.canSwitch()) {
                    effective = wanted;
                    switchReason = "go.mod's toolchain line";
                    findings.add(Finding.problem(ID, "go.mod toolchain", "toolchain " + wanted, "<= " + installed, Verdict.WARN,
                            "go.mod's toolchain line makes go switch from the installed " + installed + " to " + wanted + " (" + mode.setting() + ")",
                            "install " + wanted + " so that what builds is what is installed, or drop the toolchain line"));
                } else {
                    findings.add(Finding.info(ID, "go.mod toolchain", "toolchain " + wanted,
                            "ignored: " + mode.setting() + " keeps the installed " + installed));
                }
            }
        }
        if (switchReason != null) {
            findings.add(rangeFinding("go that will build (" + switchReason + ")", effective, range));
        }
        return findings;
    }

    private static Finding rangeFinding(String subject, GoVersion version, Optional<VersionRange> range) {
        if (range.isEmpty()) {
            return Finding.info(ID, subject, version.toString(), "no goVersion range configured");
        }
        if (range.get().contains(version)) {
            return Finding.pass(ID, subject, version.toString(), range.get().toString());
        }
        return Finding.problem(ID, subject, version.toString(), range.get().toString(), Verdict.FAIL,
                subject + " is " + version + ", which is not in goVersion " + range.get(),
                "install a Go release in " + range.get() + " (older ones run as GOTOOLCHAIN=go1.N.M) or change <goVersion>");
    }

    /** GOTOOLCHAIN as Go reads it: {@code local}, {@code auto}, {@code path}, {@code go1.22.1}, {@code go1.22.1+auto}. */
    record GoToolchainMode(String setting, Optional<GoVersion> forced, boolean canSwitch) {
        static GoToolchainMode of(Optional<Setting> setting, GoVersion installed) {
            if (installed.compareTo(FIRST_SWITCHING) < 0) {
                return new GoToolchainMode("go < 1.21 (no GOTOOLCHAIN)", Optional.empty(), false);
            }
            String value = setting.map(Setting::value).filter(v -> !v.isEmpty()).orElse("auto");
            String shown = "GOTOOLCHAIN=" + value + setting.map(s -> " (" + s.source() + ")").orElse(" (default)");
            String base = value;
            boolean canSwitch = false;
            int plus = value.indexOf('+');
            if (plus >= 0) {
                base = value.substring(0, plus);
                canSwitch = true;
            } else if (value.equals("auto") || value.equals("path")) {
                base = "local";
                canSwitch = true;
            }
            Optional<GoVersion> forced = base.equals("local") ? Optional.empty() : GoVersion.parse(base);
            // A forced version with +auto is only a minimum; without it, that version always runs.
            if (plus >= 0 && forced.isPresent() && forced.get().compareTo(installed) <= 0) {
                forced = Optional.empty();
            }
            return new GoToolchainMode(shown, forced, canSwitch);
        }
    }
}
