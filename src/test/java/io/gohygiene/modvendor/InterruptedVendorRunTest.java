package io.gohygiene.modvendor;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The states a killed vendor run leaves on disk, set up by hand on a really vendored module (src/test/go/vendoring),
 * and what the next run makes of them: it puts the previous tree back, or keeps the complete one and says which,
 * and never deletes the only copy of a tree (a local edit in it would be lost without a word).
 */
class InterruptedVendorRunTest {

    @TempDir
    Path temp;

    private Path app;
    private Path work;
    private final List<String> log = new ArrayList<>();

    @BeforeEach
    void vendorOnce() throws Exception {
        VendorSyncTest.copy(Path.of("src/test/go/vendoring").toAbsolutePath(), temp.resolve("src"));
        app = temp.resolve("src/app");
        work = app.resolve("target/go-hygiene");
        sync();
        // an edit the user made and has not committed anywhere: the only copy of it is in this tree
        Files.writeString(app.resolve("vendor/example.com/cgodep/NOTES.txt"), "my only copy");
        log.clear();
    }

    @Test
    void aSwapKilledBetweenItsTwoRenamesGetsThePreviousTreeBackWithItsEdits() throws Exception {
        Map<String, String> before = VendorSyncTest.snapshot(app.resolve("vendor"));
        VendorSyncTest.copy(app.resolve("vendor"), work.resolve("_vendor.new"));
        Files.move(app.resolve("vendor"), work.resolve("_vendor.old"));

        VendorResult result = sync();

        assertEquals(before, VendorSyncTest.snapshot(app.resolve("vendor")), "the previous tree, local edit included");
        assertEquals("put vendor/ back from target/go-hygiene/_vendor.old, where an interrupted run had left it", log.get(0));
        assertEquals(VendorResult.Outcome.UP_TO_DATE, result.outcome(), "the tree put back is the one the manifest describes");
        assertFalse(Files.exists(work.resolve("_vendor.old")));
        assertFalse(Files.exists(work.resolve("_vendor.new")), "the unfinished swap's new tree is not left filling target/");
    }

    @Test
    void aSwapKilledAfterItsSecondRenameKeepsTheNewTreeAndSaysWhichItKept() throws Exception {
        Map<String, String> before = VendorSyncTest.snapshot(app.resolve("vendor"));
        VendorSyncTest.copy(app.resolve("vendor"), work.resolve("_vendor.old"));
        Files.writeString(work.resolve("_vendor.old/example.com/cgodep/OLD.txt"), "the previous tree");

        sync();

        assertEquals(before, VendorSyncTest.snapshot(app.resolve("vendor")));
        assertEquals("an interrupted run left two trees: kept vendor/ (the complete new one), removed the previous one in"
                + " target/go-hygiene/_vendor.old", log.get(0));
        assertFalse(Files.exists(work.resolve("_vendor.old")));
    }

    @Test
    void anInPlaceVendoringOfAnOldGoKilledHalfwayGetsThePreviousTreeBack() throws Exception {
        // Go before 1.18 vendors in place: the old tree waits in _vendor.aside while go writes a new vendor/.
        Map<String, String> before = VendorSyncTest.snapshot(app.resolve("vendor"));
        Files.move(app.resolve("vendor"), work.resolve("_vendor.aside"));
        Files.createDirectories(app.resolve("vendor/example.com/cgodep"));
        Files.writeString(app.resolve("vendor/modules.txt"), "# example.com/cgodep v0.0.0 => ../cgodep\n");

        VendorResult result = sync();

        assertEquals(before, VendorSyncTest.snapshot(app.resolve("vendor")), "go's unfinished tree is gone, the previous one back");
        assertEquals("put vendor/ back from target/go-hygiene/_vendor.aside, where an interrupted run had left it while go vendored"
                + " in place", log.get(0));
        assertEquals(VendorResult.Outcome.UP_TO_DATE, result.outcome());
        assertFalse(Files.exists(work.resolve("_vendor.aside")));
    }

    @Test
    void aRunKilledWhileRemovingAnUnneededVendorTreeFinishesTheRemoval() throws Exception {
        // go.mod requires nothing any more: the run had checked vendor/ for edits, moved it aside and was deleting it.
        Files.delete(app.resolve("vendor/example.com/cgodep/NOTES.txt"));
        Files.writeString(app.resolve("go.mod"), "module example.com/app\n\ngo 1.21\n");
        Files.writeString(app.resolve("main.go"), "package main\n\nfunc main() {}\n");
        Files.move(app.resolve("vendor"), work.resolve("_vendor.removed"));
        Files.delete(work.resolve("_vendor.removed/modules.txt"));

        VendorResult result = sync();

        assertEquals(VendorResult.Outcome.NO_DEPENDENCIES, result.outcome());
        assertFalse(Files.exists(app.resolve("vendor")));
        assertFalse(Files.exists(work.resolve("_vendor.removed")));
    }

    private VendorResult sync() throws Exception {
        VendorRequest request = new VendorRequest(app, work, VendorSyncTest.environment(), false, false, List.of(), Duration.ofMinutes(5));
        return VendorSyncTest.vendorSync(app).run(request, log::add);
    }
}
