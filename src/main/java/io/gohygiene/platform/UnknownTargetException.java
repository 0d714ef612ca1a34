package io.gohygiene.platform;

import java.util.Collection;
import java.util.List;
import java.util.stream.Collectors;

/** A configured target that the Go toolchain does not know; the message lists the platforms it does know. */
public class UnknownTargetException extends Exception {

    public UnknownTargetException(List<Target> unknown, Collection<Platform> known, String goVersion) {
        super(message(unknown, known, goVersion));
    }

    private static String message(List<Target> unknown, Collection<Platform> known, String goVersion) {
        String names = unknown.stream().map(Target::name).collect(Collectors.joining(", "));
        String valid = known.stream().sorted().map(Platform::toString).collect(Collectors.joining(" "));
        return (unknown.size() == 1 ? "unknown target " : "unknown targets ") + names + ": " + goVersion
                + " (go tool dist list) knows " + valid;
    }
}
