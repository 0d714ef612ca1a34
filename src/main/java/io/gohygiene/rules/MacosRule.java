package io.gohygiene.rules;

import io.gohygiene.binary.BinaryReport;
import io.gohygiene.binary.InspectedImage;
import io.gohygiene.binary.buildinfo.BuildInfo;
import io.gohygiene.binary.macho.MachoFile;
import io.gohygiene.finding.Finding;
import io.gohygiene.finding.Verdict;
import io.gohygiene.platform.Target;
import io.gohygiene.version.DottedVersions;
import io.gohygiene.version.GoVersion;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Requires every macOS image (each slice of a universal file) to start on the oldest macOS the fleet runs: its
 * minimum OS version ({@code minos} of LC_BUILD_VERSION, else LC_VERSION_MIN_MACOSX) must not be newer than
 * {@code maxMacos}, and the Go release that built it must support that macOS. The code signature is
 * {@link CodeSignatureRule}'s.
 */
public final class MacosRule implements Rule {

    public static final String ID = "macos";

    /** No macOS before 11 runs on Apple Silicon. */
    static final String APPLE_SILICON_FLOOR = "11.0";

    /** The minimum macOS of Go releases {@code first}..{@code last} (DESIGN.md, errata; the Go release notes). */
    private record GoFloor(int first, int last, String macos) {
    }

    private static final List<GoFloor> GO_FLOORS = List.of(new GoFloor(17, 20, "10.13"), new GoFloor(21, 22, "10.15"),
            new GoFloor(23, 24, "11"), new GoFloor(25, 26, "12"));

    @Override
    public String id() {
        return ID;
    }

    @Override
    public List<Finding> evaluate(BinaryReport report, Target target, RuleSettings settings) {
        Optional<String> max = settings.maxMacos().map(v -> checkedVersion(v, "<maxMacos>"));
        List<Finding> findings = new ArrayList<>();
        for (InspectedImage image : report.images()) {
            if (image.executable() instanceof MachoFile macho && macho.goos().equals("darwin")) {
                String prefix = report.slicePrefix(image);
                Optional<GoVersion> go = image.buildInfo().map(BuildInfo::goVersion).flatMap(GoVersion::find);
                minimumVersion(findings, prefix, macho, go, max);
            }
        }
        if (findings.isEmpty()) {
            findings.add(Finding.skip(ID, "macOS", report.describe() + ": not a macOS binary"));
        }
        return findings;
    }

    private static void minimumVersion(List<Finding> findings, String prefix, MachoFile macho, Optional<GoVersion> go,
                                       Optional<String> max) {
        String subject = prefix + "minos";
        boolean arm64 = macho.goarch().equals("arm64");
        Optional<String> recorded = macho.minimumOsVersion();
        String source = macho.buildVersion().isPresent() ? "LC_BUILD_VERSION" : "LC_VERSION_MIN_MACOSX";
        String goText = go.map(v -> "; " + goFloorSentence(v)).orElse("; no Go build info tells which release built it");
        if (recorded.isEmpty() && !arm64) {
            String why = "no LC_BUILD_VERSION or LC_VERSION_MIN_MACOSX: the image does not say which macOS it needs";
            if (max.isEmpty()) {
                findings.add(Finding.info(ID, subject, "not recorded", why + goText));
            } else {
                findings.add(Finding.problem(ID, subject, "not recorded", "≤ " + max.get(), Verdict.WARN,
                        "cannot tell whether it starts on macOS " + max.get() + ": " + why + goText,
                        "Rebuild with a current Go release, whose linker writes LC_BUILD_VERSION."));
            }
            return;
        }
        String minos = recorded.orElse(APPLE_SILICON_FLOOR);
        String seen = recorded.isPresent() ? minos + " (" + source + ")"
                : minos + " (inferred: no version load command, and no macOS before 11 runs on Apple Silicon)";
        if (max.isEmpty()) {
            findings.add(Finding.info(ID, subject, seen, "starts on macOS " + minos + " and later" + goText
                    + "; set <maxMacos> to the oldest macOS your machines run to check it"));
            return;
        }
        if (compareVersions(minos, max.get()) > 0) {
            findings.add(Finding.problem(ID, subject, seen, "≤ " + max.get(), Verdict.FAIL,
                    "the " + macho.goarch() + " image needs macOS " + minos + " (minos) but maxMacos is " + max.get()
                            + ": it will not start on macOS " + max.get() + goText,
                    raiseHint(go, max.get(), arm64)));
            return;
        }
        findings.add(Finding.pass(ID, subject, seen, "≤ " + max.get()));
        go.ifPresent(v -> goSupport(findings, prefix, v, minos, max.get(), arm64));
    }

