package io.gohygiene.process;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.Collectors;

/**
 * Kills a process and every process it started, children before their parents. A process whose parent dies first
 * is handed to init, and becomes a zombie until init reaps it, which some containers' PID 1 does late or never;
 * killed while its parent still runs, it is reaped by that parent (a shell's {@code wait}, go's os/exec).
 */
final class ProcessTree {

    /** How long the kill may take before whatever is left is killed at once, parents and children together. */
    private static final long GIVE_UP_NANOS = TimeUnit.SECONDS.toNanos(5);
    private static final long POLL_NANOS = TimeUnit.MILLISECONDS.toNanos(5);

    private ProcessTree() {
    }

    /**
     * Kills the descendants of {@code root} leaves first, a generation at a time, then {@code root}, and waits for
     * {@code root} to be reaped. An interrupt during the kill does not cut it short; it is kept for the caller.
     */
    static void kill(ProcessHandle root) {
        long deadline = System.nanoTime() + GIVE_UP_NANOS;
        boolean interrupted = Thread.interrupted();
        // What double-forked out of the tree is not among its descendants, but is still in root's session.
        ProcessSession.killEscaped(root);
        List<ProcessHandle> tree = root.descendants().toList();
        // Rescanned each round: a parent may start another child while its first ones die (go starts the next compile).
        while (!tree.isEmpty() && System.nanoTime() < deadline) {
            List<ProcessHandle> leaves = leaves(tree);
            leaves.forEach(ProcessHandle::destroyForcibly);
            interrupted |= awaitReaped(leaves, deadline);
            tree = root.descendants().toList();
        }
        // Past the deadline (a parent that never reaps): the rest at once.
        tree.forEach(ProcessHandle::destroyForcibly);
        // Anything that escaped meanwhile, while root still lives and its pid still names the session.
        ProcessSession.killEscaped(root);
        root.destroyForcibly();
        try {
            root.onExit().get(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            interrupted = true;
        } catch (Exception e) {
            // Best effort: the kill was sent; the caller reports the timeout or the interrupt either way.
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    /** The processes of {@code tree} that started none of the others. */
    private static List<ProcessHandle> leaves(List<ProcessHandle> tree) {
        Set<Long> parents = tree.stream().map(ProcessHandle::parent).flatMap(Optional::stream)
                .map(ProcessHandle::pid).collect(Collectors.toSet());
        return tree.stream().filter(p -> !parents.contains(p.pid())).toList();
    }

    /**
     * Waits until every process is reaped ({@link ProcessHandle#isAlive()} is true for a zombie) or the deadline
     * passes; true if the thread was interrupted meanwhile (the flag is cleared so that waiting goes on).
     */
    private static boolean awaitReaped(List<ProcessHandle> processes, long deadline) {
        boolean interrupted = false;
        while (processes.stream().anyMatch(ProcessHandle::isAlive) && System.nanoTime() < deadline) {
            LockSupport.parkNanos(POLL_NANOS);
            interrupted |= Thread.interrupted();
        }
        return interrupted;
    }
}
