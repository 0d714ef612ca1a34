package io.gohygiene.modvendor;

import io.gohygiene.process.ProcessResult;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The trees of one vendor run in the work directory, and the renames between them and vendor/. Each name says
 * which tree is whole after a kill, so the next run ({@link #recover}) knows which to keep:
 * <ul>
 *   <li>{@value #STAGING}: the new tree being written; never the only copy of anything;</li>
 *   <li>{@value #DISCARDED}: the previous vendor/ between the two renames of the swap; without a vendor/ it is the
 *       only copy and goes back, beside one the new tree is whole (the second rename happened) and it goes;</li>
 *   <li>{@value #ASIDE}: the previous vendor/ while a go before 1.18 vendors in place; whatever vendor/ holds then is
 *       go's unfinished output;</li>
 *   <li>{@value #REMOVED}: a vendor/ that go.mod no longer needs, checked for local edits, being deleted.</li>
 * </ul>
 */
final class VendorSwap {

    static final String STAGING = "_vendor.new";
    static final String DISCARDED = "_vendor.old";
    static final String ASIDE = "_vendor.aside";
    static final String REMOVED = "_vendor.removed";
    static final String UNCHANGED = "vendor/ unchanged";

    private final VendorRequest request;
    private final Path vendor;
    private final Path work;

    VendorSwap(VendorRequest request) {
        this.request = request;
        this.vendor = request.vendorDirectory();
        this.work = request.workDirectory();
    }

    Path staging() {
        return work.resolve(STAGING);
    }

    /** Puts right what a killed run left, saying so in one line; never deletes the only copy of a tree. */
    void recover(VendorSync.Log log) throws IOException {
        Path aside = work.resolve(ASIDE);
        if (Files.isDirectory(aside)) {
            VendorFiles.deleteTree(vendor);
            VendorFiles.move(aside, vendor);
            log.info("put vendor/ back from " + relative(aside) + ", where an interrupted run had left it while go vendored in place");
        }
        Path discarded = work.resolve(DISCARDED);
        if (Files.isDirectory(discarded)) {
            if (Files.isDirectory(vendor)) {
                VendorFiles.deleteTree(discarded);
                log.info("an interrupted run left two trees: kept vendor/ (the complete new one), removed the previous one in "
                        + relative(discarded));
            } else {
                VendorFiles.move(discarded, vendor);
                VendorFiles.deleteTree(staging());
                log.info("put vendor/ back from " + relative(discarded) + ", where an interrupted run had left it");
            }
        }
        Path removed = work.resolve(REMOVED);
        if (Files.isDirectory(removed)) {
            VendorFiles.deleteTree(removed);
            log.info("finished removing the vendor/ that go.mod no longer needs, which an interrupted run had begun");
        }
    }

    /**
     * Two renames: vendor/ aside, staging into place. If the second fails the first is undone, so vendor/ is
     * always either the old tree or the new one; a kill in between is what {@link #recover} puts right.
     */
    void swap() throws IOException {
        Path discarded = work.resolve(DISCARDED);
        boolean hadVendor = Files.isDirectory(vendor);
        if (hadVendor) {
            VendorFiles.move(vendor, discarded);
        }
        try {
            VendorFiles.move(staging(), vendor);
        } catch (IOException e) {
            if (hadVendor) {
                VendorFiles.move(discarded, vendor);
            }
            throw e;
        }
        VendorFiles.deleteTree(discarded);
    }

    /** Removes vendor/ (go.mod requires no modules): one rename, then the delete a kill cannot leave half-way. */
    void remove() throws IOException {
        if (Files.isDirectory(vendor)) {
            Path removed = work.resolve(REMOVED);
            VendorFiles.move(vendor, removed);
            VendorFiles.deleteTree(removed);
        }
    }

    /** A step that runs go in the module directory. */
    interface GoStep {
        ProcessResult run() throws VendorException, IOException;
    }

    /**
     * No {@code go mod vendor -o} before Go 1.18: vendor in place with the old tree aside, then move the new one to
     * staging and the old one back, so that the rest of the run is the same as with a newer go.
     */
    ProcessResult vendorInPlace(GoStep goModVendor) throws VendorException, IOException {
        Path aside = work.resolve(ASIDE);
        boolean hadVendor = Files.isDirectory(vendor);
        if (hadVendor) {
            VendorFiles.move(vendor, aside);
        }
        try {
            ProcessResult result = goModVendor.run();
            if (result.succeeded() && Files.isDirectory(vendor)) {
                VendorFiles.move(vendor, staging());
            } else {
                VendorFiles.deleteTree(vendor);
            }
            return result;
        } finally {
            if (hadVendor) {
                VendorFiles.move(aside, vendor);
            }
        }
    }

    /** Removes the new tree after a failure; vendor/ is what counts, and a full disk wants its space back. */
    void discardStaging() {
        try {
            VendorFiles.deleteTree(staging());
        } catch (IOException e) {
            // the failure being reported matters more; the next run deletes it before it writes
        }
    }

    /** What became of vendor/ when a run stops here: unchanged, unless a failed swap could not undo its first rename. */
    String state() {
        Path discarded = work.resolve(DISCARDED);
        return !Files.isDirectory(vendor) && Files.isDirectory(discarded)
                ? "vendor/ is in " + relative(discarded) + ", and the next run puts it back" : UNCHANGED;
    }

    String relative(Path p) {
        return p.startsWith(request.moduleDirectory()) ? request.moduleDirectory().relativize(p).toString() : p.toString();
    }
}