    /**
     * The header's minos is what the loader enforces, but the Go runtime may need more: go1.22 writes minos 10.13
     * while Go 1.21 raised its supported minimum to 10.15.
     */
    private static void goSupport(List<Finding> findings, String prefix, GoVersion go, String minos, String max, boolean arm64) {
        Optional<String> floor = goFloor(go).map(f -> arm64 && compareVersions(f, APPLE_SILICON_FLOOR) < 0 ? APPLE_SILICON_FLOOR : f);
        String subject = prefix + "Go release support";
        if (floor.isEmpty()) {
            findings.add(Finding.info(ID, subject, go.goName(), goFloorSentence(go)));
            return;
        }
        String seen = go.goName() + ": macOS " + floor.get() + " and later";
        if (compareVersions(floor.get(), max) > 0) {
            findings.add(Finding.problem(ID, subject, seen, "≤ " + max, Verdict.WARN,
                    goFloorSentence(go) + ", but maxMacos is " + max + ": the header's minos " + minos
                            + " lets it start there, where that Go release is not supported and may fail at run time",
                    raiseHint(Optional.of(go), max, arm64)));
        } else {
            findings.add(Finding.pass(ID, subject, seen, "≤ " + max));
        }
    }

    private static String raiseHint(Optional<GoVersion> go, String max, boolean arm64) {
        if (arm64 && compareVersions(max, APPLE_SILICON_FLOOR) < 0) {
            return "No macOS before 11 runs on Apple Silicon: drop darwin/arm64 for machines on macOS " + max
                    + ", or raise <maxMacos> to 11.0 for this target.";
        }
        if (go.isPresent() && goFloor(go.get()).filter(f -> compareVersions(f, max) > 0).isPresent()) {
            return "Build with " + newestGoFor(max) + ", or raise <maxMacos> if no machine runs macOS older than the minimum.";
        }
        return "The Go release allows macOS " + max + ", so the minimum came from the link: for cgo builds set"
                + " MACOSX_DEPLOYMENT_TARGET=" + max + " (clang -mmacosx-version-min), or raise <maxMacos>.";
    }

    /** "go1.26.8 requires macOS 12 or later (Go 1.25 raised the minimum to 12)". */
    static String goFloorSentence(GoVersion go) {
        int minor = go.numbers().size() > 1 ? go.numbers().get(1) : 0;
        if (go.numbers().get(0) != 1 || minor < GO_FLOORS.get(0).first()) {
            return go.goName() + " predates Go 1.17, the first release in this plugin's table of macOS minimums";
        }
        GoFloor last = GO_FLOORS.get(GO_FLOORS.size() - 1);
        if (minor > last.last()) {
            return go.goName() + " requires at least macOS " + last.macos() + " (Go 1." + last.first() + " raised the minimum to "
                    + last.macos() + "; this plugin's table ends at Go 1." + last.last() + ")";
        }
        GoFloor floor = GO_FLOORS.stream().filter(f -> minor >= f.first() && minor <= f.last()).findFirst().orElseThrow();
        return go.goName() + " requires macOS " + floor.macos() + " or later (Go 1." + floor.first() + " raised the minimum to "
                + floor.macos() + ")";
    }

    /** The documented minimum macOS of a Go release, when the table knows it (a lower bound for newer releases). */
    private static Optional<String> goFloor(GoVersion go) {
        int minor = go.numbers().size() > 1 ? go.numbers().get(1) : 0;
        if (go.numbers().get(0) != 1 || minor < GO_FLOORS.get(0).first()) {
            return Optional.empty();
        }
        return Optional.of(GO_FLOORS.stream().filter(f -> minor >= f.first() && minor <= f.last()).findFirst()
                .orElse(GO_FLOORS.get(GO_FLOORS.size() - 1)).macos());
    }

    /** "Go 1.24 or older (the newest releases that support macOS 11)". */
    private static String newestGoFor(String max) {
        for (int i = GO_FLOORS.size() - 1; i >= 0; i--) {
            GoFloor floor = GO_FLOORS.get(i);
            if (compareVersions(floor.macos(), max) <= 0) {
                return "Go 1." + floor.last() + " or older (Go 1." + floor.first() + "–1." + floor.last() + " support macOS "
                        + floor.macos() + ")";
            }
        }
        return "Go 1.16 or older (Go 1.17 raised the minimum to 10.13)";
    }

    static int compareVersions(String a, String b) {
        return DottedVersions.compare(a, b);
    }

    private static String checkedVersion(String text, String setting) {
        String v = text.strip();
        if (!v.matches("\\d{1,6}(\\.\\d{1,6}){0,2}")) {
            throw new IllegalArgumentException(setting + " is '" + text + "'; write a macOS version like 12.0 or 10.15");
        }
        return v;
    }
}
