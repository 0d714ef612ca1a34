package io.gohygiene.modfetch;

/**
 * Go's case-encoding of module paths and versions for URLs and cache directories (x/mod/module.EscapePath):
 * every upper-case letter becomes {@code !} and its lower-case form, so {@code github.com/BurntSushi/toml} is
 * {@code github.com/!burnt!sushi/toml} on a case-insensitive file system and in the proxy protocol.
 */
public final class ModulePaths {

    private ModulePaths() {
    }

    /** The escaped form of a module path or version; a {@code !} or a control character is not allowed in either. */
    public static String escape(String pathOrVersion) {
        StringBuilder escaped = new StringBuilder(pathOrVersion.length() + 8);
        for (int i = 0; i < pathOrVersion.length(); i++) {
            char c = pathOrVersion.charAt(i);
            if (c == '!' || c < 0x20 || c == 0x7f) {
                throw new IllegalArgumentException("'" + pathOrVersion + "' is not a valid module path or version: it contains "
                        + (c == '!' ? "'!'" : "a control character"));
            }
            if (c >= 'A' && c <= 'Z') {
                escaped.append('!').append((char) (c + ('a' - 'A')));
            } else {
                escaped.append(c);
            }
        }
        return escaped.toString();
    }
}
