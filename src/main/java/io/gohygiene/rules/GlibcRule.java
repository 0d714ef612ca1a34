package io.gohygiene.rules;

import io.gohygiene.binary.InspectedImage;
import io.gohygiene.binary.elf.ElfFile;
import io.gohygiene.binary.elf.SymbolVersion;
import io.gohygiene.binary.elf.VersionNeed;
import io.gohygiene.binary.elf.VersionNeedAux;
import io.gohygiene.finding.Finding;
import io.gohygiene.finding.Verdict;
import io.gohygiene.platform.Architectures;
import io.gohygiene.platform.Target;
import io.gohygiene.version.DottedVersions;

import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The newest glibc (GLIBC_x.y) and libstdc++ (GLIBCXX_x.y.z) an ELF executable needs, from its
 * {@code .gnu.version_r}, against {@code <maxGlibc>} and {@code <maxGlibcxx>}. Versions compare numerically
 * (2.3.2 is older than 2.17), and the message names the symbols that need the newest version: that is what a
 * person looks up to decide how to lower it.
 */
public final class GlibcRule implements ImageRule {

    public static final String ID = "glibc";

    private static final Pattern NUMERIC = Pattern.compile("\\d+(\\.\\d+)*");
    private static final int SYMBOLS_NAMED = 3;

    /** One kind of versioned library: glibc or libstdc++. */
    private record Family(String prefix, String setting, String library) {
    }

    private static final Family GLIBC = new Family("GLIBC_", "maxGlibc", "glibc");
    private static final Family GLIBCXX = new Family("GLIBCXX_", "maxGlibcxx", "libstdc++");

    @Override
    public String id() {
        return ID;
    }

    @Override
    public void evaluate(InspectedImage image, String prefix, Target target, RuleSettings settings, List<Finding> findings) {
        if (!(image.executable() instanceof ElfFile elf)) {
            findings.add(Finding.skip(ID, prefix + "GLIBC", "a " + image.executable().goos() + " " + image.executable().format()
                    + " image: GLIBC versions exist only in ELF files"));
            return;
        }
        check(elf, GLIBC, settings.maxGlibc(), target, prefix, findings);
        if (settings.maxGlibcxx().isPresent() || !needed(elf, GLIBCXX).isEmpty()) {
            check(elf, GLIBCXX, settings.maxGlibcxx(), target, prefix, findings);
        }
    }

    private static void check(ElfFile elf, Family family, Optional<String> max, Target target, String prefix, List<Finding> findings) {
        String subject = prefix + family.prefix().substring(0, family.prefix().length() - 1);
        String expected = max.map(m -> "≤ " + family.prefix() + strip(family, m)).orElse("");
        if (max.isPresent() && !NUMERIC.matcher(strip(family, max.get())).matches()) {
            findings.add(Finding.problem(ID, subject, "<" + family.setting() + ">" + max.get() + "</" + family.setting() + ">",
                    "a version", Verdict.FAIL, "<" + family.setting() + "> is '" + max.get() + "', which is not a version",
                    "write <" + family.setting() + "> as numbers and dots, e.g. " + (family == GLIBC ? "2.28" : "3.4.25")));
            return;
        }
        List<String> versions = needed(elf, family);
        if (versions.isEmpty()) {
            findings.add(Finding.pass(ID, subject, "needs no " + family.prefix().replace("_", "") + " version", expected));
            return;
        }
        String highest = versions.stream().max(Comparator.comparing(v -> v, GlibcRule::compare)).orElseThrow();
        String seen = highest + " (" + evidence(elf, highest) + ")";
        if (max.isEmpty()) {
            findings.add(Finding.info(ID, subject, seen, "the binary needs " + family.library() + " "
                    + highest.substring(family.prefix().length()) + " or newer; set <" + family.setting() + "> to enforce a ceiling"));
            return;
        }
        String ceiling = strip(family, max.get());
        if (compare(highest, family.prefix() + ceiling) <= 0) {
            findings.add(Finding.pass(ID, subject, seen, expected));
            return;
        }
        List<String> over = versions.stream().filter(v -> compare(v, family.prefix() + ceiling) > 0)
                .sorted(GlibcRule::compare).toList();
        if (over.size() > 1) {
            seen += "; also over " + ceiling + ": " + String.join(", ", over.subList(0, over.size() - 1));
        }
        findings.add(Finding.problem(ID, subject, seen, expected, Verdict.FAIL,
                "needs " + highest + " (" + evidence(elf, highest) + "); " + family.setting() + " is " + ceiling,
                family == GLIBC
                        ? "build in an older sysroot (<sysroot> on the target), or with <cc>zig</cc><glibc>" + ceiling + "</glibc> on the"
                                + " target (zig cc -target " + zigTriple(target.goarch(), "gnu") + "." + ceiling
                                + "), or set <cgo>false</cgo> on the target (CGO_ENABLED=0: no C library at all)"
                        : "build in an older sysroot (<sysroot> on the target) whose libstdc++ provides at most GLIBCXX_" + ceiling
                                + ", or link libstdc++ statically (<cgoFlags><CGO_LDFLAGS>-static-libstdc++</CGO_LDFLAGS></cgoFlags>)"));
    }

