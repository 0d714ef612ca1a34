package io.gohygiene.rules;

import io.gohygiene.binary.BinaryFormatException;
import io.gohygiene.binary.BinaryInspector;
import io.gohygiene.binary.BinaryReport;
import io.gohygiene.finding.Finding;
import io.gohygiene.finding.Verdict;
import io.gohygiene.process.CommandLine;
import io.gohygiene.process.ProcessResult;
import io.gohygiene.process.ProcessRunner;
import io.gohygiene.testing.BinaryFiles;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/** Helpers for the macos, windows, buildinfo and hardening rule tests: inspect real binaries, pick rows, damage copies. */
final class RulesBTestSupport {

    private RulesBTestSupport() {
    }

    static BinaryReport inspect(Path file) {
        try {
            return BinaryInspector.inspect(file);
        } catch (BinaryFormatException e) {
            throw new AssertionError("cannot inspect " + file + ": " + e.getMessage(), e);
        }
    }

    /** The one row about {@code subject}; fails listing every row when there is none or more than one. */
    static Finding row(List<Finding> findings, String subject) {
        List<Finding> rows = findings.stream().filter(f -> f.subject().equals(subject)).toList();
        if (rows.size() != 1) {
            fail("expected one row about '" + subject + "', found " + rows.size() + " in:\n" + table(findings));
        }
        return rows.get(0);
    }

    static void assertVerdict(Verdict expected, List<Finding> findings, String subject) {
        assertEquals(expected, row(findings, subject).verdict(), () -> "verdict of '" + subject + "' in:\n" + table(findings));
    }

    static List<Finding> problems(List<Finding> findings) {
        return findings.stream().filter(f -> f.verdict().isProblem()).toList();
    }

    static void assertNoProblems(List<Finding> findings) {
        assertTrue(problems(findings).isEmpty(), () -> "expected no WARN or FAIL in:\n" + table(findings));
    }

    /** Every row names the rule and says what was seen. */
    static void assertWellFormed(Rule rule, List<Finding> findings) {
        assertTrue(!findings.isEmpty(), "a rule reports at least one row");
        for (Finding f : findings) {
            assertEquals(rule.id(), f.check(), () -> "check of " + f);
            assertTrue(!f.subject().isBlank() && !f.seen().isBlank(), () -> "subject and seen of " + f);
            if (f.verdict() == Verdict.PASS || f.verdict().isProblem()) {
                assertTrue(!f.expected().isBlank(), () -> "expected of " + f);
            }
        }
    }

    static void assertContainsAll(String text, String... parts) {
        for (String part : parts) {
            assertTrue(text.contains(part), () -> "'" + part + "' not in: " + text);
        }
    }

    static String table(List<Finding> findings) {
        return findings.stream().map(f -> String.format("  %-6s %-34s seen=%s expected=%s %s %s", f.verdict().label(), f.subject(),
                f.seen(), f.expected(), f.message(), f.hint().isEmpty() ? "" : "[hint: " + f.hint() + "]"))
                .collect(Collectors.joining("\n"));
    }

    /** A copy of {@code source} named {@code name} in {@code dir}, with {@code edit} applied to its bytes. */
    static Path patchedCopy(Path source, Path dir, String name, ByteOrder order, Consumer<ByteBuffer> edit) {
        return BinaryFiles.patched(source, dir.resolve(name), order, edit);
    }

    /** A fresh git repository (not a worktree: cmd/go ignores a .git file) holding a copy of a program under src/test/go. */
    static Path gitRepository(Path dir, String program) {
        Path repo = dir.resolve(program);
        Path from = Path.of("src/test/go", program);
        try (Stream<Path> files = Files.walk(from)) {
            for (Path f : files.toList()) {
                Path target = repo.resolve(from.relativize(f).toString());
                if (Files.isDirectory(f)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(f, target);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        git(repo, "init", "-q");
        git(repo, "add", ".");
        git(repo, "-c", "user.name=test", "-c", "user.email=test@example.com", "commit", "-q", "-m", program);
        return repo;
    }

    static String git(Path dir, String... args) {
        List<String> argv = new ArrayList<>(List.of("git"));
        argv.addAll(List.of(args));
        try {
            ProcessResult r = new ProcessRunner().run(CommandLine.inheriting(argv, Map.of(), dir, Duration.ofMinutes(1)));
            assertEquals(0, r.exitCode(), () -> String.join(" ", argv) + ": " + r.diagnostics());
            return r.stdout();
        } catch (Exception e) {
            throw new AssertionError(String.join(" ", argv) + " failed", e);
        }
    }
}
