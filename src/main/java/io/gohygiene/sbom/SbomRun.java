package io.gohygiene.sbom;

import io.gohygiene.files.Sha256;
import io.gohygiene.rules.BinaryVerifier;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The SBOM of every binary verify read, beside the verify reports. A binary verify could not read has none: its
 * {@code readable} failure already fails the build, and an SBOM of a file nobody could parse would list nothing.
 */
public final class SbomRun {

    /** One SBOM written: the binary it describes and where. */
    public record Written(Path binary, Path sbom) {
    }

    private SbomRun() {
    }

    public static List<Written> writeAll(List<BinaryVerifier.Verification> verified, Path reportDirectory, String toolVersion) throws IOException {
        List<Written> written = new ArrayList<>();
        for (BinaryVerifier.Verification v : verified) {
            if (v.report() == null) {
                continue;
            }
            Path file = BinarySbom.fileFor(reportDirectory, v.target(), v.file());
            try {
                BinarySbom.write(BinarySbom.of(v.report(), v.target(), Sha256.hex(v.file()), toolVersion, v.findings()), file);
            } catch (IOException e) {
                throw new IOException("the SBOM of " + v.shownAs() + " could not be written to " + file + ": " + e.getMessage(), e);
            }
            written.add(new Written(v.file(), file));
        }
        return written;
    }
}