    /** Every numeric version of the family the file needs, from the version needs and the symbols bound to them. */
    private static List<String> needed(ElfFile elf, Family family) {
        Set<String> versions = new LinkedHashSet<>();
        for (VersionNeed need : elf.versionNeeds()) {
            for (VersionNeedAux aux : need.versions()) {
                versions.add(aux.name());
            }
        }
        elf.importedSymbolVersions().forEach(s -> versions.add(s.version()));
        return versions.stream().filter(v -> v.startsWith(family.prefix())
                && NUMERIC.matcher(v.substring(family.prefix().length())).matches()).toList();
    }

    /** {@code from __libc_start_main in libc.so.6}: the symbols bound to {@code version}, in .dynsym order. */
    private static String evidence(ElfFile elf, String version) {
        List<SymbolVersion> symbols = elf.importedSymbolVersions().stream().filter(s -> s.version().equals(version)).toList();
        if (symbols.isEmpty()) {
            List<String> libraries = elf.versionNeeds().stream()
                    .filter(n -> n.versions().stream().anyMatch(a -> a.name().equals(version))).map(VersionNeed::file).toList();
            return "a version need of " + String.join(", ", libraries);
        }
        List<String> names = symbols.stream().map(SymbolVersion::symbol).distinct().toList();
        List<String> libraries = symbols.stream().map(SymbolVersion::library).distinct().toList();
        String named = String.join(", ", names.subList(0, Math.min(SYMBOLS_NAMED, names.size())))
                + (names.size() > SYMBOLS_NAMED ? " and " + (names.size() - SYMBOLS_NAMED) + " more" : "");
        return "from " + named + " in " + String.join(", ", libraries);
    }

    /** {@code GLIBC_2.3.2} against {@code GLIBC_2.17}: the versions after the prefix, numerically. */
    static int compare(String a, String b) {
        return DottedVersions.compare(a.substring(a.indexOf('_') + 1), b.substring(b.indexOf('_') + 1));
    }

    /** The setting may be written {@code 2.17} or {@code GLIBC_2.17}. */
    private static String strip(Family family, String value) {
        String v = value.strip();
        return v.startsWith(family.prefix()) ? v.substring(family.prefix().length()) : v;
    }

    /**
     * zig's target triple for a GOARCH on Linux with {@code abi} gnu or musl: {@code x86_64-linux-gnu},
     * {@code arm-linux-musleabihf}. Shared with the linkage rule's hints.
     */
    static String zigTriple(String goarch, String abi) {
        String arch = Architectures.tripleArch(goarch).orElse(goarch);
        return arch + "-linux-" + abi + (goarch.equals("arm") ? "eabihf" : "");
    }
}
