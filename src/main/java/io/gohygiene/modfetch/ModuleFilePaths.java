package io.gohygiene.modfetch;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The file paths x/mod/zip allows inside a module zip (module.CheckFilePath and the "path is clean" rule), and its
 * check for names that collide on a case-insensitive file system.
 */
final class ModuleFilePaths {

    /** ASCII punctuation Go allows in file names; letters and digits are allowed too, and any Unicode letter. */
    private static final String ALLOWED_PUNCTUATION = "!#$%&()+,-.=@[]^_{}~ ";

    /** Reserved names on Windows, refused as a path element (before its first dot) in any case. */
    private static final List<String> WINDOWS_RESERVED = List.of("CON", "PRN", "AUX", "NUL",
            "COM1", "COM2", "COM3", "COM4", "COM5", "COM6", "COM7", "COM8", "COM9",
            "LPT1", "LPT2", "LPT3", "LPT4", "LPT5", "LPT6", "LPT7", "LPT8", "LPT9");

    private ModuleFilePaths() {
    }

    /** Why Go refuses this file path (relative to the module root, '/'-separated), or null when it is fine. */
    static String problem(String path) {
        if (path.isEmpty()) {
            return "the path is empty";
        }
        if (path.startsWith("/")) {
            return "the path is absolute";
        }
        if (path.contains("//")) {
            return "the path has a double slash";
        }
        if (path.endsWith("/")) {
            return "the path has a trailing slash";
        }
        for (String element : path.split("/", -1)) {
            String problem = elementProblem(element);
            if (problem != null) {
                return problem;
            }
        }
        return null;
    }

    private static String elementProblem(String element) {
        if (element.chars().allMatch(c -> c == '.')) {
            return "the path has the element \"" + element + "\"";
        }
        if (element.endsWith(".")) {
            return "the path element \"" + element + "\" ends with a dot";
        }
        for (int i = 0; i < element.length(); ) {
            int c = element.codePointAt(i);
            if (!fileNameCharacterOk(c)) {
                return "the path has the character " + describe(c) + ", which Go does not allow in a file name";
            }
            i += Character.charCount(c);
        }
        int dot = element.indexOf('.');
        String shortName = dot >= 0 ? element.substring(0, dot) : element;
        for (String reserved : WINDOWS_RESERVED) {
            if (reserved.equalsIgnoreCase(shortName)) {
                return "the path element \"" + element + "\" is a reserved name on Windows";
            }
        }
        return null;
    }

    private static boolean fileNameCharacterOk(int c) {
        if (c < 0x80) {
            return c >= '0' && c <= '9' || c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || ALLOWED_PUNCTUATION.indexOf(c) >= 0;
        }
        return Character.isLetter(c);
    }

    private static String describe(int c) {
        return c == '\\' ? "'\\' (a backslash)" : String.format(Locale.ROOT, "U+%04X", c) + (Character.isISOControl(c) ? "" : " '" + Character.toString(c) + "'");
    }

    /**
     * Go's strToFold: a form equal for two names exactly when strings.EqualFold holds. Java has no
     * unicode.SimpleFold; the lower case of the upper case gives the same classes (checked against Go for every code
     * point: the Kelvin sign, long s, final sigma, capital sharp s fold as in Go) except for the Turkish dotted and
     * dotless i, which Go keeps apart from i, and characters newer than this JDK's Unicode, which fold to themselves.
     */
    static String fold(String path) {
        StringBuilder folded = new StringBuilder(path.length());
        for (int i = 0; i < path.length(); ) {
            int c = path.codePointAt(i);
            folded.appendCodePoint(c == 0x130 || c == 0x131 ? c : Character.toLowerCase(Character.toUpperCase(c)));
            i += Character.charCount(c);
        }
        return folded.toString();
    }

    /** x/mod/zip's collisionChecker: file and parent directory names, each folded, must not meet twice in two forms. */
    static final class Collisions {

        private final Map<String, String> pathByFold = new HashMap<>();
        private final Map<String, Boolean> isDirectoryByFold = new HashMap<>();

        /** Why this file path collides with one seen before, or null. */
        String add(String path, boolean isDirectory) {
            String fold = fold(path);
            String other = pathByFold.get(fold);
            if (other != null) {
                if (!other.equals(path)) {
                    return "it collides with \"" + other + "\" on a case-insensitive file system";
                }
                if (isDirectoryByFold.get(fold) != isDirectory) {
                    return "\"" + path + "\" is both a file and a directory";
                }
                if (!isDirectory) {
                    return "there are two entries for the file \"" + path + "\"";
                }
            } else {
                pathByFold.put(fold, path);
                isDirectoryByFold.put(fold, isDirectory);
            }
            int slash = path.lastIndexOf('/');
            return slash > 0 ? add(path.substring(0, slash), true) : null;
        }
    }
}
