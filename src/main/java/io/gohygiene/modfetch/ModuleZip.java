package io.gohygiene.modfetch;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;

/**
 * A module zip checked the way x/mod/zip's CheckZip does and unpacked the way its Unzip and cmd/go's modfetch do:
 * every name under "module@version/", file paths go allows, no two names that meet on a case-insensitive file
 * system, sizes within go's limits and honoured by the data, files read-only. The checks read only the zip's central
 * directory; the data is then read once, each member written and hashed from the same bytes. Unlike CheckZip, it
 * does not judge the module path and version themselves (module.Check): the caller chose them.
 */
public final class ModuleZip {

    /** x/mod/zip MaxZipFile: the zip itself and the sum of its files' declared sizes. */
    static final long MAX_ZIP_SIZE = 500L << 20;
    /** x/mod/zip MaxGoMod and MaxLICENSE. */
    static final long MAX_GO_MOD_OR_LICENSE_SIZE = 16L << 20;

    private static final Set<PosixFilePermission> READ_ONLY_FILE = Set.copyOf(PosixFilePermissions.fromString("r--r--r--"));
    private static final Set<PosixFilePermission> READ_ONLY_DIRECTORY = Set.copyOf(PosixFilePermissions.fromString("r-xr-xr-x"));
    private static final Set<PosixFilePermission> WRITABLE_DIRECTORY = Set.copyOf(PosixFilePermissions.fromString("rwxr-xr-x"));

    private ModuleZip() {
    }

    /**
     * Checks the zip like x/mod/zip (every name under "&lt;module&gt;@&lt;version&gt;/", valid file paths, no
     * case-fold duplicates, no file over its limit, total uncompressed size ≤ 500 MiB, declared sizes honoured: a
     * member that inflates beyond its declared size is refused, without filling the disk) and unpacks it into
     * {@code into} (must not exist; created), hashing the very bytes it writes. Returns the h1: of what was written
     * (directory entries, not written, count as empty as in Go's HashZip). Files are written 0444 (Go's read-only
     * cache); on any failure {@code into} is deleted and nothing is left.
     */
    public static String unpack(Path zip, String modulePath, String version, Path into) throws IOException, ModuleZipException {
        String module = moduleAtVersion(modulePath, version);
        String prefix = module + "/";
        if (Files.exists(into, LinkOption.NOFOLLOW_LINKS)) {
            throw new IllegalArgumentException(into + " exists already: unpack " + module + " into a new directory");
        }
        long zipSize = Files.size(zip);
        if (zipSize > MAX_ZIP_SIZE) {
            throw refused(zip, module, null, "the zip has " + zipSize + " bytes, more than go's limit of " + MAX_ZIP_SIZE);
        }
        try (ZipFile zipFile = open(zip, module)) {
            List<ZipEntry> entries = checkedEntries(zipFile, zip, module, prefix);
            createNew(into, module);
            try {
                return ZipTreeWriter.write(zipFile, entries, zip, module, prefix, into.toAbsolutePath().normalize());
            } catch (IOException | ModuleZipException | RuntimeException | Error e) {
                try {
                    deleteTree(into);
                } catch (IOException | RuntimeException cleanup) {
                    e.addSuppressed(cleanup);
                }
                throw e;
            }
        }
    }

    /** Go's makeDirsReadOnly: every directory under dir 0555 (after the caller has finished preparing the tree). */
    public static void makeReadOnly(Path dir) throws IOException {
        setDirectoryPermissions(dir, READ_ONLY_DIRECTORY);
    }

    /** The opposite, for deleting a tree (tests, and a failed install): dirs 0755. */
    public static void makeWritable(Path dir) throws IOException {
        setDirectoryPermissions(dir, WRITABLE_DIRECTORY);
    }

    private static String moduleAtVersion(String modulePath, String version) {
        for (String part : List.of(modulePath, version)) {
            ModulePaths.escape(part); // refuses '!' and control characters
            if (part.isEmpty() || part.contains("@") || part.startsWith("/") || part.endsWith("/")) {
                throw new IllegalArgumentException("'" + modulePath + "@" + version + "' is not a module path and version");
            }
        }
        return modulePath + "@" + version;
    }

    private static ZipFile open(Path zip, String module) throws IOException, ModuleZipException {
        try {
            return new ZipFile(zip.toFile(), StandardCharsets.UTF_8);
        } catch (ZipException e) {
            // Its end (the central directory) is missing or broken: a download cut short, or not a zip at all.
            throw new ModuleZipException("The module zip " + zip + " of " + module + " is not a readable zip (" + e.getMessage()
                    + "); the download may have been cut short",
                    "delete " + zip + " and download it again");
        }
    }

