package io.gohygiene.remotecache;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The value of {@code GOCACHEPROG} that starts {@link CacheProgram} on the JVM and classpath the plugin runs on:
 * the plugin's own jar (or classes directory) and jackson-core, nothing of Maven. go splits it like a shell would
 * without escapes (cmd/internal/quoted): a path with spaces is quoted.
 */
public final class CacheProgramCommand {

    /** A small heap and the quick compiler: the program starts once per go command and mostly waits on I/O. */
    static final List<String> JVM_OPTIONS = List.of("-Xmx256m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-Xshare:auto");

    private CacheProgramCommand() {
    }

    /** The command for this JVM. */
    public static String current() {
        String javaExecutable = Path.of(System.getProperty("java.home"), "bin",
                System.getProperty("os.name", "").startsWith("Windows") ? "java.exe" : "java").toString();
        Set<String> classpath = new LinkedHashSet<>();
        classpath.add(location(CacheProgram.class));
        classpath.add(location(com.fasterxml.jackson.core.JsonFactory.class));
        List<String> argv = new ArrayList<>(List.of(javaExecutable));
        argv.addAll(JVM_OPTIONS);
        argv.add("-cp");
        argv.add(String.join(java.io.File.pathSeparator, classpath));
        argv.add(CacheProgram.class.getName());
        return join(argv);
    }

    /** Joins {@code argv} so that cmd/internal/quoted.Split gives it back. */
    static String join(List<String> argv) {
        List<String> quoted = new ArrayList<>();
        for (String arg : argv) {
            if (arg.isEmpty() || arg.chars().anyMatch(c -> c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '"' || c == '\'')) {
                if (arg.indexOf('\'') < 0) {
                    quoted.add("'" + arg + "'");
                } else if (arg.indexOf('"') < 0) {
                    quoted.add('"' + arg + '"');
                } else {
                    throw new IllegalArgumentException("GOCACHEPROG cannot hold a path with both ' and \": " + arg
                            + "; install Maven and the JDK under a path without quotes");
                }
            } else {
                quoted.add(arg);
            }
        }
        return String.join(" ", quoted);
    }

    private static String location(Class<?> type) {
        try {
            return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
        } catch (URISyntaxException | NullPointerException e) {
            throw new IllegalStateException("cannot find where " + type.getName() + " was loaded from", e);
        }
    }
}
