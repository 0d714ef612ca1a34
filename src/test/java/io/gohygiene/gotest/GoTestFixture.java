package io.gohygiene.gotest;

import io.gohygiene.testing.GoOnPath;
import io.gohygiene.testing.TestTrees;

import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The fixture module src/test/resources/gotest/fixture (example.com/gotestfixture) copied out and run with the real
 * {@code go test -json}: the events every test here reads are go's own, recorded fresh each run.
 */
final class GoTestFixture {

    static final Path SOURCE = Path.of("src/test/resources/gotest/fixture").toAbsolutePath();
    static final String MODULE = "example.com/gotestfixture";

    private GoTestFixture() {
    }

    /** Copies the fixture to {@code <into>/fixture} and returns the copy. */
    static Path copy(Path into) throws IOException {
        Path module = into.resolve("fixture");
        TestTrees.copy(SOURCE, module);
        return module;
    }

    /** The bytes {@code go test -json <extra> ./...} (or the packages {@code extra} names, {@code ./x}) printed on stdout (stderr kept apart: it is not events). */
    static byte[] run(Path module, String... extra) throws IOException, InterruptedException {
        return run(module, Map.of(), false, extra);
    }

    /**
     * As {@link #run(Path, String...)} with {@code GODEBUG=gotestjsonbuildtext=1}, stderr merged into stdout: the
     * stream as Go before 1.24 printed it, the compiler's errors as plain lines between the events.
     */
    static byte[] runWithBuildErrorsAsText(Path module, String... extra) throws IOException, InterruptedException {
        return run(module, Map.of("GODEBUG", "gotestjsonbuildtext=1"), true, extra);
    }

    /** As {@link #run(Path, String...)} with {@code moreEnv} added to go's environment. */
    static byte[] run(Path module, Map<String, String> moreEnv, String... extra) throws IOException, InterruptedException {
        return run(module, moreEnv, false, extra);
    }

    private static byte[] run(Path module, Map<String, String> moreEnv, boolean mergeStderr, String... extra)
            throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(GoOnPath.executable().toString(), "test", "-json"));
        command.addAll(List.of(extra));
        if (command.stream().noneMatch(a -> a.startsWith("./"))) {
            command.add("./...");
        }
        ProcessBuilder pb = new ProcessBuilder(command).directory(module.toFile());
        if (mergeStderr) {
            pb.redirectErrorStream(true);
        } else {
            pb.redirectError(ProcessBuilder.Redirect.DISCARD);
        }
        Map<String, String> env = pb.environment();
        env.put("GOFLAGS", "-mod=mod");
        env.put("GOTOOLCHAIN", "local");
        env.put("GOPROXY", "off");
        env.putAll(moreEnv);
        Process p = pb.start();
        byte[] out = p.getInputStream().readAllBytes();
        if (!p.waitFor(5, TimeUnit.MINUTES)) {
            p.destroyForcibly();
            throw new IllegalStateException("go test did not end in 5 minutes");
        }
        // go test exits 1 when a test fails, and the fixture's do: anything else is go itself failing.
        if (p.exitValue() != 0 && p.exitValue() != 1) {
            throw new IllegalStateException("go test exited " + p.exitValue());
        }
        return out;
    }

    /** The events as the test goal will read them: lines of UTF-8, malformed bytes as U+FFFD. */
    static TestRun accumulate(byte[] events) throws IOException {
        TestRun run = new TestRun();
        var decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPLACE).onUnmappableCharacter(CodingErrorAction.REPLACE);
        try (BufferedReader in = new BufferedReader(new InputStreamReader(new ByteArrayInputStream(events), decoder))) {
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                run.accept(TestEvent.parse(line));
            }
        }
        return run;
    }

    static Path write(Path file, byte[] bytes) throws IOException {
        Files.createDirectories(file.getParent());
        return Files.write(file, bytes);
    }
}