    /** x/mod/zip's checkZip, on the central directory only: the entries in their order, or the first thing wrong. */
    private static List<ZipEntry> checkedEntries(ZipFile zipFile, Path zip, String module, String prefix) throws ModuleZipException {
        List<ZipEntry> entries = new ArrayList<>(Collections.list(zipFile.entries()));
        ModuleFilePaths.Collisions collisions = new ModuleFilePaths.Collisions();
        long total = 0;
        for (ZipEntry entry : entries) {
            String name = entry.getName();
            if (!name.startsWith(prefix)) {
                throw refused(zip, module, name, "it is not under \"" + prefix + "\"");
            }
            String path = name.substring(prefix.length());
            if (path.isEmpty()) {
                continue;
            }
            boolean isDirectory = path.endsWith("/");
            if (isDirectory) {
                path = path.substring(0, path.length() - 1);
            }
            String problem = ModuleFilePaths.problem(path);
            if (problem == null) {
                problem = collisions.add(path, isDirectory);
            }
            if (problem == null && !isDirectory) {
                problem = fileProblem(path, entry.getSize());
            }
            if (problem != null) {
                throw refused(zip, module, name, problem);
            }
            if (!isDirectory) {
                total += entry.getSize();
                if (total > MAX_ZIP_SIZE) {
                    throw refused(zip, module, name, "the files' declared sizes add up to more than go's limit of " + MAX_ZIP_SIZE + " bytes");
                }
            }
        }
        return entries;
    }

    private static String fileProblem(String path, long size) {
        String base = path.substring(path.lastIndexOf('/') + 1);
        if (base.equalsIgnoreCase("go.mod") && !path.equals("go.mod")) {
            return base.equals("go.mod") ? "a go.mod file is not in the module root directory" : "a go.mod file must have a lower-case name";
        }
        if (size < 0) {
            return "its size is not declared";
        }
        if ((path.equals("go.mod") || path.equals("LICENSE")) && size > MAX_GO_MOD_OR_LICENSE_SIZE) {
            return "it declares " + size + " bytes, more than go's limit of " + MAX_GO_MOD_OR_LICENSE_SIZE + " for " + path;
        }
        return size > MAX_ZIP_SIZE ? "it declares " + size + " bytes, more than go's limit of " + MAX_ZIP_SIZE : null;
    }

    private static void createNew(Path into, String module) throws IOException {
        Path parent = into.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        try {
            Files.createDirectory(into);
        } catch (FileAlreadyExistsException e) {
            throw new IllegalArgumentException(into + " exists already: unpack " + module + " into a new directory", e);
        }
    }

    static OutputStream createReadOnly(Path file) throws IOException {
        Set<StandardOpenOption> options = Set.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
        if (isPosix(file)) {
            // Created 0444 and still written through this handle, as Go's Unzip does: never writable on disk.
            FileAttribute<Set<PosixFilePermission>> readOnly = PosixFilePermissions.asFileAttribute(READ_ONLY_FILE);
            return Channels.newOutputStream(Files.newByteChannel(file, options, readOnly));
        }
        return Channels.newOutputStream(Files.newByteChannel(file, options)); // made read-only once written
    }

    static boolean isPosix(Path path) {
        return path.getFileSystem().supportedFileAttributeViews().contains("posix");
    }

    private static void setDirectoryPermissions(Path dir, Set<PosixFilePermission> permissions) throws IOException {
        Files.walkFileTree(dir, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path d, BasicFileAttributes attributes) throws IOException {
                if (isPosix(d)) {
                    Files.setPosixFilePermissions(d, permissions);
                } else {
                    d.toFile().setWritable(permissions.contains(PosixFilePermission.OWNER_WRITE));
                }
                return FileVisitResult.CONTINUE;
            }
        });
    }

    /** Deletes a tree this class wrote: files are read-only, which does not stop deleting them from a writable directory. */
    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        makeWritable(dir);
        List<Path> paths = new ArrayList<>();
        try (var walk = Files.walk(dir)) {
            walk.forEach(paths::add);
        }
        Collections.reverse(paths);
        for (Path path : paths) {
            Files.delete(path);
        }
    }

    static ModuleZipException refused(Path zip, String module, String entry, String problem) {
        return new ModuleZipException("The module zip " + zip + " of " + module + (entry == null ? "" : ", entry \"" + entry + "\",")
                + " is one go refuses: " + problem,
                "delete " + zip + " and download it again; if the module proxy serves the same zip again, it is broken at its "
                        + "source: report it to the module's author (go would refuse it too)");
    }
}
