package io.gohygiene.rules;

import io.gohygiene.binary.BinaryReport;
import io.gohygiene.binary.InspectedImage;
import io.gohygiene.binary.buildinfo.BuildInfo;
import io.gohygiene.binary.macho.MachoFile;
import io.gohygiene.finding.Finding;
import io.gohygiene.finding.Verdict;
import io.gohygiene.platform.Target;
import io.gohygiene.version.DottedVersions;
import io.gohygiene.version.GoReleaseMinimums;
import io.gohygiene.version.GoVersion;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static io.gohygiene.version.GoReleaseMinimums.OperatingSystem.MACOS;

/**
 * Requires every macOS image (each slice of a universal file) to start on the oldest macOS the fleet runs: its
 * minimum OS version ({@code minos} of LC_BUILD_VERSION, else LC_VERSION_MIN_MACOSX) must not be newer than
 * {@code maxMacos}, and the Go release that built it must support that macOS (it fails when {@code maxMacos} is
 * older than the release's minimum, and warns when the header's minos is: the loader would start it where the
 * runtime is unsupported). The code signature is {@link CodeSignatureRule}'s.
 */
public final class MacosRule implements Rule {

    public static final String ID = "macos";

    /** No macOS before 11 runs on Apple Silicon. */
    static final String APPLE_SILICON_FLOOR = "11.0";

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
                minimumVersion(findings, prefix, image, macho, go, max);
            }
        }
        if (findings.isEmpty()) {
            findings.add(Finding.skip(ID, "macOS", report.describe() + ": not a macOS binary"));
        }
        return findings;
    }

    private static void minimumVersion(List<Finding> findings, String prefix, InspectedImage image, MachoFile macho,
                                       Optional<GoVersion> go, Optional<String> max) {
        String subject = prefix + "minos";
        boolean arm64 = macho.goarch().equals("arm64");
        Optional<String> recorded = macho.minimumOsVersion();
        String source = macho.buildVersion().isPresent() ? "LC_BUILD_VERSION" : "LC_VERSION_MIN_MACOSX";
        String goText = go.map(v -> "; " + GoReleaseMinimums.sentence(MACOS, v))
                .orElse("; no Go build info tells which release built it");
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
        } else if (compareVersions(minos, max.get()) > 0) {
            findings.add(Finding.problem(ID, subject, seen, "≤ " + max.get(), Verdict.FAIL,
                    "the " + macho.goarch() + " image needs macOS " + minos + " (minos) but maxMacos is " + max.get()
                            + ": it will not start on macOS " + max.get() + goText,
                    raiseHint(go, max.get(), arm64)));
            return;
        } else {
            findings.add(Finding.pass(ID, subject, seen, "≤ " + max.get()));
        }
        boolean cgo = image.buildInfo().flatMap(b -> b.setting("CGO_ENABLED")).filter("1"::equals).isPresent();
        go.ifPresent(v -> goSupport(findings, prefix, v, minos, max, arm64, cgo));
    }

    /**
     * The header's minos is what the loader enforces, but the Go runtime may need more: go1.22 writes minos 10.13
     * though Go 1.21 raised its minimum to 10.15, and zig writes whatever {@code <macos>} says.
     */
    private static void goSupport(List<Finding> findings, String prefix, GoVersion go, String minos, Optional<String> max,
                                  boolean arm64, boolean cgo) {
        Optional<String> floor = GoReleaseMinimums.of(MACOS, go).map(GoReleaseMinimums.Minimum::version)
                .map(f -> arm64 && compareVersions(f, APPLE_SILICON_FLOOR) < 0 ? APPLE_SILICON_FLOOR : f);
        String subject = prefix + "Go release support";
        String sentence = GoReleaseMinimums.sentence(MACOS, go);
        if (floor.isEmpty()) {
            max.ifPresent(m -> findings.add(Finding.info(ID, subject, go.goName(), sentence)));
            return;
        }
        String seen = go.goName() + ": macOS " + floor.get() + " and later";
        String expected = max.map(m -> "≤ " + m).orElse("≤ minos " + minos);
        boolean headerTooOld = compareVersions(floor.get(), minos) > 0;
        String header = headerTooOld ? "; the binary says minos " + minos + ", so macOS " + minos
                + " starts it where that Go release is not supported and may fail at run time" : "";
        if (max.isPresent() && compareVersions(floor.get(), max.get()) > 0) {
            findings.add(Finding.problem(ID, subject, seen, expected, Verdict.FAIL,
                    sentence + ", but maxMacos is " + max.get() + ": the promise to run on macOS " + max.get()
                            + " cannot be kept with this Go release" + header,
                    headerTooOld && cgo ? "Raise <maxMacos> and <macos> on this darwin target to " + floor.get()
                            + " if no machine runs older macOS, or build this target with "
                            + GoReleaseMinimums.newestReleasesFor(MACOS, max.get()) + "."
                            : raiseHint(Optional.of(go), max.get(), arm64)));
        } else if (headerTooOld) {
            findings.add(Finding.problem(ID, subject, seen, expected, Verdict.WARN, sentence + header,
                    cgo ? "Set <macos>" + floor.get() + "</macos> (or higher) on this darwin target, so the header says what "
                            + go.goName() + " needs (without zig: MACOSX_DEPLOYMENT_TARGET=" + floor.get() + " for the C linker)."
                            : go.goName() + "'s own linker wrote minos " + minos + " and no pom setting changes it: build with"
                            + " a newer Go release, or waive the macos rule for this binary (<waivers>) if no machine runs"
                            + " macOS older than " + floor.get() + "."));
        } else if (max.isPresent()) {
            findings.add(Finding.pass(ID, subject, seen, expected));
        }
    }

    private static String raiseHint(Optional<GoVersion> go, String max, boolean arm64) {
        if (arm64 && compareVersions(max, APPLE_SILICON_FLOOR) < 0) {
            return "No macOS before 11 runs on Apple Silicon: drop darwin/arm64 for machines on macOS " + max
                    + ", or raise <maxMacos> to 11.0 for this target.";
        }
        Optional<String> floor = go.flatMap(v -> GoReleaseMinimums.of(MACOS, v)).map(GoReleaseMinimums.Minimum::version);
        if (floor.filter(f -> compareVersions(f, max) > 0).isPresent()) {
            return "Raise <maxMacos> to " + floor.get() + " if no machine runs older macOS, or build this target with "
                    + GoReleaseMinimums.newestReleasesFor(MACOS, max) + ".";
        }
        return "The Go release allows macOS " + max + ", so the minimum came from the link: set <macos>" + max
                + "</macos> on this darwin target (zig; MACOSX_DEPLOYMENT_TARGET=" + max + " for another C linker),"
                + " or raise <maxMacos>.";
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
