package io.gohygiene.modfetch;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/** Writes the members of a checked module zip into a new tree, a few at a time, hashing the bytes written. */
final class ZipTreeWriter {

    private ZipTreeWriter() {
    }

    /** Files are taken by the writers in runs of this many entries, in zip order. */
    private static final int CHUNK = 32;

    /**
     * The one pass over the data: each file written 0444 and hashed from the bytes written. Creating a file is the
     * cost (a toolchain has 9,000 of them, a quarter of a millisecond each on ext4), and creations in different
     * directories proceed in parallel, so a few writers take runs of entries in zip order. The directories are
     * created first, once each. A problem is reported for the first bad entry in zip order, as a single pass would:
     * a writer that finds one finishes its run, the others stop at theirs, and every entry before it has been read.
     */
    static String write(ZipFile zipFile, List<ZipEntry> entries, Path zip, String module, String prefix, Path into)
            throws IOException, ModuleZipException {
        Path[] targets = new Path[entries.size()];
        java.util.Set<Path> created = new java.util.LinkedHashSet<>();
        for (int i = 0; i < entries.size(); i++) {
            ZipEntry entry = entries.get(i);
            String path = entry.getName().substring(prefix.length());
            if (path.isEmpty() || entry.isDirectory()) {
                continue; // Go ignores directory entries when unzipping, but its HashZip hashes them (empty).
            }
            Path file = into.resolve(path).normalize();
            if (!file.startsWith(into) || file.equals(into)) {
                throw ModuleZip.refused(zip, module, entry.getName(), "it would be written outside " + into);
            }
            targets[i] = file;
            created.add(file.getParent());
        }
        for (Path dir : created) {
            Files.createDirectories(dir);
        }
        byte[][] sha256s = new byte[entries.size()][];
        java.util.concurrent.atomic.AtomicInteger next = new java.util.concurrent.atomic.AtomicInteger();
        java.util.concurrent.ConcurrentSkipListMap<Integer, Exception> failures = new java.util.concurrent.ConcurrentSkipListMap<>();
        Runnable writer = () -> {
            int start;
            while (failures.isEmpty() && (start = next.getAndAdd(CHUNK)) < entries.size()) {
                for (int i = start; i < Math.min(start + CHUNK, entries.size()); i++) {
                    try {
                        sha256s[i] = writeOne(zipFile, entries.get(i), targets[i]);
                    } catch (IOException | ZipMembers.BadMember | RuntimeException e) {
                        failures.put(i, e);
                        break;
                    }
                }
            }
        };
        // Measured on the 2-core machine's ext4: 2 writers 3.4–3.5 s for a toolchain, 4 writers 3.1–3.4 s, 8 no better.
        int writers = Math.min(4, Math.max(2, 2 * Runtime.getRuntime().availableProcessors()));
        List<Thread> threads = new ArrayList<>();
        for (int w = 1; w < writers; w++) {
            Thread thread = new Thread(writer, "go-hygiene-unzip-" + w);
            thread.setDaemon(true);
            thread.start();
            threads.add(thread);
        }
        writer.run();
        for (Thread thread : threads) {
            try {
                thread.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new java.io.InterruptedIOException("interrupted while unpacking " + zip);
            }
        }
        if (!failures.isEmpty()) {
            Map.Entry<Integer, Exception> first = failures.firstEntry();
            if (first.getValue() instanceof ZipMembers.BadMember bad) {
                throw ModuleZip.refused(zip, module, entries.get(first.getKey()).getName(), bad.getMessage());
            }
            if (first.getValue() instanceof IOException io) {
                throw io;
            }
            throw (RuntimeException) first.getValue();
        }
        SortedMap<String, byte[]> sha256ByName = new TreeMap<>(DirHash.GO_ORDER);
        for (int i = 0; i < entries.size(); i++) {
            sha256ByName.put(entries.get(i).getName(), sha256s[i]);
        }
        return DirHash.hash1(sha256ByName);
    }

    /** One member: hashed only ({@code file} null: a directory entry), or written 0444 and hashed. */
    private static byte[] writeOne(ZipFile zipFile, ZipEntry entry, Path file) throws IOException, ZipMembers.BadMember {
        if (file == null) {
            return ZipMembers.copy(zipFile, entry, null);
        }
        byte[] sha256;
        try (OutputStream out = ModuleZip.createReadOnly(file)) {
            sha256 = ZipMembers.copy(zipFile, entry, out);
        }
        if (!ModuleZip.isPosix(file)) {
            file.toFile().setReadOnly();
        }
        return sha256;
    }

}
