package io.gohygiene.report;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/** How report writers name a binary (relative to the project with '/' separators, or as a URI for SARIF) and write their file. */
final class ReportPaths {

    private ReportPaths() {
    }

    /**
     * {@code file} relative to {@code baseDir}, '/'-separated; null when it lies outside {@code baseDir}. A relative
     * {@code file} is taken as relative to {@code baseDir} (as the verify goal shows binaries), not to the working directory.
     */
    static String relative(Path baseDir, Path file) {
        Path base = baseDir.toAbsolutePath().normalize();
        Path abs = absolute(baseDir, file);
        if (!abs.startsWith(base) || abs.equals(base)) {
            return null;
        }
        return slashed(base.relativize(abs));
    }

    /** {@code file} made absolute against {@code baseDir}, normalized. */
    static Path absolute(Path baseDir, Path file) {
        return (file.isAbsolute() ? file : baseDir.toAbsolutePath().resolve(file)).normalize();
    }

    /** {@code file} relative to {@code baseDir} when inside it, otherwise as given; '/'-separated either way. */
    static String display(Path baseDir, Path file) {
        String relative = baseDir == null ? null : relative(baseDir, file);
        return relative != null ? relative : slashed(file);
    }

    static String slashed(Path path) {
        StringBuilder s = new StringBuilder(path.isAbsolute() && path.getRoot() != null ? path.getRoot().toString().replace('\\', '/') : "");
        for (int i = 0; i < path.getNameCount(); i++) {
            if (i > 0) {
                s.append('/');
            }
            s.append(path.getName(i));
        }
        return s.toString();
    }

    /**
     * A relative path as a URI reference (RFC 3986): every byte of a segment outside the unreserved set and the
     * few always-safe sub-delimiters is percent-encoded in UTF-8, so spaces, unicode, '%', '#', '?' and ':' survive.
     */
    static String relativeUri(String slashedRelativePath) {
        StringBuilder uri = new StringBuilder();
        for (byte b : slashedRelativePath.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            if (isUnreserved(c) || c == '/' || c == '!' || c == '$' || c == '&' || c == '\'' || c == '(' || c == ')'
                    || c == '*' || c == '+' || c == ',' || c == ';' || c == '=' || c == '@') {
                uri.append((char) c);
            } else {
                uri.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
                        .append(Character.toUpperCase(Character.forDigit(c & 0xf, 16)));
            }
        }
        return uri.toString();
    }

    private static boolean isUnreserved(int c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '.' || c == '_' || c == '~';
    }

    /** Writes a rendered report, making its directory first. */
    static void write(Path out, byte[] bytes) throws java.io.IOException {
        io.gohygiene.files.AtomicFiles.write(out, bytes);
    }

    /** Writes a streamed report, making its directory first: memory does not grow with the report. */
    static void write(Path out, io.gohygiene.files.AtomicFiles.Content content) throws java.io.IOException {
        io.gohygiene.files.AtomicFiles.write(out, content);
    }
}
