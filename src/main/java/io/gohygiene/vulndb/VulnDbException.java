package io.gohygiene.vulndb;

/** A vulnerability database that cannot be obtained, read or parsed; the message names the file, module@version or URL. */
public final class VulnDbException extends Exception {

    private final String hint;

    public VulnDbException(String message, String hint, Throwable cause) {
        super(message, cause);
        this.hint = hint;
    }

    public VulnDbException(String message, String hint) {
        this(message, hint, null);
    }

    /** What the user can do about it. */
    public String hint() {
        return hint;
    }
}
