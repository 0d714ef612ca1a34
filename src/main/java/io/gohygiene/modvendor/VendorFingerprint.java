package io.gohygiene.modvendor;

import io.gohygiene.files.Sha256;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * SHA-256 over what decides the vendor tree: go.mod, go.sum, modules.txt, the restored files, the go and the
 * settings. Equal to the one the last run recorded means there is nothing to do.
 */
final class VendorFingerprint {

    private VendorFingerprint() {
    }

    /**
     * The last run's fingerprint if vendor/ is still what that run left: go.mod and modules.txt are then as it left
     * them, and it checked that they agree, so no go process is needed to say so again.
     */
    static Optional<VendorManifest.Fingerprint> unchanged(VendorRequest request, String goVersionLine) throws IOException {
        Optional<VendorManifest.Fingerprint> previous = VendorManifest.readFingerprint(request.manifestFile());
        if (previous.isEmpty() || !Files.isDirectory(request.vendorDirectory())) {
            return Optional.empty();
        }
        return of(request, goVersionLine, previous.get().restored()).equals(previous.get().value()) ? previous : Optional.empty();
    }

    /** @param restoredPaths the restored files, relative to the module directory ({@code vendor/…}) */
    static String of(VendorRequest request, String goVersionLine, List<String> restoredPaths) throws IOException {
        MessageDigest digest = Sha256.digest();
        Path moduleDir = request.moduleDirectory();
        for (Path part : List.of(moduleDir.resolve("go.mod"), moduleDir.resolve("go.sum"), request.vendorDirectory().resolve("modules.txt"))) {
            digest.update((moduleDir.relativize(part) + "\0").getBytes(StandardCharsets.UTF_8));
            if (Files.isRegularFile(part)) {
                digest.update(Files.readAllBytes(part));
            }
            digest.update((byte) 0);
        }
        for (String path : restoredPaths) {
            Path file = moduleDir.resolve(path);
            digest.update((path + "\0" + (Files.isRegularFile(file) ? Sha256.hex(file) : "missing") + "\0").getBytes(StandardCharsets.UTF_8));
        }
        digest.update((goVersionLine + "\0" + request.wholeModules() + "\0" + request.allowVendorEdits()).getBytes(StandardCharsets.UTF_8));
        return HexFormat.of().formatHex(digest.digest());
    }
}
