package io.gohygiene.report;

import java.util.Locale;

/** How inspect writes what it found: {@code text} for people, {@code json} for tools. */
public enum InspectionFormat {
    TEXT, JSON;

    /** {@code text} or {@code json}, any case; {@code setting} names where the value came from, for the error. */
    public static InspectionFormat parse(String value, String setting) {
        return switch (value == null ? "" : value.strip().toLowerCase(Locale.ROOT)) {
            case "text" -> TEXT;
            case "json" -> JSON;
            default -> throw new IllegalArgumentException(setting + " is '" + value + "'; use text or json");
        };
    }
}
