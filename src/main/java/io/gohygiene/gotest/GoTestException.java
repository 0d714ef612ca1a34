package io.gohygiene.gotest;

/** {@code go test} could not run or ended without reporting any package: the message says what go printed and what to do. */
public final class GoTestException extends Exception {

    public GoTestException(String message) {
        super(message);
    }

    public GoTestException(String message, Throwable cause) {
        super(message, cause);
    }
}
