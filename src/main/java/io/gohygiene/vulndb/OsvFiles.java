package io.gohygiene.vulndb;

import io.gohygiene.files.Sha256;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.HexFormat;
import java.util.List;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * The OSV files of a database given as a directory or a zip. Where they are, first found wins:
 * {@code data/osv/*.json} (the golang.org/x/vulndb module, unpacked or as its zip, whose entry names start with
 * {@code golang.org/x/vulndb@<version>/}: cut off up to the first slash after the {@code @}), {@code ID/*.json}
 * (the layout vuln.go.dev serves and govulncheck's {@code -db file://} reads), or {@code *.json} at the top (a
 * user's own mirror). Only those: the module also holds test data with OSV-looking files
 * (internal/.../testdata/osv) that are not the database.
 */
final class OsvFiles {

    private static final List<Pattern> LAYOUTS = List.of(Pattern.compile("data/osv/[^/]+\\.json"), Pattern.compile("ID/[^/]+\\.json"),
            Pattern.compile("[^/]+\\.json"));
    private static final long MAX_FILE = 16L << 20;

    /** One file: its name relative to the database root, and what identifies its content cheaply. */
    record Member(String name, String zipName, long size, long stamp) {
    }

    private final Path source;
    private final boolean zip;
    private final List<Member> members;

    private OsvFiles(Path source, boolean zip, List<Member> members) {
        this.source = source;
        this.zip = zip;
        this.members = List.copyOf(members);
    }

    static OsvFiles of(Path source) throws VulnDbException {
        try {
            if (Files.isDirectory(source)) {
                return new OsvFiles(source, false, select(directoryMembers(source), source));
            }
            if (Files.isRegularFile(source)) {
                return new OsvFiles(source, true, select(zipMembers(source), source));
            }
        } catch (IOException e) {
            throw new VulnDbException("the vulnerability database " + source + " cannot be read: " + e.getMessage(),
                    "check that the path names a readable directory or zip of OSV files", e);
        }
        throw new VulnDbException("the vulnerability database " + source + " does not exist",
                "point it at a directory or zip of OSV JSON files (data/osv/*.json, ID/*.json or *.json)");
    }

    Path source() {
        return source;
    }

    int size() {
        return members.size();
    }

    /**
     * A SHA-256 over every file's name, size and modification time (for a zip: name, size and CRC-32 from its central
     * directory). Not over the content: hashing ~100 MB of JSON on every run would cost about what the index saves,
     * and a changed file changes its size or time (a copy that keeps both, byte-for-byte different, is the one case
     * it misses; for the module from the proxy the caller passes its h1: hash instead, which has no such gap).
     */
    String identity() {
        MessageDigest digest = Sha256.digest();
        digest.update((zip ? "zip\n" : "dir\n").getBytes(StandardCharsets.UTF_8));
        for (Member m : members) {
            digest.update((m.name() + "\0" + m.size() + "\0" + m.stamp() + "\n").getBytes(StandardCharsets.UTF_8));
        }
        return "sha256:" + HexFormat.of().formatHex(digest.digest());
    }

    /** Receives each file's name (as shown to the user) and content. */
    interface Visitor {
        void file(String shownName, byte[] content) throws VulnDbException;
    }

    void forEach(Visitor visitor) throws VulnDbException {
        try {
            if (zip) {
                try (ZipFile file = new ZipFile(source.toFile())) {
                    for (Member m : members) {
                        ZipEntry entry = file.getEntry(m.zipName());
                        try (InputStream in = file.getInputStream(entry)) {
                            visitor.file(source + "!" + m.zipName(), in.readNBytes((int) MAX_FILE));
                        }
                    }
                }
            } else {
                for (Member m : members) {
                    Path file = source.resolve(m.name());
                    visitor.file(file.toString(), Files.readAllBytes(file));
                }
            }
        } catch (IOException e) {
            throw new VulnDbException("the vulnerability database " + source + " cannot be read: " + e.getMessage(),
                    "check the files' permissions, or fetch the database again", e);
        }
    }

    private static List<Member> directoryMembers(Path root) throws IOException {
        List<Member> found = new ArrayList<>();
        for (String dir : List.of("data/osv", "ID", "")) {
            Path d = dir.isEmpty() ? root : root.resolve(dir);
            if (!Files.isDirectory(d)) {
                continue;
            }
            // One attribute read per file (not size, time and type separately): the warm open's whole cost for a tree.
            try (DirectoryStream<Path> files = Files.newDirectoryStream(d, "*.json")) {
                for (Path f : files) {
                    BasicFileAttributes attributes = Files.readAttributes(f, BasicFileAttributes.class);
                    if (attributes.isRegularFile()) {
                        String name = (dir.isEmpty() ? "" : dir + "/") + f.getFileName();
                        found.add(new Member(name, name, attributes.size(), attributes.lastModifiedTime().toMillis()));
                    }
                }
            }
            if (!found.isEmpty()) {
                return found;
            }
        }
        return found;
    }

    /** A module zip's entries start with {@code <module>@<version>/}; that prefix is not part of the layout. */
    private static List<Member> zipMembers(Path zipFile) throws IOException {
        List<Member> found = new ArrayList<>();
        try (ZipFile file = new ZipFile(zipFile.toFile())) {
            Enumeration<? extends ZipEntry> entries = file.entries();
            while (entries.hasMoreElements()) {
                ZipEntry e = entries.nextElement();
                if (e.isDirectory() || !e.getName().endsWith(".json")) {
                    continue;
                }
                String name = e.getName();
                int at = name.indexOf('@');
                int slash = at < 0 ? -1 : name.indexOf('/', at);
                if (slash > 0) {
                    name = name.substring(slash + 1);
                }
                found.add(new Member(name, e.getName(), e.getSize(), e.getCrc()));
            }
        } catch (java.util.zip.ZipException e) {
            throw new IOException("not a zip file (" + e.getMessage() + ")", e);
        }
        return found;
    }

    private static List<Member> select(List<Member> all, Path source) throws VulnDbException {
        for (Pattern layout : LAYOUTS) {
            Predicate<Member> in = m -> layout.matcher(m.name()).matches();
            List<Member> chosen = all.stream().filter(in).sorted(java.util.Comparator.comparing(Member::name)).toList();
            if (!chosen.isEmpty()) {
                for (Member m : chosen) {
                    if (m.size() > MAX_FILE) {
                        throw new VulnDbException("the OSV file " + source + "!" + m.name() + " is " + m.size() + " bytes, more than an OSV entry can be",
                                "check that " + source + " is a vulnerability database");
                    }
                }
                return chosen;
            }
        }
        throw new VulnDbException("no OSV entries in " + source + " (looked for data/osv/*.json, ID/*.json and *.json)",
                "point it at the golang.org/x/vulndb module, or at a directory or zip of OSV JSON files");
    }
}
