package io.gohygiene.modvendor;

import io.gohygiene.files.JsonFiles;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * {@code target/go-hygiene/vendor-manifest.json}: what the last successful vendoring did, file by file, and the
 * fingerprint that makes the next run a no-op when nothing changed.
 *
 * @param fingerprint  SHA-256 over go.mod, go.sum, vendor/modules.txt, the restored files, the go and the settings
 * @param go           {@code go version} of the go that vendored
 * @param modules      how many modules vendor/modules.txt lists
 * @param cgoPackages  the vendored packages that use cgo or hold C/assembly files
 * @param restored     the files put back into vendor/ that {@code go mod vendor} left out, each with its reason
 * @param keptEdits    files of vendor/ that differ from their module and were kept ({@code allowVendorEdits})
 * @param unresolved   {@code #include "…"} lines that name no file in the module (generated or system headers, or
 *                     computed includes; restore the whole module if the build misses one)
 */
public record VendorManifest(String fingerprint, String go, int modules, List<String> cgoPackages, List<RestoredFile> restored,
                             List<String> keptEdits, List<CgoNeedFinder.Unresolved> unresolved) {

    /** @param path vendor-relative, e.g. {@code vendor/github.com/karalabe/hid/hidapi/hidapi/hidapi.h} */
    public record RestoredFile(String path, String module, String reason, String sha256) {
    }

    public VendorManifest {
        cgoPackages = List.copyOf(cgoPackages);
        restored = List.copyOf(restored);
        keptEdits = List.copyOf(keptEdits);
        unresolved = List.copyOf(unresolved);
    }

    /** The manifest of the last run, if there is one that can be read; a damaged one counts as none. */
    public static Optional<VendorManifest> read(Path file) {
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try {
            return Optional.of(JsonFiles.read(file, VendorManifest.class));
        } catch (IOException | RuntimeException e) {
            // a field missing or of the wrong type (an older or edited file) reaches the constructor as null
            return Optional.empty();
        }
    }

    /**
     * The fingerprint and the restored files' paths, beside the manifest in {@code vendor-manifest.fingerprint}: all
     * a run needs to tell that there is nothing to do, in plain lines that need no JSON parser.
     */
    public record Fingerprint(String value, List<String> restored) {
    }

    /** The fingerprint written with the manifest {@code file}, if both are there. */
    public static Optional<Fingerprint> readFingerprint(Path file) {
        Path sidecar = fingerprintFile(file);
        if (!Files.isRegularFile(file) || !Files.isRegularFile(sidecar)) {
            return Optional.empty();
        }
        try {
            List<String> lines = Files.readAllLines(sidecar, java.nio.charset.StandardCharsets.UTF_8);
            return lines.isEmpty() || lines.get(0).isBlank() ? Optional.empty()
                    : Optional.of(new Fingerprint(lines.get(0), List.copyOf(lines.subList(1, lines.size()))));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /** Written whole or not at all: a reader never sees half a manifest. The fingerprint goes last, so it never outlives it. */
    public void write(Path file) throws IOException {
        Path sidecar = fingerprintFile(file);
        Files.deleteIfExists(sidecar);
        JsonFiles.write(this, file);
        StringBuilder lines = new StringBuilder(fingerprint).append('\n');
        restored.forEach(r -> lines.append(r.path()).append('\n'));
        io.gohygiene.files.AtomicFiles.write(sidecar, lines.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    private static Path fingerprintFile(Path manifest) {
        String name = manifest.getFileName().toString();
        return manifest.resolveSibling((name.endsWith(".json") ? name.substring(0, name.length() - 5) : name) + ".fingerprint");
    }
}
