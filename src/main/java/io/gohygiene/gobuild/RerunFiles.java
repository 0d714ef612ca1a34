package io.gohygiene.gobuild;

import io.gohygiene.files.AtomicFiles;
import io.gohygiene.platform.Target;
import io.gohygiene.process.SecretMasking;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * {@code build-<key>.env} and {@code build-<key>.sh} in the work directory: what a person needs to re-run one target's
 * build by hand. CI systems archive {@code target/}, so these files hold a value only where it decides the build
 * (GOOS, CC, GOFLAGS … as {@link BuildEnvironment} set them) or is a plain setting go needs (PATH, HOME, GO*, proxies);
 * a credential ({@link SecretMasking}) and whatever else merely passed through are named, never written. The script
 * takes those from the shell that runs it, so it still re-runs the build.
 */
final class RerunFiles {

    /** How the .env file shows a variable that passed through to go but is not written. */
    static final String NOT_WRITTEN = "<passed through>";

    /** Plain settings written with their value (URL user info masked): go or the C compiler may need them. */
    private static final Set<String> PLAIN = Set.of("PATH", "HOME", "USER", "LOGNAME", "SHELL", "TMPDIR", "TMP", "TEMP",
            "LANG", "LANGUAGE", "TZ", "TERM", "XDG_CACHE_HOME", "XDG_CONFIG_HOME", "CC", "CXX", "AR", "HTTP_PROXY",
            "HTTPS_PROXY", "ALL_PROXY", "NO_PROXY", "SSL_CERT_FILE", "SSL_CERT_DIR", "SYSTEMROOT", "COMSPEC", "PATHEXT",
            "WINDIR", "LOCALAPPDATA", "APPDATA", "USERPROFILE");

    private static final List<String> PLAIN_PREFIXES = List.of("GO", "CGO_", "PKG_CONFIG", "LC_");

    private static final Pattern SHELL_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

    private RerunFiles() {
    }

    static Path envFile(Path workDirectory, String key) {
        return workDirectory.resolve("build-" + key + ".env");
    }

    static Path script(Path workDirectory, String key) {
        return workDirectory.resolve("build-" + key + ".sh");
    }

    /** Writes both files of {@code target}; a file whose text did not change is left alone. */
    static void write(Path workDirectory, String key, Target target, Path moduleDirectory, BuildEnvironment environment,
                      List<List<String>> commands) throws IOException {
        writeEnvFile(envFile(workDirectory, key), environment);
        writeScript(script(workDirectory, key), target, moduleDirectory, environment, commands);
    }

    /** True when the files may hold {@code name}'s value as it is. */
    static boolean writesValue(String name, String value, BuildEnvironment environment) {
        return !SecretMasking.hidesSomething(name, value) && (environment.decided().contains(name) || plain(name));
    }

    private static boolean plain(String name) {
        String upper = name.toUpperCase(java.util.Locale.ROOT);
        return PLAIN.contains(upper) || (PLAIN_PREFIXES.stream().anyMatch(upper::startsWith) && !upper.startsWith("GOOGLE"));
    }

    private static void writeEnvFile(Path file, BuildEnvironment environment) throws IOException {
        StringBuilder text = new StringBuilder();
        new TreeMap<>(environment.variables()).forEach((name, value) -> text.append(name).append('=')
                .append(shown(name, value, environment)).append('\n'));
        writeIfChanged(file, text.toString());
    }

    private static void writeScript(Path file, Target target, Path dir, BuildEnvironment environment,
                                    List<List<String>> commands) throws IOException {
        StringBuilder text = new StringBuilder("#!/bin/sh\n")
                .append("# go build for ").append(target.name()).append(", as go-hygiene ran it: the same directory,\n")
                .append("# the same environment (env -i) and the same arguments. Credentials and what merely passed\n")
                .append("# through are not written here: they are taken from the shell that runs this script.\n");
        environment.explanation().forEach(line -> text.append("#   ").append(line.replace('\n', ' ')).append('\n'));
        environment.ignored().forEach((name, value) -> text.append("#   not used: ").append(name).append('=')
                .append(SecretMasking.value(name, value).replace('\n', ' '))
                .append(" (decided by the target, not inherited)\n"));
        StringBuilder prefix = new StringBuilder("cd ").append(quote(dir.toString())).append(" && env -i");
        new TreeMap<>(environment.variables()).forEach((name, value) -> {
            if (writesValue(name, value, environment)) {
                prefix.append(' ').append(quote(name + "=" + value));
            } else if (SHELL_NAME.matcher(name).matches()) {
                // Passed on only when the calling shell has it, as go-hygiene passed it on only because Maven had it.
                prefix.append(" ${").append(name).append("+\"").append(name).append("=$").append(name).append("\"}");
            } else {
                text.append("#   not passed: ").append(name).append(" (a shell cannot name it)\n");
            }
        });
        text.append("set -e\n");
        for (List<String> argv : commands) {
            text.append(prefix);
            argv.forEach(arg -> text.append(' ').append(quote(arg)));
            text.append('\n');
        }
        writeIfChanged(file, text.toString());
        try {
            Set<PosixFilePermission> perms = EnumSet.copyOf(Files.getPosixFilePermissions(file));
            perms.addAll(List.of(PosixFilePermission.OWNER_EXECUTE, PosixFilePermission.GROUP_EXECUTE,
                    PosixFilePermission.OTHERS_EXECUTE));
            Files.setPosixFilePermissions(file, perms);
        } catch (UnsupportedOperationException e) {
            file.toFile().setExecutable(true, false);
        }
    }

    private static void writeIfChanged(Path file, String text) throws IOException {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        if (Files.isRegularFile(file) && java.util.Arrays.equals(Files.readAllBytes(file), bytes)) {
            return;
        }
        AtomicFiles.write(file, bytes);
    }

    /** Single-quotes {@code text} for a POSIX shell: {@code it's} becomes {@code 'it'\''s'}. */
    static String quote(String text) {
        return "'" + text.replace("'", "'\\''") + "'";
    }

    /** The value as the .env file shows it: itself, masked, or {@value #NOT_WRITTEN}. */
    static String shown(String name, String value, BuildEnvironment environment) {
        return writesValue(name, value, environment) ? value
                : SecretMasking.hidesSomething(name, value) ? SecretMasking.value(name, value) : NOT_WRITTEN;
    }
}
