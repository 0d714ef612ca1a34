package io.gohygiene.modvendor;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** The sentences for file-system failures, from real failing writes where the OS gives one. */
class WriteFailuresTest {

    @TempDir
    Path temp;

    @Test
    void aWriteOnAFullDeviceNamesTheWorkDirectory() {
        Path full = Path.of("/dev/full");
        assumeTrue(Files.exists(full), "no /dev/full on this system");
        IOException enospc = assertThrows(IOException.class, () -> Files.write(full, new byte[1]));

        VendorException e = WriteFailures.describe(enospc, request(), "vendor/ unchanged");

        assertEquals("no space left on " + temp.resolve("app/target/go-hygiene") + ": vendor/ unchanged", e.getMessage());
    }

    @Test
    void aDeniedChangeNamesTheFileGivenWhenNoDirectoryCanBeSeenRefusing() {
        Path vendor = temp.resolve("app/vendor");
        VendorException e = WriteFailures.describe(new AccessDeniedException(vendor.toString()), request(), "vendor/ unchanged");

        assertEquals("cannot change " + temp.resolve("app") + ": it is read-only or immutable (permission denied); vendor/ unchanged",
                e.getMessage());
        assertTrue(e.hint().contains("chmod u+w " + temp.resolve("app")), e.hint());
    }

    @Test
    void anyOtherFailureKeepsItsOwnTextAndWhatBecameOfVendor() {
        VendorException e = WriteFailures.describe(new IOException("Input/output error"), request(), "vendor/ unchanged");

        assertEquals("vendoring failed: java.io.IOException: Input/output error; vendor/ unchanged", e.getMessage());
    }

    private VendorRequest request() {
        Path app = temp.resolve("app");
        return new VendorRequest(app, app.resolve("target/go-hygiene"), Map.of(), false, false, List.of(), Duration.ofMinutes(1));
    }
}
