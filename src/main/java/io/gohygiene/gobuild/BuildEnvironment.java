package io.gohygiene.gobuild;

import io.gohygiene.platform.Platform;
import io.gohygiene.platform.Target;
import io.gohygiene.platform.Variant;
import io.gohygiene.process.SecretMasking;
import io.gohygiene.toolchain.DecisiveVariables;
import io.gohygiene.toolchain.GoFlags;
import io.gohygiene.toolchain.LiveSystemProbe;
import io.gohygiene.toolchain.SystemProbe;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The complete environment of one target's {@code go build}, and why each variable the plugin set has its value.
 * <p>
 * What decides <em>what</em> is built (GOOS, GOARCH, the variant variables, CGO_ENABLED, CC, CXX, CGO_*FLAGS,
 * GOFLAGS, PKG_CONFIG_*) is dropped from the inherited environment, unless the request says to inherit it, and
 * set from the target. What says <em>where and how</em> to fetch and cache (PATH, HOME, GOPATH, GOCACHE,
 * GOMODCACHE, GOPROXY, GOPRIVATE, GONOSUMDB, GOTOOLCHAIN, proxies …) passes through.
 */
public final class BuildEnvironment {

    /** Variables that decide what {@code go build} produces: never inherited unless asked ({@link DecisiveVariables}). */
    public static final Set<String> DECISIVE = DecisiveVariables.NAMES;

    private final Map<String, String> variables;
    private final List<String> explanation;
    private final Map<String, String> ignored;
    private final Set<String> decided;

    private BuildEnvironment(Map<String, String> variables, List<String> explanation, Map<String, String> ignored,
                             Set<String> set) {
        this.variables = Collections.unmodifiableMap(new TreeMap<>(variables));
        this.explanation = List.copyOf(explanation);
        this.ignored = Collections.unmodifiableMap(new TreeMap<>(ignored));
        Set<String> decided = new java.util.TreeSet<>(set);
        variables.keySet().stream().filter(DECISIVE::contains).forEach(decided::add);
        this.decided = Collections.unmodifiableSet(decided);
    }

    /**
     * The environment for {@code target}; {@code host} is GOHOSTOS/GOHOSTARCH of the go that builds (a target
     * other than that is a cross build, for which Go turns cgo off unless told otherwise).
     */
    public static BuildEnvironment compute(BuildRequest request, Target target, Platform host, CToolchain cToolchain)
            throws BuildException {
        return compute(request, target, host, cToolchain, new LiveSystemProbe(request.environment()));
    }

