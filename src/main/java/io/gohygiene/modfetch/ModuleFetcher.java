package io.gohygiene.modfetch;

import io.gohygiene.files.AtomicFiles;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Over 300 lines: the one place that orders download, check and install, with the failure paths that undo each step;
 * split up, the order that keeps the cache from ever holding an unchecked tree would be spread over several files.
 *
 * Fetches a module version into the module cache the way go does, with the checksum database as the authority:
 * the zip is downloaded from the first proxy that has it (GOPROXY's order and fallback rules), unpacked into a
 * temporary tree beside its final place while the database is asked in parallel, and only when the {@code h1:} of
 * the bytes written equals the database's signed, proven record is the tree moved into place, marked complete
 * ({@code .ziphash}) and made read-only. Anything else leaves nothing behind that go or a later run would use.
 */
public final class ModuleFetcher {

    private final ModuleCache cache;
    private final GoProxyList proxies;
    private final SumDbSetting sumDb;
    private final ModuleHttp http;
    private final boolean offline;

    public ModuleFetcher(ModuleCache cache, GoProxyList proxies, SumDbSetting sumDb, ModuleHttp http, boolean offline) {
        this.cache = cache;
        this.proxies = proxies;
        this.sumDb = sumDb;
        this.http = http;
        this.offline = offline;
    }

    public ModuleCache cache() {
        return cache;
    }

    public FetchedModule fetch(String modulePath, String version) throws ModuleFetchException {
        long start = System.nanoTime();
        String mv = modulePath + "@" + version;
        try {
            Optional<String> cached = cache.completeTreeHash(modulePath, version);
            if (cached.isPresent()) {
                return new FetchedModule(modulePath, version, cache.dir(modulePath, version), cached.get(), Optional.empty(), Optional.empty(),
                        sumDb.name(), 0, Duration.ofNanos(System.nanoTime() - start));
            }
            if (offline) {
                throw new ModuleFetchException(mv + " is not in the module cache " + cache.root() + ", and the build is offline (-o)",
                        "run the build once without -o to download it, or point GOMODCACHE at a cache that has it");
            }
            if (sumDb.isOff()) {
                throw new ModuleFetchException("GOSUMDB=off: " + mv + " cannot be checked against the checksum database",
                        "unset GOSUMDB (or set it to sum.golang.org or your mirror of it); the plugin never uses a download it could not check");
            }
            if (proxies.proxies().isEmpty()) {
                throw proxies.entries().get(0).kind() == GoProxyList.Kind.OFF ? disabled(mv, List.of()) : noProxy(mv);
            }
            try (AutoCloseable lock = cache.lock(modulePath, version)) {
                cached = cache.completeTreeHash(modulePath, version);
                if (cached.isPresent()) {
                    // Another JVM or go finished it while this one waited for the lock.
                    return new FetchedModule(modulePath, version, cache.dir(modulePath, version), cached.get(), Optional.empty(), Optional.empty(),
                            sumDb.name(), 0, Duration.ofNanos(System.nanoTime() - start));
                }
                return download(modulePath, version, start);
            }
        } catch (ModuleFetchException e) {
            throw e;
        } catch (Exception e) {
            throw new ModuleFetchException(mv + ": " + describe(e), hintFor(e), false, e);
        }
    }

    private FetchedModule download(String modulePath, String version, long start) throws Exception {
        String mv = modulePath + "@" + version;
        Path dir = cache.dir(modulePath, version);
        Path zip = cache.downloadFile(modulePath, version, "zip");
        Files.createDirectories(zip.getParent());
        removeLeftovers(dir, zip);
        String unique = UUID.randomUUID().toString();
        Path tmpZip = zip.resolveSibling(zip.getFileName() + ".tmp-" + unique);
        Path tmpDir = dir.resolveSibling(dir.getFileName() + ".tmp-" + unique);
        CompletableFuture<Lookup> lookup = CompletableFuture.supplyAsync(() -> lookUp(modulePath, version));
        boolean installed = false;
        try {
            URI from = downloadZip(modulePath, version, tmpZip);
            // The go.mod and .info travel while the zip is unpacked (two round trips less on the way).
            CompletableFuture<Optional<GoModAndInfo>> goModAndInfo = CompletableFuture.supplyAsync(() -> fetchGoModAndInfo(from));
            long bytes = Files.size(tmpZip);
            String written;
            try {
                written = ModuleZip.unpack(tmpZip, modulePath, version, tmpDir);
            } catch (ModuleZipException e) {
                throw new ModuleFetchException(e.getMessage() + " (downloaded from " + ModuleHttp.redacted(from) + ")", e.hint());
            }
            SumDbRecord record = awaitLookup(lookup, mv);
            if (!record.zipHash().equals(written)) {
                throw new ModuleFetchException("SECURITY ERROR: " + mv + " downloaded from " + ModuleHttp.redacted(from) + " has " + written
                        + ", but the checksum database " + sumDb.name() + " says " + record.zipHash() + " (signed tree of " + record.treeSize() + " records)",
                        "this download is not what was published; nothing was installed. Retry; if it persists, the proxy or the network path to it "
                                + "serves altered files: report it to the proxy's operator and do not use this proxy");
            }
            keepGoModAndInfo(modulePath, version, from, record, goModAndInfo.join());
            Path partial = cache.downloadFile(modulePath, version, "partial");
            Files.write(partial, new byte[0]);
            Files.move(tmpZip, zip, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            AtomicFiles.write(cache.downloadFile(modulePath, version, "ziphash"), (written + "\n").getBytes(StandardCharsets.UTF_8));
            Files.move(tmpDir, dir, StandardCopyOption.ATOMIC_MOVE);
            ModuleZip.makeReadOnly(dir);
            Files.delete(partial);
            installed = true;
            return new FetchedModule(modulePath, version, dir, written, Optional.of(from), Optional.of(record), sumDb.name(), bytes,
                    Duration.ofNanos(System.nanoTime() - start));
        } finally {
            lookup.cancel(true);
            Files.deleteIfExists(tmpZip);
            if (!installed) {
                deleteTree(tmpDir);
                if (!Files.exists(dir)) {
                    Files.deleteIfExists(cache.downloadFile(modulePath, version, "partial"));
                }
            }
        }
    }

    /**
     * The version's go.mod (checked against the database's go.mod hash) and .info beside the zip, as go keeps them,
     * so that go finds the version complete in the cache (GOPROXY=off, {@code go mod download}). A proxy that has no
     * go.mod or .info costs go a request later, nothing more; a go.mod that is not the published one is refused.
     */
    private void keepGoModAndInfo(String modulePath, String version, URI zipUrl, SumDbRecord record, Optional<GoModAndInfo> fetched)
            throws IOException, ModuleFetchException {
        if (fetched.isEmpty()) {
            return;
        }
        String base = baseOf(zipUrl);
        byte[] goMod = fetched.get().goMod();
        byte[] info = fetched.get().info();
        java.util.TreeMap<String, byte[]> file = new java.util.TreeMap<>();
        // Go hashes a go.mod alone under the name "go.mod" (modfetch's goModSum), not under the module's prefix.
        file.put("go.mod", io.gohygiene.files.Sha256.digest().digest(goMod));
        String goModHash = DirHash.hash1(file);
        if (!goModHash.equals(record.goModHash())) {
            throw new ModuleFetchException("SECURITY ERROR: the go.mod of " + modulePath + "@" + version + " from " + ModuleHttp.redacted(URI.create(base + ".mod"))
                    + " has " + goModHash + ", but the checksum database " + sumDb.name() + " says " + record.goModHash(),
                    "this download is not what was published; nothing was installed. Report it to the proxy's operator and do not use this proxy");
        }
        AtomicFiles.write(cache.downloadFile(modulePath, version, "mod"), goMod);
        // Proxies format .info differently ({"Version": "v1"} or pretty-printed); only its Version is checked.
        if (java.util.regex.Pattern.compile("\"Version\"\\s*:\\s*\"" + java.util.regex.Pattern.quote(version) + "\"")
                .matcher(new String(info, StandardCharsets.UTF_8)).find()) {
            AtomicFiles.write(cache.downloadFile(modulePath, version, "info"), info);
        }
    }

    private record GoModAndInfo(byte[] goMod, byte[] info) {
    }

    /** The version's .mod and .info from where its zip came; empty when the proxy has not both. */
    private Optional<GoModAndInfo> fetchGoModAndInfo(URI zipUrl) {
        String base = baseOf(zipUrl);
        try {
            return Optional.of(new GoModAndInfo(http.get(URI.create(base + ".mod"), 16 << 20), http.get(URI.create(base + ".info"), 64 << 10)));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private static String baseOf(URI zipUrl) {
        return zipUrl.toString().substring(0, zipUrl.toString().length() - ".zip".length());
    }

    /** Trees and zips an interrupted run (killed JVM, full disk) left; safe to remove under the lock, as go does. */
    private void removeLeftovers(Path dir, Path zip) throws IOException {
        for (Path parent : List.of(dir.getParent(), zip.getParent())) {
            if (!Files.isDirectory(parent)) {
                continue;
            }
            String prefix = (parent.equals(dir.getParent()) ? dir : zip).getFileName() + ".tmp-";
            try (DirectoryStream<Path> entries = Files.newDirectoryStream(parent, p -> p.getFileName().toString().startsWith(prefix))) {
                for (Path leftover : entries) {
                    deleteTree(leftover);
                }
            }
        }
        Path partial = zip.resolveSibling(zip.getFileName().toString().replaceFirst("\\.zip$", ".partial"));
        if (Files.exists(partial) && Files.exists(dir)) {
            deleteTree(dir);
        }
        Files.deleteIfExists(partial);
    }

    private URI downloadZip(String modulePath, String version, Path to) throws IOException, ModuleFetchException {
        String mv = modulePath + "@" + version;
        List<String> notFound = new ArrayList<>();
        for (GoProxyList.Entry entry : proxies.entries()) {
            switch (entry.kind()) {
                case OFF -> throw disabled(mv, notFound);
                case DIRECT -> throw notFound.isEmpty() ? noProxy(mv) : new ModuleFetchException(mv + " was not found" + tried(notFound)
                        + "; the next GOPROXY entry is direct, and the plugin fetches only from proxies",
                        "check the version and the platform; or add a proxy that has it to GOPROXY", true, null);
                case PROXY -> {
                    URI url = zipUrl(entry.url(), modulePath, version);
                    try {
                        http.download(url, to);
                        return url;
                    } catch (FileNotFoundException e) {
                        notFound.add(ModuleHttp.redacted(entry.url()));
                    } catch (IOException e) {
                        if (!entry.fallBackOnError()) {
                            throw e;
                        }
                        notFound.add(ModuleHttp.redacted(entry.url()) + " (" + e.getMessage() + ")");
                    }
                }
            }
        }
        throw new ModuleFetchException(mv + " was not found" + tried(notFound), "check the version and the platform: the proxy has no such module version", true, null);
    }

    private static String tried(List<String> tried) {
        return tried.isEmpty() ? "" : " on " + String.join(", ", tried);
    }

    private static ModuleFetchException disabled(String mv, List<String> notFound) {
        return new ModuleFetchException(mv + ": module downloads are disabled by GOPROXY=off" + (notFound.isEmpty() ? "" : " after it was not found" + tried(notFound)),
                "set GOPROXY to a module proxy (Go's default: " + GoProxyList.DEFAULT + "), or fill the module cache on a machine that can");
    }

    private ModuleFetchException noProxy(String mv) {
        return new ModuleFetchException("GOPROXY=" + proxies.shownSetting() + " names no module proxy, and " + mv + " comes only from one",
                "set GOPROXY to a module proxy, e.g. Go's default " + GoProxyList.DEFAULT);
    }

    static URI zipUrl(URI proxy, String modulePath, String version) {
        String base = proxy.toString();
        return URI.create((base.endsWith("/") ? base : base + "/") + ModulePaths.escape(modulePath) + "/@v/" + ModulePaths.escape(version) + ".zip");
    }

    /** A lookup result or its failure, carried out of the background task. */
    private record Lookup(SumDbRecord record, Exception failure) {
    }

    private Lookup lookUp(String modulePath, String version) {
        try {
            return new Lookup(new SumDbClient(sumDb, transport()).lookup(modulePath, version), null);
        } catch (Exception e) {
            return new Lookup(null, e);
        }
    }

    /** The checksum database through the first proxy that serves it, as go asks it (proxy.golang.org does). */
    private SumDbTransport transport() throws IOException {
        Optional<java.nio.file.Path> goCache = Optional.of(cache.root());
        List<String> asked = new ArrayList<>();
        for (GoProxyList.Entry entry : proxies.proxies()) {
            URI proxy = ModuleHttp.withoutUserInfo(entry.url());
            if ("file".equals(proxy.getScheme())) {
                asked.add(ModuleHttp.redacted(entry.url()));
                continue;
            }
            // Go's rule for choosing the proxy that serves the database: TryProxies, so ',' falls through on "not found"
            // only and '|' on any error.
            try {
                if (ProxySumDbTransport.supported(proxy, sumDb.name(), http.client(), http.timeout())) {
                    return new ProxySumDbTransport(proxy, sumDb.name(), http.client(), http.timeout(), goCache);
                }
            } catch (IOException e) {
                if (!entry.fallBackOnError()) {
                    throw e;
                }
            }
            asked.add(ModuleHttp.redacted(entry.url()));
        }
        throw new IOException("no proxy in GOPROXY serves the checksum database " + sumDb.name() + " (asked " + String.join(", ", asked)
                + " for /sumdb/" + sumDb.name() + "/supported)");
    }

    private SumDbRecord awaitLookup(CompletableFuture<Lookup> lookup, String mv) throws Exception {
        Lookup result;
        try {
            result = lookup.get(http.timeout().toMillis() * 4, TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            throw new IOException("the checksum database " + sumDb.name() + " did not answer for " + mv + " in time", e);
        } catch (ExecutionException e) {
            throw (Exception) e.getCause();
        }
        if (result.failure() instanceof ChecksumException c) {
            throw new ModuleFetchException(c.getMessage(), c.hint(), false, c);
        }
        if (result.failure() != null) {
            throw result.failure();
        }
        return result.record();
    }

    private static String describe(Exception e) {
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        if (message.contains("No space left on device") || message.contains("Disk quota exceeded")) {
            return "the disk is full (" + message + ")";
        }
        return e instanceof java.nio.file.FileSystemException fs ? fs.getClass().getSimpleName() + " " + message : message;
    }

    private static String hintFor(Exception e) {
        String message = String.valueOf(e.getMessage());
        if (message.contains("No space left on device") || message.contains("Disk quota exceeded")) {
            return "free space on the disk of the module cache (GOMODCACHE) and run again; nothing half-written is kept";
        }
        if (e instanceof java.nio.file.AccessDeniedException) {
            return "make the module cache (GOMODCACHE) writable for this user, or point GOMODCACHE elsewhere";
        }
        return "check the network path to the proxy (Maven's <proxy> in settings.xml applies) and retry; nothing half-written is kept";
    }

    static void deleteTree(Path path) throws IOException {
        if (!Files.exists(path, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        if (Files.isDirectory(path, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            ModuleZip.makeWritable(path);
            try (var walk = Files.walk(path)) {
                for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(p);
                }
            }
        } else {
            Files.deleteIfExists(path);
        }
    }
}
