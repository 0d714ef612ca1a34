package io.gohygiene.rules;

import io.gohygiene.binary.BinaryInspector;
import io.gohygiene.binary.BinaryReport;
import io.gohygiene.finding.Finding;
import io.gohygiene.finding.Verdict;
import io.gohygiene.platform.Platform;
import io.gohygiene.platform.Target;
import io.gohygiene.report.FindingsTable;
import io.gohygiene.testing.GoBinaries;
import io.gohygiene.testing.Zig;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * What the tests of the target, linkage, libraries, glibc and cgo rules share: the real binaries they check
 * (built by {@link GoBinaries}), running a rule on a file, picking findings by subject, and readelf for the
 * values a test must not hard-code.
 */
final class RulesATestSupport {

    private static final Path ZIG_DIR = Path.of("target/test-binaries/rules-a-zig").toAbsolutePath();

    private RulesATestSupport() {
    }

    /** The tiny pure-Go program for linux/amd64: static, no build-machine paths, no GLIBC versions. */
    static Path pureGoLinuxAmd64() {
        return GoBinaries.build("linux", "amd64");
    }

    /** src/test/go/cgo built with this machine's gcc: dynamic, glibc loader, libc.so.6 with symbol versions. */
    static Path cgoGccLinuxAmd64() {
        return GoBinaries.build("cgo", "linux", "amd64", Map.of("CGO_ENABLED", "1", "CC", "gcc"));
    }

    /**
     * src/test/go/cgo linked by zig cc for x86_64-linux-musl: a statically linked cgo executable. zig builds musl
     * into its cache on first use (minutes on a small machine), so a C program warms it under Zig's long timeout
     * before go build runs under GoBinaries' shorter one.
     */
    static Path cgoZigMuslLinuxAmd64() throws IOException {
        Zig.compileC("x86_64-linux-musl", "int main(void) { return 0; }\n", ZIG_DIR, "warm-musl");
        Path cc = ZIG_DIR.resolve("cc-x86_64-linux-musl");
        Files.writeString(cc, "#!/bin/sh\nexec python3 -m ziglang cc -target x86_64-linux-musl \"$@\"\n");
        Files.setPosixFilePermissions(cc, PosixFilePermissions.fromString("rwxr-xr-x"));
        return GoBinaries.build("cgo", "linux", "amd64", Map.of("CGO_ENABLED", "1", "CC", cc.toString()));
    }

    static Optional<String> zigUnavailable() {
        return Zig.unavailableReason();
    }

    static BinaryReport inspect(Path file) {
        try {
            return BinaryInspector.inspect(file);
        } catch (Exception e) {
            throw new AssertionError("cannot inspect " + file, e);
        }
    }

    static Target target(String text) {
        return Target.parse(text);
    }

    static Target cgoTarget(String platform, Boolean cgo, String cc) {
        return new Target(Platform.parse(platform), null, cgo, cc);
    }

    /** The one finding about {@code subject}; fails with the whole table otherwise. */
    static Finding one(List<Finding> findings, String subject) {
        List<Finding> matching = findings.stream().filter(f -> f.subject().equals(subject)).toList();
        if (matching.size() != 1) {
            fail(matching.size() + " findings about '" + subject + "' in\n" + table(findings));
        }
        return matching.get(0);
    }

    static List<Finding> withVerdict(List<Finding> findings, Verdict verdict) {
        return findings.stream().filter(f -> f.verdict() == verdict).toList();
    }

    static void assertVerdict(Verdict expected, Finding finding, List<Finding> all) {
        assertEquals(expected, finding.verdict(), () -> finding.subject() + ": " + finding.message() + "\n" + table(all));
    }

    /** The findings as the build log shows them, with the explanations: for assertion messages. */
    static String table(List<Finding> findings) {
        List<String> lines = new ArrayList<>(FindingsTable.render(findings));
        findings.stream().filter(f -> f.verdict().isProblem()).forEach(f -> lines.addAll(FindingsTable.explain(f)));
        return String.join("\n", lines);
    }

    /** readelf's output for {@code file} (LC_ALL=C, wide): the reference the tests read versions from. */
    static String readelf(Path file, String... options) {
        List<String> argv = new ArrayList<>(List.of("readelf", "-W"));
        argv.addAll(List.of(options));
        argv.add(file.toString());
        try {
            ProcessBuilder pb = new ProcessBuilder(argv).redirectErrorStream(true);
            pb.environment().put("LC_ALL", "C");
            Process p = pb.start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(1, TimeUnit.MINUTES) || p.exitValue() != 0) {
                throw new AssertionError(String.join(" ", argv) + " failed: " + out);
            }
            return out;
        } catch (IOException e) {
            throw new AssertionError("cannot run readelf", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }
}
