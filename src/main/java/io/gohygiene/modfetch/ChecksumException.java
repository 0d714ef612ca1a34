package io.gohygiene.modfetch;

/**
 * A module version could not be verified against the checksum database: the answer is not signed by the expected
 * key, its record is not proven to be in the signed tree, it is malformed, or the database does not list the
 * version. The message names module@version and the database; {@link #hint()} says what the user can do.
 */
public final class ChecksumException extends Exception {

    private static final long serialVersionUID = 1L;

    private final String hint;

    public ChecksumException(String message, String hint) {
        super(message);
        this.hint = hint;
    }

    /** What the user can do about it. */
    public String hint() {
        return hint;
    }
}
