package io.gohygiene.vulndb;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Go's vulnerability database in memory, opened from a directory or zip of OSV files, either parsed outright or
 * through its index under a cache directory (built on first use, read on every later one; a corrupt index is
 * rebuilt). Lookups go through a map from module path to the entries that name it, so one costs microseconds.
 */
public final class VulnDatabase {

    /** How the entries were obtained, for the log and for tests. */
    public enum Origin {
        /** Every OSV file parsed, no index involved. */
        PARSED,
        /** The index file read; no OSV file touched. */
        INDEX_READ,
        /** No index yet: every OSV file parsed and the index written. */
        INDEX_BUILT,
        /** The index was unusable (see {@link #rebuiltBecause()}): parsed again and the index rewritten. */
        INDEX_REBUILT
    }

    private final Path source;
    private final String identity;
    private final List<OsvEntry> entries;
    private final Map<String, List<OsvEntry>> byModule;
    private final Map<String, OsvEntry> byId;
    private final Origin origin;
    private final Optional<String> rebuiltBecause;
    private final Duration openTime;

    private VulnDatabase(Path source, String identity, List<OsvEntry> entries, Origin origin, Optional<String> rebuiltBecause, long start) {
        this.source = source;
        this.identity = identity;
        this.entries = List.copyOf(entries);
        Map<String, List<OsvEntry>> modules = new HashMap<>();
        Map<String, OsvEntry> ids = new LinkedHashMap<>();
        for (OsvEntry e : this.entries) {
            ids.put(e.id(), e);
            e.affected().stream().map(OsvEntry.Affected::module).distinct()
                    .forEach(m -> modules.computeIfAbsent(m, k -> new ArrayList<>()).add(e));
        }
        modules.replaceAll((m, list) -> List.copyOf(list));
        this.byModule = Map.copyOf(modules);
        this.byId = ids;
        this.origin = origin;
        this.rebuiltBecause = rebuiltBecause;
        this.openTime = Duration.ofNanos(System.nanoTime() - start);
    }

    /** Every OSV file of {@code source} (a directory or zip) parsed, with no index. */
    public static VulnDatabase parse(Path source) throws VulnDbException {
        long start = System.nanoTime();
        OsvFiles files = OsvFiles.of(source);
        return new VulnDatabase(source, files.identity(), parseAll(files), Origin.PARSED, Optional.empty(), start);
    }

    /** Through the index under {@code indexDir}, keyed by the files' names, sizes and times (see OsvFiles.identity). */
    public static VulnDatabase open(Path source, Path indexDir) throws VulnDbException {
        long start = System.nanoTime();
        OsvFiles files = OsvFiles.of(source);
        return open(source, files.identity(), indexDir, Optional.of(files), start);
    }

    /**
     * Through the index under {@code indexDir}, keyed by an identity the caller vouches for: for the module from the
     * proxy, its {@code golang.org/x/vulndb@<version> h1:...}, checked against the checksum database when it was
     * fetched and unchangeable in the module cache, so a warm open lists no directory and reads just the index.
     */
    public static VulnDatabase open(Path source, String identity, Path indexDir) throws VulnDbException {
        return open(source, identity, indexDir, Optional.empty(), System.nanoTime());
    }

    private static VulnDatabase open(Path source, String identity, Path indexDir, Optional<OsvFiles> listed, long start) throws VulnDbException {
        Path index = VulnDatabaseIndex.file(indexDir, identity);
        Optional<String> corrupt = Optional.empty();
        try {
            Optional<List<OsvEntry>> read = VulnDatabaseIndex.read(index, identity);
            if (read.isPresent()) {
                return new VulnDatabase(source, identity, read.get(), Origin.INDEX_READ, Optional.empty(), start);
            }
        } catch (VulnDatabaseIndex.Corrupt e) {
            corrupt = Optional.of(e.getMessage());
        } catch (IOException e) {
            corrupt = Optional.of(index + " cannot be read: " + e.getMessage());
        }
        OsvFiles files = listed.isPresent() ? listed.get() : OsvFiles.of(source);
        List<OsvEntry> entries = parseAll(files);
        try {
            VulnDatabaseIndex.write(index, identity, entries);
        } catch (IOException e) {
            throw new VulnDbException("the index of the vulnerability database " + source + " cannot be written to " + index + ": " + e.getMessage(),
                    "check that the cache directory " + indexDir + " is writable and its disk not full", e);
        }
        return new VulnDatabase(source, identity, entries, corrupt.isPresent() ? Origin.INDEX_REBUILT : Origin.INDEX_BUILT, corrupt, start);
    }

    private static List<OsvEntry> parseAll(OsvFiles files) throws VulnDbException {
        OsvParser parser = new OsvParser();
        List<OsvEntry> entries = new ArrayList<>(files.size());
        files.forEach((name, content) -> entries.add(parser.parse(content, name)));
        return entries;
    }

    /** The entries that affect {@code module} at {@code version} today (withdrawn ones left out), in ID order. */
    public List<VulnMatch> lookup(String module, String version) {
        return lookup(module, version, Instant.now());
    }

    public List<VulnMatch> lookup(String module, String version, Instant now) {
        List<VulnMatch> matches = new ArrayList<>();
        Optional<String> comparable = OsvEntry.comparable(module, version);
        for (OsvEntry e : entriesFor(module)) {
            List<OsvEntry.Affected> affected = e.affecting(module, comparable, now);
            if (!affected.isEmpty()) {
                Optional<String> fixed = affected.stream().flatMap(a -> a.fixedAbove(comparable.get()).stream())
                        .min((a, b) -> GoSemver.less(a, b) ? -1 : GoSemver.less(b, a) ? 1 : 0);
                matches.add(new VulnMatch(e, module, version, affected, fixed));
            }
        }
        matches.sort(java.util.Comparator.comparing(m -> m.entry().id()));
        return matches;
    }

    /** Every entry that names {@code module}, whatever the version. */
    public List<OsvEntry> entriesFor(String module) {
        return byModule.getOrDefault(module, List.of());
    }

    public Optional<OsvEntry> entry(String id) {
        return Optional.ofNullable(byId.get(id));
    }

    public List<OsvEntry> entries() {
        return entries;
    }

    public int size() {
        return entries.size();
    }

    public Path source() {
        return source;
    }

    /** What the index is keyed by: the module's {@code h1:} or a SHA-256 over the files' names, sizes and times. */
    public String identity() {
        return identity;
    }

    public Origin origin() {
        return origin;
    }

    /** Why the index was rebuilt (which check it failed), when {@link #origin()} is {@link Origin#INDEX_REBUILT}. */
    public Optional<String> rebuiltBecause() {
        return rebuiltBecause;
    }

    /** How long opening took, listing, parsing or reading the index included. */
    public Duration openTime() {
        return openTime;
    }
}
