package io.gohygiene.vulndb;

import java.util.List;
import java.util.Optional;

/**
 * An entry that affects a module at a version: the {@code affected} elements for that module whose ranges hold the
 * version (their imports name the packages and symbols), and the first version that fixes it, as the entry writes it
 * ({@code 0.23.0}; for stdlib {@code 1.22.2}, i.e. go1.22.2), or empty when no fix is published.
 */
public record VulnMatch(OsvEntry entry, String module, String version, List<OsvEntry.Affected> affected, Optional<String> fixedVersion) {
    public VulnMatch {
        affected = List.copyOf(affected);
    }
}
