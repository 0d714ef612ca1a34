package io.gohygiene.toolchain;

import io.gohygiene.version.GoVersion;

import java.nio.file.Path;
import java.util.Optional;

/**
 * The two go.mod directives that decide which Go runs a build: {@code go} (a minimum since Go 1.21) and
 * {@code toolchain} (Go 1.21+, the toolchain GOTOOLCHAIN=auto switches to).
 */
public record GoModFile(Path file, Optional<String> modulePath, Optional<GoVersion> go, Optional<GoVersion> toolchain) {

    public static GoModFile parse(Path file, String text) {
        Optional<String> module = Optional.empty();
        Optional<GoVersion> go = Optional.empty();
        Optional<GoVersion> toolchain = Optional.empty();
        for (String raw : text.split("\n")) {
            int comment = raw.indexOf("//");
            String line = (comment >= 0 ? raw.substring(0, comment) : raw).strip();
            String[] words = line.split("\\s+");
            if (words.length != 2) {
                continue;
            }
            switch (words[0]) {
                case "module" -> module = Optional.of(words[1].replace("\"", ""));
                case "go" -> go = GoVersion.parse(words[1]);
                case "toolchain" -> toolchain = words[1].equals("default") ? Optional.empty() : GoVersion.parse(words[1]);
                default -> { }
            }
        }
        return new GoModFile(file, module, go, toolchain);
    }
}
