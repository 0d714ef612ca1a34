package io.gohygiene.gotest;

import java.util.List;

/**
 * One package of a {@code go test} run: its tests in the order they started and the output printed outside every
 * test (bounded: the {@code ok}/{@code FAIL} line, a panic in {@code TestMain}, the compiler's errors when
 * {@code buildFailed}). {@code cached} when go replayed an earlier result.
 */
public record PackageResult(String importPath, Status status, double elapsedSeconds, List<TestCaseResult> tests,
                            String packageOutput, boolean noTestFiles, boolean buildFailed, boolean cached) {

    public PackageResult {
        tests = List.copyOf(tests);
    }
}
