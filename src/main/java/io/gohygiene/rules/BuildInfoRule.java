package io.gohygiene.rules;

import io.gohygiene.binary.BinaryReport;
import io.gohygiene.binary.InspectedImage;
import io.gohygiene.binary.buildinfo.BuildInfo;
import io.gohygiene.binary.buildinfo.Module;
import io.gohygiene.finding.Finding;
import io.gohygiene.finding.Verdict;
import io.gohygiene.platform.Target;
import io.gohygiene.version.GoVersion;
import io.gohygiene.version.VersionRange;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Requires a Go binary to have readable build info (when the caller says it must be one), and requires what the Go
 * build info records about how a binary was built to match a release build: the Go version
 * within {@code goVersion}, {@code -trimpath=true} when {@code trimpath} is asked for, {@code vcs.modified} not
 * {@code true} when {@code vcsClean} is, and no {@code replace} to a local directory unless
 * {@code allowLocalReplace}. Only the settings Go records are read: a {@code -trimpath} build drops {@code -ldflags}
 * and {@code CGO_*} from them, and Go before 1.18 records no settings at all.
 */
public final class BuildInfoRule implements Rule {

    public static final String ID = "buildinfo";

    @Override
    public String id() {
        return ID;
    }

    /** For a binary nobody said is Go: no build info is then information, unless Go-specific rules are configured. */
    @Override
    public List<Finding> evaluate(BinaryReport report, Target target, RuleSettings settings) {
        return evaluate(report, target, settings, false);
    }

    @Override
    public List<Finding> evaluate(BinaryReport report, Target target, RuleSettings settings, boolean goBinary) {
        List<Finding> findings = new ArrayList<>();
        for (InspectedImage image : report.images()) {
            evaluate(report, image, report.slicePrefix(image), settings, goBinary, findings);
        }
        return findings;
    }

    private void evaluate(BinaryReport report, InspectedImage image, String prefix, RuleSettings settings, boolean goBinary,
                          List<Finding> findings) {
        if (image.buildInfoError().isPresent()) {
            // The magic says Go wrote a blob here, whatever the caller knows: a damaged one fails either way.
            String why = image.buildInfoError().get().reason();
            findings.add(Finding.problem(ID, prefix + "build info", "unreadable: " + why, "Go build info", Verdict.FAIL,
                    report.file().getFileName() + " has Go build info that cannot be read: " + why + " (file offset "
                            + image.buildInfoError().get().offset() + "); go build writes it whole, so the file was damaged"
                            + " or rewritten after the build",
                    "Verify the file go build wrote, before any step that rewrites it (strip, a packer, a byte patch);"
                            + " go version -m <file> shows what Go reads"));
            return;
        }
        if (image.buildInfo().isEmpty() && goBinary) {
            String why = MissingBuildInfo.why(image.executable());
            findings.add(Finding.problem(ID, prefix + "build info", "none: " + why, "Go build info", Verdict.FAIL,
                    report.file().getFileName() + " must be a Go binary but has no readable Go build info: " + why
                            + "; go build always writes it, so the file was damaged or rewritten after the build",
                    "Verify the file go build wrote, before any step that rewrites it (strip, a packer, a byte patch);"
                            + " go version -m <file> shows what Go reads. If the file is not a Go program, do not declare it as Go"));
            return;
        }
        if (image.buildInfo().isEmpty()) {
            noBuildInfo(findings, prefix, settings);
            return;
        }
        BuildInfo info = image.buildInfo().get();
        goVersion(findings, prefix, info, settings.goVersion());
        trimpath(findings, prefix, info, settings.trimpath());
        vcs(findings, prefix, info, settings.vcsClean());
        replaces(findings, prefix, info, settings.allowLocalReplace());
    }

    private static void noBuildInfo(List<Finding> findings, String prefix, RuleSettings settings) {
        List<String> asked = new ArrayList<>();
        settings.goVersion().ifPresent(r -> asked.add("goVersion " + r));
        if (settings.trimpath()) {
            asked.add("trimpath");
        }
        if (settings.vcsClean()) {
            asked.add("vcsClean");
        }
        if (!settings.allowLocalReplace()) {
            asked.add("allowLocalReplace=false");
        }
        if (asked.isEmpty()) {
            findings.add(Finding.info(ID, prefix + "build info", "none",
                    "no Go build info: not a Go binary, or the build info was stripped; nothing Go-specific is configured"));
        } else {
            findings.add(Finding.problem(ID, prefix + "build info", "none", "Go build info", Verdict.FAIL,
                    "not a Go binary or build info stripped: cannot check " + String.join(", ", asked),
                    "Verify the binary go build produced, before any tool that rewrites it; go version -m <file> shows"
                            + " the build info when it is there"));
        }
    }

    private static void goVersion(List<Finding> findings, String prefix, BuildInfo info, Optional<VersionRange> range) {
        String subject = prefix + "Go version";
        Optional<GoVersion> version = GoVersion.find(info.goVersion());
        if (range.isEmpty()) {
            findings.add(Finding.info(ID, subject, info.goVersion(), "built by " + info.goVersion()
                    + "; set <goVersion> to a range like [1.22,) to check it"));
        } else if (version.isEmpty()) {
            findings.add(Finding.problem(ID, subject, info.goVersion(), range.get().toString(), Verdict.WARN,
                    "cannot tell whether '" + info.goVersion() + "' is in " + range.get() + ": it names no Go release",
                    "Build with a released Go toolchain (a development build of go records no release number)"));
        } else if (range.get().contains(version.get())) {
            findings.add(Finding.pass(ID, subject, info.goVersion(), range.get().toString()));
        } else {
            findings.add(Finding.problem(ID, subject, info.goVersion(), range.get().toString(), Verdict.FAIL,
                    "built by " + info.goVersion() + ", which is not in goVersion " + range.get(),
                    "Build with a Go release in " + range.get() + ": set GOTOOLCHAIN or the toolchain line of go.mod,"
                            + " or install that release"));
        }
    }

