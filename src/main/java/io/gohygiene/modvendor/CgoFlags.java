package io.gohygiene.modvendor;

import java.util.ArrayList;
import java.util.List;

/** Splits a {@code #cgo} flags value the way cgo does: on spaces, with single or double quotes and backslash escapes. */
final class CgoFlags {

    private CgoFlags() {
    }

    static List<String> split(String s) {
        List<String> args = new ArrayList<>();
        StringBuilder arg = new StringBuilder();
        boolean escaped = false;
        boolean inArg = false;
        char quote = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (escaped) {
                arg.append(c);
                escaped = false;
                inArg = true;
            } else if (c == '\\') {
                escaped = true;
            } else if (quote != 0) {
                if (c == quote) {
                    quote = 0;
                } else {
                    arg.append(c);
                }
            } else if (c == '"' || c == '\'') {
                quote = c;
                inArg = true;
            } else if (Character.isWhitespace(c)) {
                if (inArg) {
                    args.add(arg.toString());
                    arg.setLength(0);
                    inArg = false;
                }
            } else {
                arg.append(c);
                inArg = true;
            }
        }
        if (inArg) {
            args.add(arg.toString());
        }
        return args;
    }
}
