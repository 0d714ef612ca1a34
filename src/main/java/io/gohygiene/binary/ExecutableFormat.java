package io.gohygiene.binary;

/** The container formats Go emits executables in. */
public enum ExecutableFormat {
    ELF("ELF"), MACHO("Mach-O"), MACHO_UNIVERSAL("Mach-O universal"), PE("PE");

    private final String displayName;

    ExecutableFormat(String displayName) {
        this.displayName = displayName;
    }

    @Override
    public String toString() {
        return displayName;
    }
}
