package io.gohygiene.rules;

import io.gohygiene.binary.BinaryReport;
import io.gohygiene.binary.InspectedImage;
import io.gohygiene.binary.buildinfo.BuildInfo;
import io.gohygiene.binary.pe.OptionalHeader;
import io.gohygiene.binary.pe.PeFile;
import io.gohygiene.finding.Finding;
import io.gohygiene.finding.Verdict;
import io.gohygiene.platform.Target;
import io.gohygiene.version.DottedVersions;
import io.gohygiene.version.GoVersion;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Requires a Windows executable to be the kind of program the project ships (console or GUI subsystem) and to
 * start on the oldest Windows it supports: the subsystem version in the optional header, which the loader
 * enforces, must not be newer than {@code minWindowsVersion}; the OS version field, which the loader ignores, is
 * reported beside it. Go writes 6.1 (Windows 7) in both, even in releases that no longer support Windows 7, so
 * the Go release is checked too.
 */
public final class WindowsRule implements Rule {

    public static final String ID = "windows";

    /** The minimum Windows of Go releases from {@code first} on (Go release notes: 1.11 needs 7, 1.21 needs 10). */
    private record GoFloor(int first, String windows) {
    }

    private static final List<GoFloor> GO_FLOORS = List.of(new GoFloor(11, "6.1"), new GoFloor(21, "10.0"));

    @Override
    public String id() {
        return ID;
    }

    @Override
    public List<Finding> evaluate(BinaryReport report, Target target, RuleSettings settings) {
        Optional<Integer> wanted = settings.windowsSubsystem().map(WindowsRule::subsystemOf);
        Optional<String> min = settings.minWindowsVersion().map(WindowsRule::checkedVersion);
        List<Finding> findings = new ArrayList<>();
        for (InspectedImage image : report.images()) {
            if (image.executable() instanceof PeFile pe) {
                Optional<GoVersion> go = image.buildInfo().map(BuildInfo::goVersion).flatMap(GoVersion::find);
                subsystem(findings, pe, wanted, settings.windowsSubsystem());
                versions(findings, pe, min, go);
            }
        }
        if (findings.isEmpty()) {
            findings.add(Finding.skip(ID, "Windows", report.describe() + ": not a Windows (PE) binary"));
        }
        return findings;
    }

    private static void subsystem(List<Finding> findings, PeFile pe, Optional<Integer> wanted, Optional<String> setting) {
        String seen = pe.subsystemName() + " (" + describeSubsystem(pe.subsystem()) + ")";
        if (wanted.isEmpty()) {
            findings.add(Finding.info(ID, "subsystem", seen, "set <windowsSubsystem> to console or gui to check it"));
            return;
        }
        String expected = OptionalHeader.subsystemName(wanted.get()) + " (" + setting.get().strip().toLowerCase(Locale.ROOT) + ")";
        if (pe.subsystem() == wanted.get()) {
            findings.add(Finding.pass(ID, "subsystem", seen, expected));
        } else if (wanted.get() == OptionalHeader.IMAGE_SUBSYSTEM_WINDOWS_GUI) {
            findings.add(Finding.problem(ID, "subsystem", seen, expected, Verdict.FAIL,
                    "a GUI program was promised but the executable is " + pe.subsystemName()
                            + ": started from Explorer it opens a console window beside its own",
                    "Link it as a GUI program: go build -ldflags=-H=windowsgui"));
        } else {
            findings.add(Finding.problem(ID, "subsystem", seen, expected, Verdict.FAIL,
                    "a console program was promised but the executable is " + pe.subsystemName()
                            + ": it gets no console, its output is lost and cmd.exe does not wait for it",
                    "Link it as a console program: drop -H=windowsgui from -ldflags"));
        }
    }

    private static void versions(List<Finding> findings, PeFile pe, Optional<String> min, Optional<GoVersion> go) {
        String subsystemVersion = pe.majorSubsystemVersion() + "." + pe.minorSubsystemVersion();
        String osVersion = pe.majorOperatingSystemVersion() + "." + pe.minorOperatingSystemVersion();
        if (min.isEmpty()) {
            findings.add(Finding.info(ID, "subsystem version", named(subsystemVersion),
                    "the loader refuses it on Windows older than " + named(subsystemVersion)
                            + "; set <minWindowsVersion> to the oldest Windows you support to check it"));
            findings.add(Finding.info(ID, "OS version", named(osVersion), "informational: the loader does not enforce it"));
            go.ifPresent(v -> findings.add(Finding.info(ID, "Go release support", goSupport(v), goFloorSentence(v))));
            return;
        }
        String expected = "≤ " + min.get();
        if (DottedVersions.compare(subsystemVersion, min.get()) > 0) {
            findings.add(Finding.problem(ID, "subsystem version", named(subsystemVersion), expected, Verdict.FAIL,
                    "the executable requires Windows " + named(subsystemVersion) + " (subsystem version " + subsystemVersion
                            + ") but minWindowsVersion is " + named(min.get()) + ": the loader refuses it there"
                            + " (\"is not a valid Win32 application\")",
                    "Raise <minWindowsVersion> to " + subsystemVersion + " if no machine runs older Windows; otherwise"
                            + " relink with a linker that writes " + min.get() + " (Go's internal linker writes 6.1, and no"
                            + " Go release since 1.11 supports Windows before 7)"));
        } else {
            findings.add(Finding.pass(ID, "subsystem version", named(subsystemVersion), expected));
        }
        if (DottedVersions.compare(osVersion, min.get()) > 0) {
            findings.add(Finding.problem(ID, "OS version", named(osVersion), expected, Verdict.WARN,
                    "the header's OS version says Windows " + named(osVersion) + ", newer than minWindowsVersion "
                            + named(min.get()) + "; the loader ignores this field, but tools that read it will disagree",
                    "Raise <minWindowsVersion> to " + osVersion + ", or link with a linker that writes " + min.get()));
        } else {
            findings.add(Finding.pass(ID, "OS version", named(osVersion), expected));
        }
        go.ifPresent(v -> goRelease(findings, v, min.get()));
    }

