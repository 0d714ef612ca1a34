package io.gohygiene.vulncheck;

import io.gohygiene.files.AtomicFiles;
import io.gohygiene.modfetch.HttpSettings;
import io.gohygiene.toolchain.GoModuleAccess;
import io.gohygiene.toolchain.SystemProbe;
import io.gohygiene.toolchain.ToolchainException;
import io.gohygiene.vulndb.VulnDatabase;
import io.gohygiene.vulndb.VulnDatabaseSource;
import io.gohygiene.vulndb.VulnDbException;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Go's vulnerability database for a project's verify run: a directory or zip the user names, else the module
 * golang.org/x/vulndb through go's own settings (GOPROXY, GOSUMDB, GOMODCACHE, as toolchain provisioning uses them),
 * verified against the checksum database and cached in the module cache, its index under the user's cache. "Newest"
 * asks the proxy at most once a day (the answer is kept beside the index), so a verify run normally makes no request
 * at all; offline, or when the proxy cannot be reached, the newest version already cached is used and said.
 */
public final class ProjectVulnDatabase {

    static final Duration RECHECK = Duration.ofDays(1);
    static final String NEWEST_FILE = "newest-vulndb-version";

    /** The database and how it is named in findings and in the log. */
    public record Opened(VulnDatabase database, String name, String how) {
    }

    private ProjectVulnDatabase() {
    }

    /**
     * @param userDatabase a directory or zip of OSV JSON the pom names, used as it is
     * @param pinned       a golang.org/x/vulndb version the pom pins, else the newest
     * @param cacheDir     where indexes (and the newest version seen) are kept, e.g. ~/.cache/go-hygiene/vulndb
     */
    public static Opened open(SystemProbe probe, HttpSettings http, Optional<Path> userDatabase, Optional<String> pinned, Path cacheDir, Instant now)
            throws VulnDbException {
        if (userDatabase.isPresent()) {
            Path source = userDatabase.get();
            if (!Files.exists(source)) {
                throw new VulnDbException("<vulnerabilityDatabase> " + source + " does not exist",
                        "point it at a directory or zip of OSV JSON files (e.g. golang.org/x/vulndb's data/osv), or remove it to use the module proxy");
            }
            VulnDatabase db = VulnDatabase.open(source, cacheDir);
            return new Opened(db, source.toString(), db.size() + " entries from " + source);
        }
        GoModuleAccess access;
        try {
            access = GoModuleAccess.of(probe, http);
        } catch (ToolchainException e) {
            throw new VulnDbException(e.getMessage(), e.hint(), e);
        }
        VulnDatabaseSource source = new VulnDatabaseSource(access.fetcher(), access.proxies(), access.http(), http.offline());
        String version;
        String how;
        if (pinned.isPresent()) {
            version = pinned.get();
            how = "pinned";
        } else {
            Optional<String> recent = recentAnswer(cacheDir, now);
            if (recent.isPresent()) {
                version = recent.get();
                how = "newest (as the proxy said within the last day)";
            } else if (http.offline()) {
                version = source.newestVersion();
                how = "newest in the module cache (offline)";
            } else {
                try {
                    version = source.newestVersion();
                    how = "newest";
                    remember(cacheDir, version, now);
                } catch (VulnDbException e) {
                    Optional<String> cached = source.newestCached();
                    if (cached.isEmpty()) {
                        throw e;
                    }
                    version = cached.get();
                    how = "newest in the module cache (the proxy could not be asked: " + e.getMessage() + ")";
                }
            }
        }
        VulnDatabase db = source.open(Optional.of(version), cacheDir);
        String name = VulnDatabaseSource.MODULE + "@" + version;
        return new Opened(db, name, name + ", " + how + ", " + db.size() + " entries, verified against the checksum database"
                + http.mirror().map(m -> ", through the settings.xml " + m).orElse(""));
    }

    /** The newest version the proxy named less than a day ago, if recorded. */
    static Optional<String> recentAnswer(Path cacheDir, Instant now) {
        try {
            String[] line = Files.readString(cacheDir.resolve(NEWEST_FILE), StandardCharsets.UTF_8).strip().split(" ");
            if (line.length == 2 && Instant.ofEpochMilli(Long.parseLong(line[1])).plus(RECHECK).isAfter(now)) {
                return Optional.of(line[0]);
            }
        } catch (IOException | RuntimeException e) {
            // No answer recorded, or not readable: ask the proxy.
        }
        return Optional.empty();
    }

    private static void remember(Path cacheDir, String version, Instant now) {
        try {
            AtomicFiles.write(cacheDir.resolve(NEWEST_FILE), (version + " " + now.toEpochMilli() + "\n").getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            // Only a shortcut: without it the next run asks the proxy again.
        }
    }
}