    /** As above; {@code probe} finds zig for a {@code <cc>zig</cc>} target (on its PATH: the build's environment). */
    public static BuildEnvironment compute(BuildRequest request, Target target, Platform host, CToolchain cToolchain,
                                           SystemProbe probe) throws BuildException {
        Map<String, String> env = new TreeMap<>(request.environment());
        Map<String, String> ignored = new TreeMap<>();
        if (!request.inheritBuildEnvironment()) {
            for (String name : DECISIVE) {
                String value = env.remove(name);
                if (value != null) {
                    ignored.put(name, value);
                }
            }
        }
        Map<String, String> set = new LinkedHashMap<>();
        List<String> why = new ArrayList<>();
        if (!request.inheritBuildEnvironment() && !request.goEnvFile().isEmpty()) {
            // go reads its env file after the environment: a 'go env -w GOFLAGS=…' or 'CC=…' would decide the build
            // behind the plugin's back. Its other settings (GOPROXY, GOPRIVATE, GOTOOLCHAIN …) still apply, passed on here.
            for (Map.Entry<String, String> e : new TreeMap<>(request.goEnvFile()).entrySet()) {
                if (DECISIVE.contains(e.getKey())) {
                    ignored.putIfAbsent(e.getKey() + " (go env file)", e.getValue());
                } else if (!env.containsKey(e.getKey()) && !e.getValue().isEmpty() && !e.getKey().equals("GOROOT")) {
                    set(env, set, why, e.getKey(), e.getValue(), "from the go env file");
                }
            }
            set(env, set, why, "GOENV", "off", "the go env file's settings that decide what is built do not apply");
        }
        boolean vendored = Files.isDirectory(request.moduleDirectory().resolve("vendor"));
        String keptGoflags = request.inheritBuildEnvironment() ? null : keptGoflags(request, vendored, ignored, why);
        set(env, set, why, "GOOS", target.goos(), "target");
        set(env, set, why, "GOARCH", target.goarch(), "target");
        Variant variant = target.variantVariable().orElse(null);
        if (variant != null) {
            set(env, set, why, variant.name(), target.variant(), "target");
        }
        boolean cross = !target.platform().equals(host);
        if (target.wantsCgo()) {
            set(env, set, why, "CGO_ENABLED", "1", cross
                    ? "target asks for cgo; a cross build would otherwise turn it off"
                    : "target asks for cgo");
        } else if (Boolean.FALSE.equals(target.cgo())) {
            set(env, set, why, "CGO_ENABLED", "0", "target says cgo false");
        } else if (cross) {
            if (env.containsKey("CGO_ENABLED")) {
                why.add("CGO_ENABLED=" + env.get("CGO_ENABLED") + " (inherited; the target does not say)");
            } else {
                set(env, set, why, "CGO_ENABLED", "0",
                        "cross build for " + target.platform() + " from " + host + " and the target does not ask for cgo;"
                                + " Go would turn cgo off for it anyway, this makes it explicit");
            }
        } else if (!env.containsKey("CGO_ENABLED")) {
            why.add("CGO_ENABLED not set (native build, the target does not say: Go's default, on when a C compiler is found)");
        }
        if (target.wantsCgo() && target.cc() != null) {
            if (ZigCc.isZig(target.cc())) {
                ZigCc.Prepared zig = ZigCc.prepare(target, cToolchain.glibc(), cToolchain.libc(), cToolchain.macos(),
                        request.workDirectory(), probe);
                set(env, set, why, "CC", zig.cc(), "target <cc>zig</cc>: wrapper for zig cc");
                for (Map.Entry<String, String> e : zig.extraEnv().entrySet()) {
                    String value = e.getValue();
                    String before = env.get(e.getKey());
                    if (before != null && !before.isBlank() && e.getKey().startsWith("CGO_")) {
                        value = before + " " + value;
                    }
                    set(env, set, why, e.getKey(), value, "zig for " + target.name());
                }
                why.addAll(zig.explanation());
            } else {
                set(env, set, why, "CC", target.cc(), "target <cc>" + target.cc() + "</cc>");
            }
        }
        for (Map.Entry<String, String> e : new java.util.TreeMap<>(request.cgoFlags()).entrySet()) {
            String before = env.get(e.getKey());
            String value = before == null || before.isBlank() ? e.getValue() : before + " " + e.getValue();
            set(env, set, why, e.getKey(), value, "<cgoFlags> in the pom");
        }
        if (target.wantsCgo() || (!Boolean.FALSE.equals(target.cgo()) && !cross)) {
            for (io.gohygiene.platform.CgoPaths.Entry e : request.cgoPaths().entries()) {
                if (!e.platform().equals(target.platform().toString())) {
                    continue;
                }
                String before = env.get(e.variable());
                String separator = e.variable().startsWith("CGO_") ? " " : ":";
                String value = before == null || before.isBlank() ? e.value() : before + separator + e.value();
                set(env, set, why, e.variable(), value, e.reason());
            }
        }
        if (keptGoflags != null) {
            boolean addVendor = vendored && !keptGoflags.contains("-mod=");
            String goflags = String.join(" ", java.util.stream.Stream.of(keptGoflags, addVendor ? "-mod=vendor" : "")
                    .filter(f -> !f.isEmpty()).toList());
            List<String> reasons = new ArrayList<>();
            if (!keptGoflags.isEmpty()) {
                reasons.add("the inherited flags that do not change what is built");
            }
            if (addVendor) {
                reasons.add("vendor/ exists: build from it, never from the module cache");
            }
            if (!goflags.isEmpty()) {
                set(env, set, why, "GOFLAGS", goflags, String.join("; ", reasons));
            } else {
                why.add("GOFLAGS not set (no vendor/ directory, nothing inherited that the build keeps)");
            }
        } else if (vendored) {
            String goflags = env.get("GOFLAGS");
            if (goflags == null || goflags.isBlank()) {
                set(env, set, why, "GOFLAGS", "-mod=vendor", "vendor/ exists: build from it, never from the module cache");
            } else if (!goflags.contains("-mod=")) {
                set(env, set, why, "GOFLAGS", goflags + " -mod=vendor", "inherited GOFLAGS, and vendor/ exists");
            }
        } else if (!env.containsKey("GOFLAGS")) {
            why.add("GOFLAGS not set (no vendor/ directory; GOFLAGS from the environment "
                    + (request.inheritBuildEnvironment() ? "would be inherited" : "is not inherited") + ")");
        }
        if (request.remoteCache() != null) {
            // The cache key stays go's own action ID, which covers GOOS, GOARCH, CC and the flags set above: a target
            // built with another C compiler can never receive an object built with this one.
            set(env, set, why, "GOCACHEPROG", io.gohygiene.remotecache.CacheProgramCommand.current(),
                    "<remoteCache> " + request.remoteCache() + ": the plugin's cache program");
            request.remoteCache().environment(remoteCacheReport(request.workDirectory(), target))
                    .forEach((name, value) -> set(env, set, why, name, value, "<remoteCache>"));
        }
        return new BuildEnvironment(env, why, ignored, set.keySet());
    }

