package io.gohygiene.vulndb;

import io.gohygiene.modfetch.FetchedModule;
import io.gohygiene.modfetch.GoProxyList;
import io.gohygiene.modfetch.ModuleFetchException;
import io.gohygiene.modfetch.ModuleFetcher;
import io.gohygiene.modfetch.ModuleHttp;
import io.gohygiene.modfetch.ModulePaths;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Go's vulnerability database as the module golang.org/x/vulndb, through the same path as every module the plugin
 * fetches: from GOPROXY, checked against the checksum database, kept in the module cache in go's layout. The module
 * has pseudo-versions only and proxy.golang.org answers {@code @latest} with 404, so "newest" is the highest version
 * of {@code @v/list}; offline, it is the highest version already complete in the module cache, which can be older
 * than what the proxy has (the version opened says which, and {@link #publishedAt} how old it is).
 */
public final class VulnDatabaseSource {

    public static final String MODULE = "golang.org/x/vulndb";
    private static final Pattern PSEUDO_TIME = Pattern.compile("^v\\d+\\.\\d+\\.\\d+-(?:0\\.)?(\\d{14})-[0-9a-f]{12}$|^v\\d+\\.\\d+\\.\\d+-[^+]*\\.0\\.(\\d{14})-[0-9a-f]{12}$");

    private final ModuleFetcher fetcher;
    private final GoProxyList proxies;
    private final ModuleHttp http;
    private final boolean offline;

    public VulnDatabaseSource(ModuleFetcher fetcher, GoProxyList proxies, ModuleHttp http, boolean offline) {
        this.fetcher = fetcher;
        this.proxies = proxies;
        this.http = http;
        this.offline = offline;
    }

    /**
     * The database at {@code version}, or the newest when empty, fetched (or found in the module cache) and opened
     * through its index under {@code indexDir}, keyed by the module version's {@code h1:}.
     */
    public VulnDatabase open(Optional<String> version, Path indexDir) throws VulnDbException {
        FetchedModule module = fetch(version);
        return VulnDatabase.open(module.dir(), MODULE + "@" + module.version() + " " + module.zipHash(), indexDir);
    }

    /** The module version, verified and in the module cache. */
    public FetchedModule fetch(Optional<String> version) throws VulnDbException {
        String v = version.isPresent() ? version.get() : newestVersion();
        try {
            return fetcher.fetch(MODULE, v);
        } catch (ModuleFetchException e) {
            throw new VulnDbException("the vulnerability database " + MODULE + "@" + v + " could not be obtained: " + e.getMessage(), e.hint(), e);
        }
    }

    /** Online: the highest version the first proxy that knows the module lists. Offline: the newest in the module cache. */
    public String newestVersion() throws VulnDbException {
        return offline ? newestCached().orElseThrow(() -> new VulnDbException(
                "no version of " + MODULE + " is in the module cache " + fetcher.cache().root() + ", and the build is offline (-o)",
                "run the build once without -o to download the vulnerability database, or pin a version that is in the cache")) : newestListed();
    }

    /** The newest complete version in the module cache, if any. */
    public Optional<String> newestCached() throws VulnDbException {
        Path versions = fetcher.cache().downloadFile(MODULE, "v0.0.0", "zip").getParent();
        if (!Files.isDirectory(versions)) {
            return Optional.empty();
        }
        List<String> complete = new ArrayList<>();
        try (Stream<Path> files = Files.list(versions)) {
            for (Path f : files.filter(p -> p.getFileName().toString().endsWith(".ziphash")).toList()) {
                String version = f.getFileName().toString().replaceFirst("\\.ziphash$", "");
                if (GoSemver.isValid(version) && fetcher.cache().completeTreeHash(MODULE, version).isPresent()) {
                    complete.add(version);
                }
            }
        } catch (IOException e) {
            throw new VulnDbException("the module cache " + versions + " cannot be read: " + e.getMessage(), "check its permissions", e);
        }
        return complete.stream().max(GoSemver::compare);
    }

    private String newestListed() throws VulnDbException {
        List<String> tried = new ArrayList<>();
        for (GoProxyList.Entry entry : proxies.entries()) {
            if (entry.kind() != GoProxyList.Kind.PROXY) {
                break;
            }
            String base = entry.url().toString();
            URI url = URI.create((base.endsWith("/") ? base : base + "/") + ModulePaths.escape(MODULE) + "/@v/list");
            try {
                String list = new String(http.get(url, 4 << 20), StandardCharsets.UTF_8);
                Optional<String> newest = list.lines().map(String::strip).filter(GoSemver::isValid).max(GoSemver::compare);
                if (newest.isPresent()) {
                    return newest.get();
                }
                tried.add(ModuleHttp.redacted(url) + " (an empty list)");
            } catch (FileNotFoundException e) {
                tried.add(ModuleHttp.redacted(url) + " (not found)");
            } catch (IOException e) {
                if (!entry.fallBackOnError()) {
                    throw new VulnDbException("the versions of " + MODULE + " could not be listed: " + e.getMessage(),
                            "check the network and GOPROXY, or pin a version of the database that is in the module cache", e);
                }
                tried.add(ModuleHttp.redacted(url) + " (" + e.getMessage() + ")");
            }
        }
        throw new VulnDbException("no module proxy lists a version of " + MODULE + (tried.isEmpty() ? " (GOPROXY names no proxy)" : "; asked " + String.join(", ", tried)),
                "set GOPROXY to a proxy that serves " + MODULE + " (e.g. " + GoProxyList.DEFAULT + "), or pin a version");
    }

    /** The time in a pseudo-version ({@code v0.0.0-20261105234957-e22db6528018}): when that database was committed. */
    public static Optional<Instant> publishedAt(String version) {
        Matcher m = PSEUDO_TIME.matcher(version);
        if (!m.matches()) {
            return Optional.empty();
        }
        String stamp = m.group(1) != null ? m.group(1) : m.group(2);
        return Optional.of(LocalDateTime.parse(stamp, DateTimeFormatter.ofPattern("yyyyMMddHHmmss")).toInstant(ZoneOffset.UTC));
    }
}
