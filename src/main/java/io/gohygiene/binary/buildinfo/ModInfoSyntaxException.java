package io.gohygiene.binary.buildinfo;

/** The module-info text of a build-info blob breaks runtime/debug.ParseBuildInfo's grammar at a line. */
final class ModInfoSyntaxException extends Exception {

    private final int line;

    ModInfoSyntaxException(int line, String reason) {
        super("line " + line + ": " + reason);
        this.line = line;
    }

    int line() {
        return line;
    }
}
