package io.gohygiene.modvendor;

import java.time.Duration;
import java.util.List;
import java.util.function.Supplier;

/**
 * What a vendor run did.
 *
 * @param outcome   whether vendor/ was rewritten, found up to date, or kept as it was (offline, cache incomplete)
 * @param warnings  things a person should know that did not stop the build
 * @param manifestSource the manifest, in hand or read from its file when asked: a run with nothing to do reads
 *                  only the fingerprint, and a JSON parser's start-up is most of such a run's time
 */
public record VendorResult(Outcome outcome, List<String> warnings, Duration elapsed, Supplier<VendorManifest> manifestSource) {

    public enum Outcome {
        VENDORED, UP_TO_DATE, KEPT_OFFLINE, NO_DEPENDENCIES
    }

    public VendorResult {
        warnings = List.copyOf(warnings);
    }

    VendorResult(Outcome outcome, VendorManifest manifest, List<String> warnings, Duration elapsed) {
        this(outcome, warnings, elapsed, () -> manifest);
    }

    /** The manifest of the vendor/ now in place (restored files, kept edits, unresolved includes). */
    public VendorManifest manifest() {
        return manifestSource.get();
    }
}
