package io.gohygiene.vulndb;

import io.gohygiene.files.AtomicFiles;
import io.gohygiene.files.Sha256;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The parsed database in one compact file, so that a warm open reads one file instead of parsing ~5,000 JSON files.
 * Binary, not JSON: every string (symbols repeat across entries) is stored once in a table and referred to by number,
 * so reading it is a walk over a byte array. Layout: magic, format, the database's identity, the body's length and
 * SHA-256, then the body (string table, entries). The file is written whole-or-nothing and named after the identity;
 * on reading, a wrong magic, format, identity, length or hash, or a body that does not decode, is {@link Corrupt} and
 * the caller rebuilds it: an index is never trusted beyond what it can prove about itself.
 */
public final class VulnDatabaseIndex {

    private static final String MAGIC = "GHVULNIX";
    /** Raised whenever the layout or what OsvEntry keeps changes, so that an old index is rebuilt, not misread. */
    static final int FORMAT = 1;

    /** An index file that exists but cannot be used; the message says why. */
    public static final class Corrupt extends Exception {
        Corrupt(String message) {
            super(message);
        }
    }

    private VulnDatabaseIndex() {
    }

    /** The index file for a database identity under {@code dir}. */
    public static Path file(Path dir, String identity) {
        return dir.resolve("vulndb-" + Sha256.hexOf(identity).substring(0, 32) + ".idx");
    }

    public static void write(Path file, String identity, List<OsvEntry> entries) throws IOException {
        byte[] body = body(entries);
        ByteArrayOutputStream all = new ByteArrayOutputStream(body.length + 128);
        DataOutputStream out = new DataOutputStream(all);
        out.write(MAGIC.getBytes(StandardCharsets.US_ASCII));
        out.writeInt(FORMAT);
        writeString(out, identity);
        out.writeInt(body.length);
        out.write(Sha256.digest().digest(body));
        out.write(body);
        out.flush();
        Files.createDirectories(file.getParent());
        AtomicFiles.write(file, all.toByteArray());
    }

