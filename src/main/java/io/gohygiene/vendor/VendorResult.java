package io.gohygiene.vendor;

import java.time.Duration;
import java.util.List;

/**
 * What a vendor run did.
 *
 * @param outcome   whether vendor/ was rewritten, found up to date, or kept as it was (offline, cache incomplete)
 * @param manifest  the manifest of the vendor/ now in place (restored files, kept edits, unresolved includes)
 * @param warnings  things a person should know that did not stop the build
 */
public record VendorResult(Outcome outcome, VendorManifest manifest, List<String> warnings, Duration elapsed) {

    public enum Outcome {
        VENDORED, UP_TO_DATE, KEPT_OFFLINE, NO_DEPENDENCIES
    }

    public VendorResult {
        warnings = List.copyOf(warnings);
    }
}
