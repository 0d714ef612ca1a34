package io.gohygiene.binary.buildinfo;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The module-info text of a build-info blob, parsed the way runtime/debug.ParseBuildInfo parses it (Go 1.26):
 * newline-terminated lines {@code path\tP}, {@code mod\tP\tV[\tSUM]}, {@code dep\tP\tV[\tSUM]},
 * {@code =>\tP\tV\tSUM} (replaces the module on the line before), {@code build\tKEY=VALUE} (key and value
 * quoted Go-style when they hold spaces, tabs, quotes, '=' …). Other lines are ignored, as is a last line without
 * a newline: Go's parser does both, and {@code go version -m} shows what it parsed.
 */
record ModInfo(String path, Module main, List<Module> deps, List<BuildSetting> settings) {

    static final ModInfo EMPTY = new ModInfo("", Module.NONE, List.of(), List.of());

    ModInfo {
        deps = List.copyOf(deps);
        settings = List.copyOf(settings);
    }

    static ModInfo parse(String data) throws ModInfoSyntaxException {
        String path = "";
        Module main = Module.NONE;
        List<Module> deps = new ArrayList<>();
        List<BuildSetting> settings = new ArrayList<>();
        // What a "=>" line replaces: -1 none, -2 the main module, else an index into deps.
        int last = -1;
        int lineNumber = 1;
        int start = 0;
        while (start < data.length()) {
            int newline = data.indexOf('\n', start);
            if (newline < 0) {
                break;
            }
            String line = data.substring(start, newline);
            start = newline + 1;
            if (line.startsWith("path\t")) {
                path = line.substring("path\t".length());
            } else if (line.startsWith("mod\t")) {
                main = moduleLine(line.substring("mod\t".length()), lineNumber);
                last = -2;
            } else if (line.startsWith("dep\t")) {
                deps.add(moduleLine(line.substring("dep\t".length()), lineNumber));
                last = deps.size() - 1;
            } else if (line.startsWith("=>\t")) {
                String[] elem = columns(line.substring("=>\t".length()));
                if (elem.length != 3) {
                    throw new ModInfoSyntaxException(lineNumber, "expected 3 columns for replacement; got " + elem.length);
                }
                if (last == -1) {
                    throw new ModInfoSyntaxException(lineNumber, "replacement with no module on previous line");
                }
                Module replacement = new Module(elem[0], elem[1], elem[2]);
                if (last == -2) {
                    main = main.withReplace(replacement);
                } else {
                    deps.set(last, deps.get(last).withReplace(replacement));
                }
                last = -1;
            } else if (line.startsWith("build\t")) {
                settings.add(buildLine(line.substring("build\t".length()), lineNumber));
            }
            lineNumber++;
        }
        return new ModInfo(path, main, deps, settings);
    }

    private static Module moduleLine(String rest, int lineNumber) throws ModInfoSyntaxException {
        String[] elem = columns(rest);
        if (elem.length != 2 && elem.length != 3) {
            throw new ModInfoSyntaxException(lineNumber, "expected 2 or 3 columns; got " + elem.length);
        }
        return new Module(elem[0], elem[1], elem.length == 3 ? elem[2] : "", Optional.empty());
    }

    /** strings.Split(s, "\t"): keeps empty columns, trailing ones included. */
    private static String[] columns(String s) {
        return s.split("\t", -1);
    }

    private static BuildSetting buildLine(String kv, int lineNumber) throws ModInfoSyntaxException {
        if (kv.isEmpty()) {
            throw new ModInfoSyntaxException(lineNumber, "build line missing '='");
        }
        String key;
        String rawValue;
        char first = kv.charAt(0);
        if (first == '=') {
            throw new ModInfoSyntaxException(lineNumber, "build line with missing key");
        } else if (first == '`' || first == '"') {
            int keyLength = GoQuotedString.quotedPrefixLength(kv);
            if (keyLength < 0) {
                throw new ModInfoSyntaxException(lineNumber, "invalid quoted key in build line");
            }
            if (keyLength == kv.length()) {
                throw new ModInfoSyntaxException(lineNumber, "build line missing '=' after quoted key");
            }
            if (kv.charAt(keyLength) != '=') {
                throw new ModInfoSyntaxException(lineNumber, "unexpected character after quoted key: '" + kv.charAt(keyLength) + "'");
            }
            // A valid quoted prefix always unquotes.
            key = GoQuotedString.unquote(kv.substring(0, keyLength)).orElseThrow();
            rawValue = kv.substring(keyLength + 1);
        } else {
            int equals = kv.indexOf('=');
            if (equals < 0) {
                throw new ModInfoSyntaxException(lineNumber, "build line missing '=' after key");
            }
            key = kv.substring(0, equals);
            rawValue = kv.substring(equals + 1);
            if (mustQuoteKey(key)) {
                throw new ModInfoSyntaxException(lineNumber, "unquoted key \"" + key + "\" must be quoted");
            }
        }
        String value = rawValue;
        if (!rawValue.isEmpty() && (rawValue.charAt(0) == '`' || rawValue.charAt(0) == '"')) {
            value = GoQuotedString.unquote(rawValue)
                    .orElseThrow(() -> new ModInfoSyntaxException(lineNumber, "invalid quoted value in build line"));
        } else if (mustQuoteValue(rawValue)) {
            throw new ModInfoSyntaxException(lineNumber, "unquoted value \"" + rawValue + "\" must be quoted");
        }
        return new BuildSetting(key, value);
    }

    /** runtime/debug's quoteKey. */
    private static boolean mustQuoteKey(String key) {
        return key.isEmpty() || containsAny(key, "= \t\r\n\"`");
    }

    /** runtime/debug's quoteValue. */
    private static boolean mustQuoteValue(String value) {
        return containsAny(value, " \t\r\n\"`");
    }

    private static boolean containsAny(String s, String chars) {
        for (int i = 0; i < chars.length(); i++) {
            if (s.indexOf(chars.charAt(i)) >= 0) {
                return true;
            }
        }
        return false;
    }
}
