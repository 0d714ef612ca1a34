package io.gohygiene.modfetch;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/**
 * A module version unpacked in the module cache, and how it got there: downloaded now from {@code downloadedFrom}
 * and checked against {@code checkedAgainst}, or found complete in the cache (checked when it was downloaded, by
 * the plugin or by go, which both write the {@code .ziphash} only after the check).
 */
public record FetchedModule(String modulePath, String version, Path dir, String zipHash, Optional<URI> downloadedFrom,
                            Optional<SumDbRecord> checkedAgainst, String checksumDatabase, long bytes, Duration took) {

    public boolean fromCache() {
        return downloadedFrom.isEmpty();
    }

    /** One phrase for the report: where it came from and what was verified. */
    public String provenance(Path cacheRoot) {
        if (fromCache()) {
            return "from the module cache " + cacheRoot + " (" + zipHash + ", verified against " + checksumDatabase + " when downloaded)";
        }
        SumDbRecord record = checkedAgainst.orElseThrow();
        return "downloaded from " + ModuleHttp.redacted(downloadedFrom.get()) + ", " + zipHash + " verified against " + checksumDatabase
                + " (signed tree of " + record.treeSize() + " records, inclusion of record " + record.recordId() + " proven)";
    }
}