    /** The entries, or empty when there is no index file; {@link Corrupt} when there is one that cannot be used. */
    public static Optional<List<OsvEntry>> read(Path file, String identity) throws IOException, Corrupt {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            return Optional.empty();
        }
        try {
            ByteBuffer in = ByteBuffer.wrap(bytes);
            byte[] magic = new byte[MAGIC.length()];
            in.get(magic);
            if (!new String(magic, StandardCharsets.US_ASCII).equals(MAGIC)) {
                throw new Corrupt(file + " is not a vulnerability database index");
            }
            int format = in.getInt();
            if (format != FORMAT) {
                throw new Corrupt(file + " has index format " + format + ", this plugin writes " + FORMAT);
            }
            String written = readString(in);
            if (!written.equals(identity)) {
                throw new Corrupt(file + " indexes the database " + written + ", not " + identity);
            }
            int length = in.getInt();
            byte[] hash = new byte[32];
            in.get(hash);
            if (length != in.remaining()) {
                throw new Corrupt(file + " has " + in.remaining() + " bytes of body, its header says " + length);
            }
            MessageDigest digest = Sha256.digest();
            digest.update(in.duplicate());
            if (!MessageDigest.isEqual(hash, digest.digest())) {
                throw new Corrupt(file + " does not match its own SHA-256");
            }
            return Optional.of(entries(in));
        } catch (BufferUnderflowException | IndexOutOfBoundsException | IllegalArgumentException e) {
            throw new Corrupt(file + " is cut short or garbled (" + e + ")");
        }
    }

    private static byte[] body(List<OsvEntry> entries) throws IOException {
        Map<String, Integer> numbers = new HashMap<>();
        List<String> table = new ArrayList<>();
        ByteArrayOutputStream entryBytes = new ByteArrayOutputStream(1 << 20);
        DataOutputStream out = new DataOutputStream(entryBytes);
        StringTable strings = s -> numbers.computeIfAbsent(s, k -> {
            table.add(k);
            return table.size() - 1;
        });
        out.writeInt(entries.size());
        for (OsvEntry e : entries) {
            out.writeInt(strings.number(e.id()));
            writeList(out, strings, e.aliases());
            out.writeInt(strings.number(e.summary()));
            out.writeInt(strings.number(e.published()));
            out.writeInt(strings.number(e.modified()));
            out.writeInt(e.withdrawn().map(strings::number).orElse(-1));
            out.writeInt(e.affected().size());
            for (OsvEntry.Affected a : e.affected()) {
                out.writeInt(strings.number(a.module()));
                out.writeInt(strings.number(a.ecosystem()));
                out.writeInt(a.ranges().size());
                for (OsvEntry.Range r : a.ranges()) {
                    out.writeInt(strings.number(r.type()));
                    out.writeInt(r.events().size());
                    for (OsvEntry.Event ev : r.events()) {
                        out.writeByte(ev.kind().ordinal());
                        out.writeInt(strings.number(ev.version()));
                    }
                }
                out.writeInt(a.imports().size());
                for (OsvEntry.Import i : a.imports()) {
                    out.writeInt(strings.number(i.path()));
                    writeList(out, strings, i.goos());
                    writeList(out, strings, i.goarch());
                    writeList(out, strings, i.symbols());
                }
            }
        }
        out.flush();
        ByteArrayOutputStream body = new ByteArrayOutputStream(entryBytes.size() + (1 << 20));
        DataOutputStream b = new DataOutputStream(body);
        b.writeInt(table.size());
        for (String s : table) {
            writeString(b, s);
        }
        entryBytes.writeTo(b);
        b.flush();
        return body.toByteArray();
    }

    private interface StringTable {
        int number(String s);
    }

    private static List<OsvEntry> entries(ByteBuffer in) throws Corrupt {
        String[] table = new String[count(in)];
        for (int i = 0; i < table.length; i++) {
            table[i] = readString(in);
        }
        int n = count(in);
        List<OsvEntry> entries = new ArrayList<>(n);
        OsvEntry.Event.Kind[] kinds = OsvEntry.Event.Kind.values();
        for (int i = 0; i < n; i++) {
            String id = table[in.getInt()];
            List<String> aliases = list(in, table);
            String summary = table[in.getInt()];
            String published = table[in.getInt()];
            String modified = table[in.getInt()];
            int withdrawn = in.getInt();
            List<OsvEntry.Affected> affected = new ArrayList<>();
            for (int a = count(in); a > 0; a--) {
                String module = table[in.getInt()];
                String ecosystem = table[in.getInt()];
                List<OsvEntry.Range> ranges = new ArrayList<>();
                for (int r = count(in); r > 0; r--) {
                    String type = table[in.getInt()];
                    List<OsvEntry.Event> events = new ArrayList<>();
                    for (int ev = count(in); ev > 0; ev--) {
                        events.add(new OsvEntry.Event(kinds[in.get()], table[in.getInt()]));
                    }
                    ranges.add(new OsvEntry.Range(type, events));
                }
                List<OsvEntry.Import> imports = new ArrayList<>();
                for (int im = count(in); im > 0; im--) {
                    imports.add(new OsvEntry.Import(table[in.getInt()], list(in, table), list(in, table), list(in, table)));
                }
                affected.add(new OsvEntry.Affected(module, ecosystem, ranges, imports));
            }
            entries.add(new OsvEntry(id, aliases, summary, published, modified,
                    withdrawn < 0 ? Optional.empty() : Optional.of(table[withdrawn]), affected));
        }
        if (in.hasRemaining()) {
            throw new Corrupt("the index has " + in.remaining() + " bytes after its last entry");
        }
        return entries;
    }

    /** A count that cannot be larger than the bytes left (each counted item takes at least one byte). */
    private static int count(ByteBuffer in) throws Corrupt {
        int n = in.getInt();
        if (n < 0 || n > in.remaining()) {
            throw new Corrupt("the index has a count of " + n + " with " + in.remaining() + " bytes left");
        }
        return n;
    }

    private static void writeList(DataOutputStream out, StringTable strings, List<String> values) throws IOException {
        out.writeInt(values.size());
        for (String v : values) {
            out.writeInt(strings.number(v));
        }
    }

    private static List<String> list(ByteBuffer in, String[] table) throws Corrupt {
        int n = count(in);
        String[] values = new String[n];
        for (int i = 0; i < n; i++) {
            values[i] = table[in.getInt()];
        }
        return List.of(values);
    }

    private static void writeString(DataOutputStream out, String s) throws IOException {
        byte[] utf8 = s.getBytes(StandardCharsets.UTF_8);
        out.writeInt(utf8.length);
        out.write(utf8);
    }

    private static String readString(ByteBuffer in) throws Corrupt {
        int length = count(in);
        String s = new String(in.array(), in.arrayOffset() + in.position(), length, StandardCharsets.UTF_8);
        in.position(in.position() + length);
        return s;
    }
}
