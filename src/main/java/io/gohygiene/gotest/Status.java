package io.gohygiene.gotest;

/** What became of a test or a package in one {@code go test} run. */
public enum Status {
    PASS,
    FAIL,
    SKIP,
    /**
     * Not a failed assertion but no proper result: the package did not build, panicked outside every test (in
     * {@code TestMain}), or its test binary exited before reporting (a test called {@code os.Exit}).
     */
    ERROR
}
