package io.gohygiene.modvendor;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * A file-system failure of a vendor run as the one sentence a person acts on: a full disk or a directory that
 * cannot be changed, named, instead of a raw {@code FileSystemException}.
 */
final class WriteFailures {

    private static final String NO_SPACE = "no space left on device";

    private WriteFailures() {
    }

    /** @param state what became of vendor/, e.g. {@code vendor/ unchanged} */
    static VendorException describe(IOException e, VendorRequest request, String state) {
        if (isNoSpace(e.getMessage())) {
            return noSpace(directoryOf(e, request), state);
        }
        if (isUnchangeable(e)) {
            Path dir = unchangeableDirectory(e).orElse(directoryOf(e, request));
            String reason = e instanceof FileSystemException f && f.getReason() != null ? f.getReason() : "permission denied";
            return new VendorException("cannot change " + dir + ": it is read-only or immutable (" + reason + "); " + state,
                    "make it writable ('chmod u+w " + dir + "', or 'chattr -i " + dir + "' if 'lsattr -d " + dir + "' shows the"
                            + " i flag), or skip this goal (-Dgo-hygiene.vendor.skip) to build with vendor/ as it is", e);
        }
        return new VendorException("vendoring failed: " + e + "; " + state,
                "check the permissions and free space of " + request.moduleDirectory() + " and " + request.workDirectory(), e);
    }

    /** A go command's output that ends in ENOSPC, as go prints it ({@code write …: no space left on device}). */
    static boolean isNoSpace(String text) {
        return text != null && text.toLowerCase(Locale.ROOT).contains(NO_SPACE);
    }

    static VendorException noSpace(Path dir, String state) {
        return new VendorException("no space left on " + dir + ": " + state,
                "free space on " + dir + " (the new vendor tree is written there before it replaces vendor/) and run again");
    }

    /** ENOSPC while go wrote under {@code dir}: go's message names the file, which decides which disk is full. */
    static Optional<VendorException> goRanOutOfSpace(String diagnostics, Path dir, String state) {
        return isNoSpace(diagnostics) && diagnostics.contains(dir.toString()) ? Optional.of(noSpace(dir, state)) : Optional.empty();
    }

    private static boolean isUnchangeable(IOException e) {
        if (e instanceof AccessDeniedException) {
            return true;
        }
        String reason = e instanceof FileSystemException f ? String.valueOf(f.getReason()) : "";
        return reason.equals("Operation not permitted") || reason.equals("Read-only file system");
    }

    /**
     * The directory that refused: of the failing paths and their parents, the first that cannot be written
     * ({@code access(W_OK)} fails for an immutable directory and a read-only file system even for root).
     */
    private static Optional<Path> unchangeableDirectory(IOException e) {
        if (!(e instanceof FileSystemException f)) {
            return Optional.empty();
        }
        List<Path> candidates = new ArrayList<>();
        for (String name : new String[] {f.getFile(), f.getOtherFile()}) {
            if (name != null) {
                Path p = Path.of(name).toAbsolutePath().normalize();
                candidates.add(p);
                if (p.getParent() != null) {
                    candidates.add(p.getParent());
                }
            }
        }
        return candidates.stream().filter(Files::isDirectory).filter(p -> !Files.isWritable(p)).findFirst();
    }

    /** Where the failing write was: the work directory or the module directory, else the failing file's own. */
    private static Path directoryOf(IOException e, VendorRequest request) {
        if (e instanceof FileSystemException f && f.getFile() != null) {
            Path file = Path.of(f.getFile()).toAbsolutePath().normalize();
            if (file.startsWith(request.workDirectory())) {
                return request.workDirectory();
            }
            if (file.startsWith(request.moduleDirectory())) {
                return request.moduleDirectory();
            }
            return file.getParent() == null ? file : file.getParent();
        }
        // a write that failed on an open stream names no file; every such write of a run goes to the work directory
        return request.workDirectory();
    }
}
