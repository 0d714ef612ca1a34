package io.gohygiene.toolchain;

import io.gohygiene.binary.BinaryInspector;
import io.gohygiene.files.AtomicFiles;
import io.gohygiene.files.Sha256;
import io.gohygiene.platform.Platform;
import io.gohygiene.platform.SupportedPlatforms;
import io.gohygiene.process.SecretMasking;
import io.gohygiene.version.GoVersion;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.TreeMap;

/**
 * What {@code go version}, {@code go env -json} and {@code go tool dist list -json} said in the last run, kept under
 * {@code target/} so that a build with nothing changed does not start three go processes and a JSON parser to learn
 * the same again. It holds while the go executable, {@code $GOROOT/go.env}, the go env file and the whole environment
 * are what they were: the answers depend on nothing else, since go is probed from a neutral directory with
 * GOTOOLCHAIN=local. A Properties file, because the JDK reads it without loading anything.
 */
public final class GoProbeCache {

    // 2: probed without the decisive variables (GOOS, CC, GOFLAGS …); a format-1 file holds answers that saw them.
    private static final String FORMAT = "2";

    private GoProbeCache() {
    }

    /** The probe of the last run, if it was made by this go in this environment and nothing it depends on changed. */
    public static Optional<GoToolchain> read(Path file, LocatedGo located, Map<String, String> environment) {
        Properties p = new Properties();
        try (InputStream in = Files.newInputStream(file)) {
            p.load(in);
        } catch (IOException | IllegalArgumentException e) {
            return Optional.empty();
        }
        if (!FORMAT.equals(p.getProperty("format")) || !key(located, environment).equals(p.getProperty("key"))) {
            return Optional.empty();
        }
        Map<String, String> env = new LinkedHashMap<>();
        List<SupportedPlatforms.Entry> platforms = new ArrayList<>();
        for (String name : new TreeMap<>(p).keySet().stream().map(Object::toString).toList()) {
            String value = p.getProperty(name);
            if (name.startsWith("witness.") && !value.equals(state(Path.of(name.substring("witness.".length()))))) {
                return Optional.empty();
            } else if (name.startsWith("env.")) {
                env.put(name.substring("env.".length()), value);
            } else if (name.startsWith("platform.")) {
                String[] platform = name.substring("platform.".length()).split("/", 2);
                String[] flags = value.split(",", 2);
                if (platform.length != 2 || flags.length != 2) {
                    return Optional.empty();
                }
                platforms.add(new SupportedPlatforms.Entry(new Platform(platform[0], platform[1]),
                        Boolean.parseBoolean(flags[0]), Boolean.parseBoolean(flags[1])));
            }
        }
        String versionLine = p.getProperty("version", "");
        Optional<GoVersion> version = GoVersion.find(versionLine);
        if (version.isEmpty() || env.isEmpty() || platforms.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(GoToolchain.of(located, version.get(), versionLine, env, new SupportedPlatforms(platforms, version.get().goName())));
    }

    /**
     * Keeps {@code go} for the next run; written whole or not at all, and a failure to write only costs that run a
     * probe. Not for a go that is a script (an asdf, mise or goenv shim): which Go it runs can change with no file
     * or variable here changing, so it is probed every time. Nor when a setting holds a URL with user info (a GOPROXY
     * with a password): the file is under target/, which CI archives.
     */
    public static void write(Path file, GoToolchain go, Map<String, String> environment) {
        boolean holdsCredential = go.env().values().stream().anyMatch(v -> !v.equals(SecretMasking.urls(v)));
        if (!isExecutableImage(go.executable()) || holdsCredential) {
            try {
                Files.deleteIfExists(file);
            } catch (IOException e) {
                // read() would refuse it anyway: its key names this go, whose answers are never kept
            }
            return;
        }
        Properties p = new Properties();
        p.setProperty("format", FORMAT);
        p.setProperty("key", key(go.located(), environment));
        p.setProperty("version", go.versionLine());
        go.env().forEach((name, value) -> p.setProperty("env." + name, value));
        for (Platform platform : go.platforms().platforms()) {
            SupportedPlatforms.Entry e = go.platforms().find(platform).orElseThrow();
            p.setProperty("platform." + platform, e.cgoSupported() + "," + e.firstClass());
        }
        for (Path witness : witnesses(go)) {
            p.setProperty("witness." + witness, state(witness));
        }
        try {
            java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
            p.store(bytes, "go-hygiene: the go probe of the last run; delete it to probe again");
            AtomicFiles.write(file, bytes.toByteArray());
        } catch (IOException e) {
            // the next run probes again
        }
    }

    /** ELF, Mach-O (thin or universal) or PE: a compiled go, not a script that chooses one. */
    static boolean isExecutableImage(Path executable) {
        return BinaryInspector.formatOf(executable).isPresent();
    }

    /** The files whose content decides what go says about itself, besides the environment. */
    private static List<Path> witnesses(GoToolchain go) {
        List<Path> files = new ArrayList<>();
        files.add(go.executable().toAbsolutePath());
        go.env("GOROOT").ifPresent(root -> files.add(Path.of(root, "go.env")));
        go.env("GOENV").filter(f -> !f.equals("off")).ifPresent(f -> files.add(Path.of(f)));
        return files;
    }

    /** Size and modification time, or "absent": a file that appears later counts as a change too. */
    private static String state(Path file) {
        try {
            BasicFileAttributes a = Files.readAttributes(file, BasicFileAttributes.class);
            return a.size() + "@" + a.lastModifiedTime();
        } catch (NoSuchFileException e) {
            return "absent";
        } catch (IOException e) {
            return "unreadable@" + System.nanoTime();
        }
    }

    /** Variables the shell and mvn set for themselves, different from one command line to the next; go reads none. */
    private static final java.util.Set<String> NOT_READ_BY_GO = java.util.Set.of("MAVEN_CMD_LINE_ARGS", "MAVEN_OPTS",
            "MAVEN_PROJECTBASEDIR", "MAVEN_ARGS", "_", "OLDPWD", "PWD", "SHLVL");

    /** The go executable and every other environment variable, sorted: go may read its settings from any of them. */
    private static String key(LocatedGo located, Map<String, String> environment) {
        List<String> parts = new ArrayList<>(List.of(located.executable().toAbsolutePath().toString(), System.getProperty("java.io.tmpdir")));
        new TreeMap<>(environment).forEach((name, value) -> {
            if (!NOT_READ_BY_GO.contains(name)) {
                parts.add(name + "=" + value);
            }
        });
        return Sha256.hexOf(parts.toArray(String[]::new));
    }
}
