package io.gohygiene.toolchain;

/**
 * The Go toolchain cannot be used at all (not found, does not run, hangs): a broken setup rather than a
 * finding. The message says what happened, the hint what to do.
 */
public class ToolchainException extends Exception {

    private final String hint;

    public ToolchainException(String message, String hint) {
        this(message, hint, null);
    }

    public ToolchainException(String message, String hint, Throwable cause) {
        super(message, cause);
        this.hint = hint;
    }

    public String hint() {
        return hint;
    }
}
