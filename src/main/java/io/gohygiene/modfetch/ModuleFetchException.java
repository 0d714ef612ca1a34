package io.gohygiene.modfetch;

/** A module version that could not be fetched, or was refused; names the module, the URL or file, and what to do. */
public final class ModuleFetchException extends Exception {

    private final String hint;
    private final boolean notFound;

    public ModuleFetchException(String message, String hint, boolean notFound, Throwable cause) {
        super(message, cause);
        this.hint = hint;
        this.notFound = notFound;
    }

    public ModuleFetchException(String message, String hint) {
        this(message, hint, false, null);
    }

    public String hint() {
        return hint;
    }

    /** Every proxy said the version does not exist (404/410): a wrong version or platform, not a broken network. */
    public boolean notFound() {
        return notFound;
    }
}
