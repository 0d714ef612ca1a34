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
import io.gohygiene.version.GoReleaseMinimums;
import io.gohygiene.version.GoVersion;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import static io.gohygiene.version.GoReleaseMinimums.OperatingSystem.WINDOWS;

/**
 * Requires a Windows executable to be the kind of program the project ships (console or GUI subsystem) and to
 * start on the oldest Windows it supports: the subsystem version in the optional header, which the loader
 * enforces, must not be newer than {@code minWindowsVersion}; the OS version field, which the loader ignores, is
 * reported beside it. Go writes 6.1 (Windows 7) in both, even in releases that no longer support Windows 7, so
 * the Go release is checked too: a {@code minWindowsVersion} older than the release's minimum fails.
 */
public final class WindowsRule implements Rule {

    public static final String ID = "windows";

    private static final GoReleaseMinimums.Minimum OLDEST_IN_TABLE = GoReleaseMinimums.rows(WINDOWS).get(0);

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
            go.ifPresent(v -> findings.add(Finding.info(ID, "Go release support", goSupport(v), goSupportInfo(v, subsystemVersion))));
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
                            + " Go release since " + OLDEST_IN_TABLE.raisedBy().substring(3) + " supports Windows before "
                            + OLDEST_IN_TABLE.name() + ")"));
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

    /** The promise {@code <minWindowsVersion>} makes cannot be kept when the Go release needs a newer Windows. */
    private static void goRelease(List<Finding> findings, GoVersion go, String min) {
        Optional<GoReleaseMinimums.Minimum> floor = GoReleaseMinimums.of(WINDOWS, go);
        String sentence = GoReleaseMinimums.sentence(WINDOWS, go);
        if (floor.isEmpty()) {
            findings.add(Finding.info(ID, "Go release support", go.goName(), sentence));
            return;
        }
        if (DottedVersions.compare(floor.get().version(), min) > 0) {
            findings.add(Finding.problem(ID, "Go release support", goSupport(go), "≤ " + min, Verdict.FAIL,
                    sentence + ", but minWindowsVersion is " + named(min) + ": the promise to run on " + title(min)
                            + " cannot be kept with this Go release (its header says 6.1, so " + title(min)
                            + " loads it, and it may fail at start-up)",
                    "Raise <minWindowsVersion> to " + floor.get().version() + " if no machine runs older Windows, or build"
                            + " with " + GoReleaseMinimums.newestReleasesFor(WINDOWS, min)));
        } else {
            findings.add(Finding.pass(ID, "Go release support", goSupport(go), "≤ " + min));
        }
    }

    /**
     * Without {@code <minWindowsVersion>} this stays information: Go's internal linker writes subsystem 6.1 even in
     * releases that need Windows 10, and no pom setting changes that header, so a warning on every build would be noise.
     */
    private static String goSupportInfo(GoVersion go, String subsystemVersion) {
        String sentence = GoReleaseMinimums.sentence(WINDOWS, go);
        return GoReleaseMinimums.of(WINDOWS, go).filter(f -> DottedVersions.compare(f.version(), subsystemVersion) > 0)
                .map(f -> sentence + "; the header's subsystem version " + named(subsystemVersion) + " lets older Windows"
                        + " load it: set <minWindowsVersion> to the oldest Windows you support to check the promise")
                .orElse(sentence);
    }

    private static String goSupport(GoVersion go) {
        return GoReleaseMinimums.of(WINDOWS, go).map(f -> go.goName() + ": " + f.name() + " and later").orElse(go.goName());
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