    private static void goRelease(List<Finding> findings, GoVersion go, String min) {
        Optional<GoFloor> floor = goFloor(go);
        if (floor.isEmpty()) {
            findings.add(Finding.info(ID, "Go release support", go.goName(), goFloorSentence(go)));
            return;
        }
        if (DottedVersions.compare(floor.get().windows(), min) > 0) {
            findings.add(Finding.problem(ID, "Go release support", goSupport(go), "≤ " + min, Verdict.WARN,
                    goFloorSentence(go) + ", but minWindowsVersion is " + named(min) + ": its header says 6.1, so "
                            + title(min) + " loads it, but that Go release does not support it there and may fail at start-up",
                    "Build with Go 1.20 or older for Windows 7 and 8, or raise <minWindowsVersion> to 10.0"));
        } else {
            findings.add(Finding.pass(ID, "Go release support", goSupport(go), "≤ " + min));
        }
    }

    private static String goSupport(GoVersion go) {
        return goFloor(go).map(f -> go.goName() + ": " + title(f.windows()) + " and later").orElse(go.goName());
    }

    private static String goFloorSentence(GoVersion go) {
        Optional<GoFloor> floor = goFloor(go);
        if (floor.isEmpty()) {
            return go.goName() + " predates Go 1.11, the first release in this plugin's table of Windows minimums";
        }
        return go.goName() + " supports " + title(floor.get().windows()) + " and later (Go 1." + floor.get().first()
                + " raised the minimum to " + title(floor.get().windows()) + ")";
    }

    private static Optional<GoFloor> goFloor(GoVersion go) {
        int minor = go.numbers().size() > 1 ? go.numbers().get(1) : 0;
        Optional<GoFloor> found = Optional.empty();
        for (GoFloor floor : GO_FLOORS) {
            if (go.numbers().get(0) == 1 && minor >= floor.first()) {
                found = Optional.of(floor);
            }
        }
        return found;
    }

    /** "6.1 (Windows 7)". */
    static String named(String version) {
        String name = windowsName(version);
        return name == null ? version : version + " (" + name + ")";
    }

    /** "Windows 7", or "Windows 6.4" for a version without a name. */
    private static String title(String version) {
        String name = windowsName(version);
        return name == null ? "Windows " + version : name;
    }

    private static String windowsName(String version) {
        return switch (version) {
            case "5.0" -> "Windows 2000";
            case "5.1" -> "Windows XP";
            case "5.2" -> "Windows XP x64 / Server 2003";
            case "6.0" -> "Windows Vista";
            case "6.1" -> "Windows 7";
            case "6.2" -> "Windows 8";
            case "6.3" -> "Windows 8.1";
            case "10.0" -> "Windows 10";
            default -> null;
        };
    }

    private static String describeSubsystem(int subsystem) {
        return switch (subsystem) {
            case OptionalHeader.IMAGE_SUBSYSTEM_WINDOWS_CUI -> "console";
            case OptionalHeader.IMAGE_SUBSYSTEM_WINDOWS_GUI -> "gui";
            default -> "neither console nor gui";
        };
    }

    private static int subsystemOf(String setting) {
        return switch (setting.strip().toLowerCase(Locale.ROOT)) {
            case "console", "cui" -> OptionalHeader.IMAGE_SUBSYSTEM_WINDOWS_CUI;
            case "gui", "windows", "windowsgui" -> OptionalHeader.IMAGE_SUBSYSTEM_WINDOWS_GUI;
            default -> throw new IllegalArgumentException("<windowsSubsystem> is '" + setting + "'; use console or gui");
        };
    }

    private static String checkedVersion(String text) {
        String v = text.strip();
        if (!v.matches("\\d{1,5}\\.\\d{1,5}")) {
            throw new IllegalArgumentException("<minWindowsVersion> is '" + text + "'; write a Windows version like 6.1 or 10.0");
        }
        return v;
    }
}
