package io.gohygiene.process;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Runs a command as the leader of a session of its own ({@code setsid --wait <argv…>}, argv kept), so that a process
 * that double-forks out of its tree (a daemon, {@code (sleep 1000 &)}) still carries the session id and can be found
 * and killed at the timeout (issue 15.11). Needs Linux's {@code /proc} and util-linux's {@code setsid}; elsewhere
 * commands run as before and only the process tree is killed. A process that calls setsid(2) itself leaves the
 * session and is not found: the README names that limit.
 */
final class ProcessSession {

    private static final Optional<Path> SETSID = findSetsid();

    /** The commands running in a session of their own; a Ctrl-C no longer reaches them through the terminal's group. */
    private static final Set<ProcessHandle> RUNNING = java.util.concurrent.ConcurrentHashMap.newKeySet();

    static {
        if (SETSID.isPresent()) {
            // Ctrl-C signals the terminal's foreground process group, which these sessions left: when Maven exits on it
            // (or on SIGTERM), what it started goes with it, as it did when it shared Maven's group.
            Runtime.getRuntime().addShutdownHook(new Thread(() -> RUNNING.forEach(p -> {
                killEscaped(p);
                p.descendants().forEach(ProcessHandle::destroyForcibly);
                p.destroyForcibly();
            }), "go-hygiene-kill-running-commands"));
        }
    }

    private ProcessSession() {
    }

    /** {@code process} runs until {@link #finished}; killed with what it started if the JVM exits meanwhile. */
    static void started(Process process) {
        if (SETSID.isPresent()) {
            RUNNING.add(process.toHandle());
        }
    }

    static void finished(Process process) {
        RUNNING.remove(process.toHandle());
    }

    /** True when commands run in a session of their own here. */
    static boolean available() {
        return SETSID.isPresent();
    }

    /**
     * {@code argv} started through setsid, with its program resolved on this JVM's PATH as ProcessBuilder would
     * resolve it; {@code argv} unchanged when setsid is missing or the program is not found (ProcessBuilder then says so).
     */
    static List<String> argv(List<String> argv) {
        if (SETSID.isEmpty()) {
            return argv;
        }
        Optional<Path> program = resolve(argv.get(0));
        if (program.isEmpty()) {
            return argv;
        }
        List<String> wrapped = new ArrayList<>(List.of(SETSID.get().toString(), "--wait", program.get().toString()));
        wrapped.addAll(argv.subList(1, argv.size()));
        return wrapped;
    }

    /**
     * Kills every process of the session {@code leader} started that is not {@code leader} or one of its descendants
     * (those {@link ProcessTree} kills children first): what double-forked out of the tree.
     */
    static void killEscaped(ProcessHandle leader) {
        if (SETSID.isEmpty() || !leader.isAlive()) {
            return;
        }
        // The command leads its session, unless setsid had to fork (it was a group leader): then its child does.
        Optional<Long> session = Stream.concat(Stream.of(leader), leader.children()).map(ProcessHandle::pid)
                .filter(pid -> sessionOf(pid) == pid).findFirst();
        if (session.isEmpty()) {
            return;
        }
        Set<Long> tree = Stream.concat(Stream.of(leader), leader.descendants()).map(ProcessHandle::pid).collect(Collectors.toSet());
        List<ProcessHandle> escaped = ProcessHandle.allProcesses()
                .filter(p -> !tree.contains(p.pid()) && sessionOf(p.pid()) == session.get()).toList();
        escaped.forEach(ProcessHandle::destroyForcibly);
        for (ProcessHandle p : escaped) {
            try {
                p.onExit().get(2, TimeUnit.SECONDS);
            } catch (Exception e) {
                // Sent SIGKILL; init reaps it. The caller reports the timeout either way.
            }
        }
    }

    /** The session id of {@code pid} from /proc/&lt;pid&gt;/stat (proc(5): the 6th field), or -1. */
    static long sessionOf(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            // "pid (comm) state ppid pgrp session …"; comm may hold spaces and ')', so count from the last ')'.
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return Long.parseLong(fields[3]);
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    private static Optional<Path> resolve(String program) {
        if (program.contains("/")) {
            Path p = Path.of(program);
            return Files.isRegularFile(p) && Files.isExecutable(p) ? Optional.of(p) : Optional.empty();
        }
        for (String dir : System.getenv().getOrDefault("PATH", "").split(":")) {
            if (!dir.isEmpty()) {
                Path p = Path.of(dir, program);
                if (Files.isRegularFile(p) && Files.isExecutable(p)) {
                    return Optional.of(p);
                }
            }
        }
        return Optional.empty();
    }

    /** util-linux's setsid on Linux, if it runs and knows --wait; looked for once per JVM. */
    private static Optional<Path> findSetsid() {
        if (!System.getProperty("os.name", "").toLowerCase(Locale.ROOT).startsWith("linux") || !Files.isDirectory(Path.of("/proc/self"))) {
            return Optional.empty();
        }
        Optional<Path> setsid = Stream.of("/usr/bin/setsid", "/bin/setsid").map(Path::of).filter(Files::isExecutable).findFirst();
        if (setsid.isEmpty()) {
            return Optional.empty();
        }
        try {
            Process p = new ProcessBuilder(setsid.get().toString(), "--wait", "true").redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            if (!p.waitFor(5, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return Optional.empty();
            }
            return p.exitValue() == 0 ? setsid : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }
}
