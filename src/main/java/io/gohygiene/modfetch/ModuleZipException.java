package io.gohygiene.modfetch;

/**
 * A module zip that go would refuse, or that cannot be read: it names the zip file, the module@version, the entry
 * and what is wrong, and {@link #hint()} says what to do about it.
 */
public final class ModuleZipException extends Exception {

    private static final long serialVersionUID = 1L;

    private final String hint;

    public ModuleZipException(String message, String hint) {
        super(message);
        this.hint = hint;
    }

    /** What the user can do: usually delete the zip and download it again, or tell the module's author. */
    public String hint() {
        return hint;
    }
}
