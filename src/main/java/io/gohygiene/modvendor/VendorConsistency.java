package io.gohygiene.modvendor;

import io.gohygiene.version.GoVersion;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Whether vendor/modules.txt agrees with go.mod the way {@code go build -mod=vendor} demands (Go 1.14+): every
 * requirement listed at its version and marked {@code ## explicit}, every replacement recorded, nothing marked
 * explicit that go.mod does not require. Saying so after vendoring names the drift before the build refuses it
 * with "inconsistent vendoring".
 */
public final class VendorConsistency {

    /** go.mod as {@code go mod edit -json} prints it: Go's own parser, not ours. */
    public record GoMod(String goVersion, List<Require> requires, List<Replace> replaces) {
        public record Require(String path, String version, boolean indirect) {
        }

        /** @param oldVersion null when the replacement applies to every version; newVersion null for a directory */
        public record Replace(String oldPath, String oldVersion, String newPath, String newVersion) {
        }

        /** From {@code go mod edit -json} as jackson-jr reads it: maps, lists, strings and booleans. */
        public static GoMod fromJson(Map<?, ?> json) {
            List<Require> requires = new ArrayList<>();
            for (Map<?, ?> r : objects(json.get("Require"))) {
                requires.add(new Require(String.valueOf(r.get("Path")), String.valueOf(r.get("Version")), Boolean.TRUE.equals(r.get("Indirect"))));
            }
            List<Replace> replaces = new ArrayList<>();
            for (Map<?, ?> r : objects(json.get("Replace"))) {
                Map<?, ?> oldModule = r.get("Old") instanceof Map<?, ?> m ? m : Map.of();
                Map<?, ?> newModule = r.get("New") instanceof Map<?, ?> m ? m : Map.of();
                replaces.add(new Replace(String.valueOf(oldModule.get("Path")), text(oldModule.get("Version")),
                        String.valueOf(newModule.get("Path")), text(newModule.get("Version"))));
            }
            return new GoMod(text(json.get("Go")), requires, replaces);
        }

        private static List<Map<?, ?>> objects(Object list) {
            List<Map<?, ?>> out = new ArrayList<>();
            if (list instanceof List<?> l) {
                l.stream().filter(Map.class::isInstance).forEach(o -> out.add((Map<?, ?>) o));
            }
            return out;
        }

        private static String text(Object value) {
            return value == null || value.toString().isEmpty() ? null : value.toString();
        }
    }

    private static final GoVersion GO_1_14 = GoVersion.parse("1.14").orElseThrow();

    private VendorConsistency() {
    }

    /** The disagreements, one sentence each; empty when go build -mod=vendor will accept the tree. */
    public static List<String> check(GoMod goMod, ModulesTxt modulesTxt) {
        List<String> problems = new ArrayList<>();
        if (goMod.goVersion() == null || GoVersion.parse(goMod.goVersion()).map(v -> v.compareTo(GO_1_14) < 0).orElse(true)) {
            return problems;
        }
        Map<String, ModulesTxt.VendoredModule> byPath = new HashMap<>();
        for (ModulesTxt.VendoredModule m : modulesTxt.modules()) {
            if (m.version() != null) {
                byPath.put(m.path(), m);
            }
        }
        Map<String, GoMod.Require> required = new HashMap<>();
        for (GoMod.Require r : goMod.requires()) {
            required.put(r.path(), r);
            ModulesTxt.VendoredModule m = byPath.get(r.path());
            if (m == null) {
                problems.add(r.path() + "@" + r.version() + " is required in go.mod but missing from vendor/modules.txt");
            } else if (!Objects.equals(m.version(), r.version())) {
                problems.add(r.path() + "@" + r.version() + " is required in go.mod, but vendor/modules.txt has " + m.version());
            } else if (!m.explicit()) {
                problems.add(r.path() + "@" + r.version() + " is required in go.mod but not marked ## explicit in vendor/modules.txt");
            }
        }
        for (ModulesTxt.VendoredModule m : modulesTxt.modules()) {
            if (m.explicit() && !required.containsKey(m.path()) && m.version() != null) {
                problems.add(m.path() + "@" + m.version() + " is marked ## explicit in vendor/modules.txt but not required in go.mod");
            }
        }
        for (GoMod.Replace r : goMod.replaces()) {
            ModulesTxt.VendoredModule m = byPath.get(r.oldPath());
            if (m == null) {
                continue;
            }
            boolean versionApplies = r.oldVersion() == null || r.oldVersion().equals(m.version());
            if (versionApplies && (!Objects.equals(m.replacementPath(), r.newPath())
                    || !Objects.equals(m.replacementVersion(), r.newVersion()))) {
                problems.add(r.oldPath() + " is replaced by " + r.newPath() + (r.newVersion() == null ? "" : "@" + r.newVersion())
                        + " in go.mod, but vendor/modules.txt has " + m.display());
            }
        }
        return problems;
    }
}
