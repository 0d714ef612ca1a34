package io.gohygiene.modvendor;

import io.gohygiene.process.CommandLine;
import io.gohygiene.process.ProcessException;
import io.gohygiene.process.ProcessResult;
import io.gohygiene.process.ProcessRunner;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * A disk that fills up while the new tree is written, and a vendor/ (or its parent) that cannot be changed: one
 * sentence that names the directory, vendor/ as it was, and no unfinished tree left in target/. The full disk is a
 * real 1 MB tmpfs (mounting one needs root; the test is skipped where it cannot mount); the unchangeable directory
 * is {@code chattr +i} as root (where chmod stops nothing), else a read-only directory.
 */
class VendorDiskFailureTest {

    @TempDir
    Path temp;

    private final List<String> log = new ArrayList<>();

    @Test
    void aDiskThatFillsUpWhileTheNewTreeIsWrittenLeavesVendorUnchangedAndNoUnfinishedTree() throws Exception {
        Path disk = Files.createDirectories(temp.resolve("disk"));
        String mountFailure = command("mount", "-t", "tmpfs", "-o", "size=1m", "tmpfs", disk.toString());
        assumeTrue(mountFailure == null, () -> "cannot mount a tmpfs here: " + mountFailure);
        try {
            VendorSyncTest.copy(Path.of("src/test/go/vendoring").toAbsolutePath(), disk.resolve("src"));
            Path app = disk.resolve("src/app");
            Path work = app.resolve("target/go-hygiene");
            sync(app, work);
            Files.writeString(app.resolve("go.mod"), Files.readString(app.resolve("go.mod")) + "\n// changed: vendor again\n");
            Map<String, String> before = VendorSyncTest.snapshot(app.resolve("vendor"));
            List<Path> fillers = fill(disk);

            // full: go's own write of the new tree fails
            VendorException goFailed = assertThrows(VendorException.class, () -> sync(app, work));
            // two pages free for go's two files, none for the files put back after it: the plugin's own write fails
            for (Path filler : fillers.subList(fillers.size() - 4, fillers.size())) {
                Files.delete(filler);
            }
            VendorException restoreFailed = assertThrows(VendorException.class, () -> sync(app, work));

            for (VendorException e : List.of(goFailed, restoreFailed)) {
                assertEquals("no space left on " + work + ": vendor/ unchanged", e.getMessage());
                assertTrue(e.hint().contains("free space on " + work), e.hint());
            }
            assertTrue(log.stream().anyMatch(l -> l.startsWith("go mod vendor: ")), "the second time go got through: " + log);
            assertEquals(before, VendorSyncTest.snapshot(app.resolve("vendor")));
            assertFalse(Files.exists(work.resolve("_vendor.new")), "the unfinished tree is removed, not left filling the disk");
        } finally {
            command("umount", disk.toString());
        }
    }

    @Test
    void anImmutableVendorTreeOrParentIsOneSentenceNamingTheDirectory() throws Exception {
        VendorSyncTest.copy(Path.of("src/test/go/vendoring").toAbsolutePath(), temp.resolve("src"));
        Path app = temp.resolve("src/app");
        Path work = app.resolve("target/go-hygiene");
        sync(app, work);
        Files.writeString(app.resolve("go.mod"), Files.readString(app.resolve("go.mod")) + "\n// changed: vendor again\n");
        Map<String, String> before = VendorSyncTest.snapshot(app.resolve("vendor"));

        for (Path locked : List.of(app.resolve("vendor"), app)) {
            lock(locked);
            try {
                VendorException e = assertThrows(VendorException.class, () -> sync(app, work));
                assertTrue(e.getMessage().startsWith("cannot change " + locked + ": it is read-only or immutable ("), e.getMessage());
                assertTrue(e.getMessage().endsWith("); vendor/ unchanged"), e.getMessage());
                assertFalse(e.getMessage().contains("Exception"), e.getMessage());
                assertTrue(e.hint().contains("chmod u+w " + locked) && e.hint().contains("chattr -i " + locked), e.hint());
            } finally {
                unlock(locked);
            }
            assertEquals(before, VendorSyncTest.snapshot(app.resolve("vendor")));
            assertFalse(Files.exists(work.resolve("_vendor.new")));
        }
    }

    /** chattr +i where it works (root, ext4/xfs/tmpfs…); else a read-only directory, which stops a user who is not root. */
    private static void lock(Path dir) {
        if (command("chattr", "+i", dir.toString()) == null) {
            return;
        }
        dir.toFile().setWritable(false, false);
        if (Files.isWritable(dir)) {
            dir.toFile().setWritable(true, true);
            assumeTrue(false, "neither chattr +i nor a read-only mode stops writes to " + dir + " for this user");
        }
    }

    private static void unlock(Path dir) {
        command("chattr", "-i", dir.toString());
        dir.toFile().setWritable(true, true);
    }

    /** Fills the file system with one-page files until it says it is full; returns them. */
    private static List<Path> fill(Path disk) throws IOException {
        List<Path> fillers = new ArrayList<>();
        byte[] page = new byte[4096];
        while (true) {
            Path filler = disk.resolve("filler-" + fillers.size());
            try {
                Files.write(filler, page);
                fillers.add(filler);
            } catch (IOException full) {
                assertTrue(String.valueOf(full.getMessage()).contains("No space left on device"), full.toString());
                Files.deleteIfExists(filler);
                return fillers;
            }
        }
    }

    private VendorResult sync(Path app, Path work) throws Exception {
        VendorRequest request = new VendorRequest(app, work, VendorSyncTest.environment(), false, false, List.of(), Duration.ofMinutes(5));
        return VendorSyncTest.vendorSync(app).run(request, log::add);
    }

    /** Runs a system command: null when it succeeded, else why not (a command that is not there counts as failing). */
    private static String command(String... argv) {
        try {
            ProcessResult r = new ProcessRunner().run(new CommandLine(List.of(argv), System.getenv(), Path.of("."), Duration.ofMinutes(1)));
            return r.succeeded() ? null : r.diagnostics().strip();
        } catch (ProcessException e) {
            return e.getMessage();
        }
    }
}
