package io.gohygiene.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * A process as Linux's /proc/&lt;pid&gt;/stat shows it (proc(5)): whether it is a zombie (state Z; {@link ProcessHandle}
 * calls a zombie alive) or reaped (no entry), and who its parent is now (init's pid once its parent died).
 *
 * @param startTime clock ticks after boot: with the pid, it names one process even when the pid is reused
 */
public record ProcStat(long pid, char state, long parentPid, long startTime) {

    public static Optional<ProcStat> of(long pid) {
        String line;
        try {
            line = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            // The process went away while its entry was read.
            return Optional.empty();
        }
        // "pid (comm) state ppid … starttime(22) …"; comm may hold spaces and parentheses, so split after the last ')'.
        String[] fields = line.substring(line.lastIndexOf(')') + 2).split(" ");
        return Optional.of(new ProcStat(pid, fields[0].charAt(0), Long.parseLong(fields[1]), Long.parseLong(fields[19])));
    }

    /** The same process, if it still has an entry (alive or a zombie); empty once it was reaped. */
    public Optional<ProcStat> now() {
        return of(pid).filter(s -> s.startTime == startTime);
    }

    public boolean isZombie() {
        return state == 'Z';
    }

    /** Every zombie whose parent is {@code parentPid}. */
    public static List<ProcStat> zombieChildrenOf(long parentPid) throws IOException {
        List<ProcStat> zombies = new ArrayList<>();
        try (Stream<Path> entries = Files.list(Path.of("/proc"))) {
            for (Path entry : entries.toList()) {
                String name = entry.getFileName().toString();
                if (name.chars().allMatch(Character::isDigit)) {
                    of(Long.parseLong(name)).filter(s -> s.parentPid == parentPid && s.isZombie()).ifPresent(zombies::add);
                }
            }
        }
        return zombies;
    }

    @Override
    public String toString() {
        return pid + " (state " + state + ", parent " + parentPid + ")";
    }
}
