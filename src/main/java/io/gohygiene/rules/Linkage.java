package io.gohygiene.rules;

import java.util.Locale;

/** What the project promises about dynamic linking. */
public enum Linkage {
    STATIC, DYNAMIC, ANY;

    public static Linkage parse(String text) {
        try {
            return valueOf(text.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("<linkage> is '" + text + "'; use static, dynamic or any");
        }
    }
}
