package io.gohygiene.version;

/** Dotted version numbers as loaders compare them (glibc symbol versions, macOS and Windows minimums). */
public final class DottedVersions {

    private DottedVersions() {
    }

    /** Component by component, numerically, a missing component counting as 0: 12 == 12.0 < 12.0.1 < 13, 2.3.2 < 2.17. */
    public static int compare(String a, String b) {
        String[] x = a.split("\\.");
        String[] y = b.split("\\.");
        for (int i = 0; i < Math.max(x.length, y.length); i++) {
            int c = Long.compare(i < x.length ? Long.parseLong(x[i]) : 0, i < y.length ? Long.parseLong(y[i]) : 0);
            if (c != 0) {
                return c;
            }
        }
        return 0;
    }
}
