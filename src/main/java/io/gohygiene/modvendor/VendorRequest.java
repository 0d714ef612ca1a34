package io.gohygiene.modvendor;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What to vendor and how.
 *
 * @param moduleDirectory  the directory holding go.mod; vendor/ is made there
 * @param workDirectory    {@code target/go-hygiene}: the manifest, and the staging tree swapped in on success
 * @param environment      the environment the go processes start from (proxy variables already added)
 * @param offline          Maven runs offline: GOPROXY=off, nothing is downloaded
 * @param allowVendorEdits keep files in vendor/ that differ from the module cache, and report them, instead of failing
 * @param wholeModules     module paths whose whole tree is restored (modvendor-style) for what analysis cannot see;
 *                         {@code *} means every module with a cgo package
 * @param timeout          how long one go command may run
 */
public record VendorRequest(Path moduleDirectory, Path workDirectory, Map<String, String> environment, boolean offline,
                            boolean allowVendorEdits, List<String> wholeModules, Duration timeout) {

    public VendorRequest {
        moduleDirectory = Objects.requireNonNull(moduleDirectory, "moduleDirectory").toAbsolutePath().normalize();
        workDirectory = Objects.requireNonNull(workDirectory, "workDirectory").toAbsolutePath().normalize();
        environment = environment == null ? Map.of() : Map.copyOf(environment);
        wholeModules = wholeModules == null ? List.of()
                : wholeModules.stream().filter(m -> m != null && !m.isBlank()).map(String::strip).toList();
        timeout = timeout == null || timeout.isZero() || timeout.isNegative() ? Duration.ofMinutes(10) : timeout;
    }

    public Path vendorDirectory() {
        return moduleDirectory.resolve("vendor");
    }

    public Path manifestFile() {
        return workDirectory.resolve("vendor-manifest.json");
    }

    boolean restoresWholeTree(String modulePath, boolean hasCgo) {
        return wholeModules.contains(modulePath) || (hasCgo && wholeModules.contains("*"));
    }
}
