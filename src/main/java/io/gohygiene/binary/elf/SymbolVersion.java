package io.gohygiene.binary.elf;

/**
 * An undefined dynamic symbol and the version it is bound to: {@code __libc_start_main}, {@code GLIBC_2.34},
 * {@code libc.so.6}. Lets a rule say which symbol needs the highest version of a library.
 */
public record SymbolVersion(String symbol, String version, String library) {

    @Override
    public String toString() {
        return symbol + "@" + version + " (" + library + ")";
    }
}