    private static void trimpath(List<Finding> findings, String prefix, BuildInfo info, boolean required) {
        String subject = prefix + "-trimpath";
        Optional<String> value = info.setting("-trimpath");
        String seen = value.map(v -> "-trimpath=" + v).orElse(info.settings().isEmpty() ? "no build settings recorded" : "absent");
        if (!required) {
            findings.add(Finding.info(ID, subject, seen, value.filter("true"::equals).isPresent()
                    ? "built with -trimpath: no build-machine paths in the binary"
                    : "built without -trimpath: file paths of the build machine are embedded"));
        } else if (value.filter("true"::equals).isPresent()) {
            findings.add(Finding.pass(ID, subject, seen, "-trimpath=true"));
        } else if (info.settings().isEmpty()) {
            findings.add(Finding.problem(ID, subject, seen, "-trimpath=true", Verdict.WARN,
                    "cannot tell whether " + info.goVersion() + " built it with -trimpath: the build info records no"
                            + " build settings (Go records them since 1.18)",
                    "Build with Go 1.18 or later and -trimpath, so the binary says how it was built"));
        } else {
            findings.add(Finding.problem(ID, subject, seen, "-trimpath=true", Verdict.FAIL,
                    "built without -trimpath: the binary embeds the build machine's file paths and is not reproducible",
                    "Build with go build -trimpath (or GOFLAGS=-trimpath)"));
        }
    }

    private static void vcs(List<Finding> findings, String prefix, BuildInfo info, boolean clean) {
        String subject = prefix + "vcs.modified";
        Optional<String> modified = info.setting("vcs.modified");
        String revision = info.setting("vcs.revision").map(r -> " at " + info.setting("vcs").orElse("vcs") + " revision " + r).orElse("");
        String seen = modified.map(v -> "vcs.modified=" + v).orElse("no vcs information recorded");
        if (!clean) {
            findings.add(Finding.info(ID, subject, seen, modified.isPresent()
                    ? "built" + revision + (modified.get().equals("true") ? " with uncommitted changes" : " from a clean tree")
                    : "the binary does not say which commit it was built from"));
        } else if (modified.isEmpty()) {
            findings.add(Finding.problem(ID, subject, seen, "vcs.modified=false", Verdict.WARN,
                    "cannot tell whether the tree was clean: the build info records no vcs information (built with"
                            + " -buildvcs=false, outside a repository, from a git worktree, or by Go before 1.18)",
                    "Build from a repository checkout with -buildvcs=true (or GOFLAGS=-buildvcs=true);"
                            + " cmd/go does not recognise a git worktree, whose .git is a file"));
        } else if (modified.get().equals("true")) {
            findings.add(Finding.problem(ID, subject, seen, "vcs.modified=false", Verdict.FAIL,
                    "built" + revision + " with uncommitted changes: the binary matches no commit",
                    "Commit or stash the changes (git status shows them), then rebuild"));
        } else {
            findings.add(Finding.pass(ID, subject, seen + revision, "vcs.modified=false"));
        }
    }

    private static void replaces(List<Finding> findings, String prefix, BuildInfo info, boolean allowLocal) {
        String subject = prefix + "replace";
        List<Module> local = info.deps().stream().filter(m -> m.replace().filter(BuildInfoRule::isLocalDirectory).isPresent()).toList();
        if (local.isEmpty()) {
            if (!allowLocal) {
                findings.add(Finding.pass(ID, subject, "no replace to a local directory", "no replace to a local directory"));
            } else {
                findings.add(Finding.info(ID, subject, "no replace to a local directory", "no dependency comes from a local directory"));
            }
            return;
        }
        for (Module m : local) {
            String seen = m.path() + " => " + m.replace().get().path();
            if (allowLocal) {
                findings.add(Finding.info(ID, subject + " " + m.path(), seen,
                        "allowed by allowLocalReplace: the binary contains code from a directory of the build machine"));
            } else {
                findings.add(Finding.problem(ID, subject + " " + m.path(), seen, "no replace to a local directory", Verdict.FAIL,
                        "module " + m.path() + " is replaced by the local directory " + m.replace().get().path()
                                + ": the release contains code that is in no published module version",
                        "Publish " + m.path() + " and require that version, or remove the replace directive from go.mod"
                                + " for release builds (a go.work file keeps local development working)"));
            }
        }
    }

    /**
     * As cmd/go's modfile.IsDirectoryPath: a replacement path that is relative ({@code ./x}, {@code ../x}, with either
     * slash) or absolute names a directory; such replacements have no version (or {@code (devel)}).
     */
    static boolean isLocalDirectory(Module replacement) {
        String path = replacement.path();
        boolean directory = path.startsWith("./") || path.startsWith("../") || path.startsWith(".\\") || path.startsWith("..\\")
                || path.startsWith("/") || path.startsWith("\\") || path.equals(".") || path.equals("..")
                || path.matches("[A-Za-z]:[\\\\/].*");
        return directory && (replacement.version().isEmpty() || replacement.version().equals("(devel)"));
    }
}
