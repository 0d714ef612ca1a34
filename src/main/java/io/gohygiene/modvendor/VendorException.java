package io.gohygiene.modvendor;

/** Vendoring failed or was refused; the message says what happened to vendor/ and the hint what to do. */
public class VendorException extends Exception {

    private final String hint;

    public VendorException(String message, String hint) {
        super(message);
        this.hint = hint;
    }

    public VendorException(String message, String hint, Throwable cause) {
        super(message, cause);
        this.hint = hint;
    }

    public String hint() {
        return hint;
    }
}
