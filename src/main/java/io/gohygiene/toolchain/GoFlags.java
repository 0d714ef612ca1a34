package io.gohygiene.toolchain;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * GOFLAGS from the shell or the go env file, flag by flag: which ones the build goal keeps because they change how go
 * works but not what it builds, and which it drops because the pom decides them. The toolchain gate reports with the
 * same classification, so its table says exactly what the build will do (issue 16.4).
 */
public final class GoFlags {

    /** One GOFLAGS entry ({@code -buildvcs=false}), whether the build keeps it, and why, in a few words. */
    public record Flag(String text, boolean kept, String reason) {
        @Override
        public String toString() {
            return text + " (" + reason + ")";
        }
    }

    /** Flags that change how go works, not the binary it writes: kept. {@code -mod} is decided with vendor/ in mind. */
    private static final Map<String, String> KEPT = Map.of(
            "buildvcs", "VCS stamping in the build info only",
            "modcacherw", "module cache permissions only",
            "p", "how many steps run at once",
            "v", "what go prints",
            "x", "what go prints",
            "work", "keeps go's work directory",
            "a", "rebuilds everything, same result");

    /** Flags that change what is built, and the pom element that decides each instead: dropped. */
    private static final Map<String, String> DECIDED_BY_THE_POM = Map.ofEntries(
            Map.entry("tags", "<tags>"), Map.entry("ldflags", "<ldflags>"), Map.entry("trimpath", "<trimpath>"),
            Map.entry("buildmode", "<buildmode>"), Map.entry("gcflags", "<buildFlags>"), Map.entry("asmflags", "<buildFlags>"),
            Map.entry("gccgoflags", "<buildFlags>"), Map.entry("compiler", "<buildFlags>"), Map.entry("race", "<buildFlags>"),
            Map.entry("msan", "<buildFlags>"), Map.entry("asan", "<buildFlags>"), Map.entry("cover", "<buildFlags>"),
            Map.entry("covermode", "<buildFlags>"), Map.entry("coverpkg", "<buildFlags>"), Map.entry("pgo", "<buildFlags>"),
            Map.entry("toolexec", "<buildFlags>"), Map.entry("overlay", "<buildFlags>"), Map.entry("modfile", "<buildFlags>"),
            Map.entry("linkshared", "<buildFlags>"), Map.entry("installsuffix", "<buildFlags>"), Map.entry("pkgdir", "<buildFlags>"));

    private GoFlags() {
    }

    /** Each flag of {@code goflags}, split as go splits GOFLAGS; {@code vendored}: the module has a vendor/ directory. */
    public static List<Flag> classify(String goflags, boolean vendored) {
        List<Flag> flags = new ArrayList<>();
        for (String text : split(goflags == null ? "" : goflags)) {
            flags.add(classifyOne(text, vendored));
        }
        return flags;
    }

    private static Flag classifyOne(String text, boolean vendored) {
        String name = name(text);
        if (KEPT.containsKey(name)) {
            return new Flag(text, true, KEPT.get(name));
        }
        if (name.equals("mod")) {
            String value = text.contains("=") ? text.substring(text.indexOf('=') + 1) : "";
            if (vendored) {
                return value.equals("vendor") ? new Flag(text, true, "agrees with vendor/")
                        : new Flag(text, false, "vendor/ exists: the build uses -mod=vendor");
            }
            return switch (value) {
                case "readonly" -> new Flag(text, true, "Go's default: go.mod is not changed");
                case "vendor" -> new Flag(text, false, "there is no vendor/ directory");
                default -> new Flag(text, false, "lets go edit go.mod and choose module versions");
            };
        }
        if (DECIDED_BY_THE_POM.containsKey(name)) {
            return new Flag(text, false, "changes the binary: " + DECIDED_BY_THE_POM.get(name) + " decides");
        }
        if (name.equals("n")) {
            return new Flag(text, false, "would build nothing");
        }
        if (name.equals("json")) {
            return new Flag(text, false, "the log quotes go's text output");
        }
        return new Flag(text, false, "not known to leave the binary alone: put it in <buildFlags>");
    }

    /** The kept flags, space-separated (quoted where a flag holds a space), as the build's GOFLAGS begins. */
    public static String kept(List<Flag> flags) {
        return flags.stream().filter(Flag::kept).map(f -> f.text().chars().anyMatch(Character::isWhitespace) ? "'" + f.text() + "'" : f.text())
                .collect(Collectors.joining(" "));
    }

    /** The dropped flags, space-separated. */
    public static String dropped(List<Flag> flags) {
        return flags.stream().filter(f -> !f.kept()).map(Flag::text).collect(Collectors.joining(" "));
    }

    /** {@code -buildvcs} of {@code -buildvcs=false}, {@code --tags=x} → {@code tags}. */
    static String name(String flag) {
        String name = flag.replaceFirst("^-{1,2}", "");
        int eq = name.indexOf('=');
        return eq >= 0 ? name.substring(0, eq) : name;
    }

    /** Splits GOFLAGS, and CC, the way go does (cmd/internal/quoted.Split): on spaces, single or double quotes grouping. */
    public static List<String> split(String text) {
        List<String> words = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        char quote = 0;
        boolean inWord = false;
        for (char c : text.toCharArray()) {
            if (quote != 0) {
                if (c == quote) {
                    quote = 0;
                } else {
                    word.append(c);
                }
            } else if (c == '\'' || c == '"') {
                quote = c;
                inWord = true;
            } else if (Character.isWhitespace(c)) {
                if (inWord) {
                    words.add(word.toString());
                    word.setLength(0);
                    inWord = false;
                }
            } else {
                word.append(c);
                inWord = true;
            }
        }
        if (inWord) {
            words.add(word.toString());
        }
        return words;
    }
}