    /** Where the cache program of {@code target}'s go commands appends what it did. */
    public static Path remoteCacheReport(Path workDirectory, Target target) {
        return workDirectory.resolve("remote-cache-" + OutputNames.key(target) + ".jsonl");
    }

    /**
     * GOFLAGS as go would see it (the environment's, else the go env file's), split by {@link GoFlags}: the flags that
     * do not change what is built are kept and returned, the others stay in {@code ignored}; each is explained.
     */
    private static String keptGoflags(BuildRequest request, boolean vendored, Map<String, String> ignored, List<String> why) {
        String fromEnvironment = ignored.remove("GOFLAGS");
        String fromFile = ignored.remove("GOFLAGS (go env file)");
        boolean environment = fromEnvironment != null && !fromEnvironment.isBlank();
        if (environment && fromFile != null) {
            ignored.put("GOFLAGS (go env file)", fromFile);
        }
        String inherited = environment ? fromEnvironment : fromFile;
        if (inherited == null || inherited.isBlank()) {
            return "";
        }
        String source = environment ? "the environment" : "the go env file";
        List<GoFlags.Flag> flags = GoFlags.classify(inherited, vendored);
        for (GoFlags.Flag f : flags) {
            why.add("GOFLAGS from " + source + ": " + f.text() + (f.kept() ? " kept" : " dropped") + " (" + f.reason() + ")");
        }
        String dropped = GoFlags.dropped(flags);
        if (!dropped.isEmpty()) {
            ignored.put(environment ? "GOFLAGS" : "GOFLAGS (go env file)", dropped);
        }
        return GoFlags.kept(flags);
    }

    private static void set(Map<String, String> env, Map<String, String> set, List<String> why, String name,
                            String value, String reason) {
        env.put(name, value);
        set.put(name, value);
        why.add(name + "=" + SecretMasking.value(name, value) + " (" + reason + ")");
    }

    /** The complete environment of the go process. */
    public Map<String, String> variables() {
        return variables;
    }

    /** One line per variable the plugin set (or deliberately left unset), with the reason; credentials masked. */
    public List<String> explanation() {
        return explanation;
    }

    /** The variables that decide what is built: those the plugin set, and the {@link #DECISIVE} ones it kept. */
    public Set<String> decided() {
        return decided;
    }

    /** Variables of the inherited environment that were dropped because the target decides them, with their values. */
    public Map<String, String> ignored() {
        return ignored;
    }
}
