package io.gohygiene.modfetch;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Asks Go's checksum database for a module version's hashes and accepts them only as cmd/go does
 * (x/mod/sumdb.Client): the lookup answer's tree note must carry a valid Ed25519 signature by the setting's key,
 * and the answer's record must be proven, through tiles that hash to the signed root, to be the record of its id in
 * that tree. Tiles and answers reach the transport's cache only after that proof.
 *
 * <p>Not done: cmd/go also checks that every signed tree it sees is consistent with the latest tree it saw before
 * (its {@code sumdb/<name>/latest} file), which exposes a database that shows different logs to different users.
 * This client proves each record in the tree it is handed and keeps no such history.
 */
public final class SumDbClient {

    private static final int TILE_HEIGHT = 8;
    private static final String TREE_HEADER = "go.sum database tree\n";

    private final String name;
    private final VerifierKey key;
    private final SumDbTransport transport;

    public SumDbClient(SumDbSetting setting, SumDbTransport transport) {
        if (setting.isOff()) {
            throw new IllegalArgumentException("GOSUMDB=off names no checksum database to ask");
        }
        this.key = VerifierKey.parse(setting.verifierKey());
        if (!key.name().equals(setting.name())) {
            throw new IllegalArgumentException("the checksum database '" + setting.name() + "' has a key named '" + key.name() + "'");
        }
        this.name = setting.name();
        this.transport = transport;
    }

    /**
     * Looks the module version up, verifies the note's Ed25519 signature with the setting's key, and proves the
     * record's inclusion in the signed tree via tiles.
     */
    public SumDbRecord lookup(String modulePath, String version) throws IOException, ChecksumException {
        String target = modulePath + "@" + version;
        String lookupPath = "lookup/" + ModulePaths.escape(modulePath) + "@" + ModulePaths.escape(version);
        byte[] answer;
        try {
            answer = transport.read(lookupPath);
        } catch (FileNotFoundException e) {
            throw new ChecksumException(target + ": not found in the checksum database " + name + ": " + e.getMessage(),
                    "check the module path and version: the checksum database lists only versions that exist publicly");
        }
        try {
            SumDbRecord record = verify(modulePath, version, answer);
            transport.verified(lookupPath, answer);
            return record;
        } catch (AnswerRejected e) {
            throw new ChecksumException("verifying " + target + " against the checksum database " + name + " failed: " + e.getMessage(),
                    "the download or the database answer was changed in transit or by the proxy (or GOSUMDB names the wrong key "
                            + key.id() + "); do not use " + target + "; retry, and report to the proxy's operator if it persists");
        }
    }

    /** The answer is {@code <id>\n<record text>\n<signed tree note>}; the note is opened before the tree is read. */
    private SumDbRecord verify(String modulePath, String version, byte[] answer) throws IOException, AnswerRejected {
        int idEnd = indexOf(answer, "\n", 0);
        int textEnd = idEnd < 0 ? -1 : indexOf(answer, "\n\n", idEnd + 1);
        if (textEnd < 0) {
            throw new AnswerRejected("malformed lookup answer: no record followed by a blank line");
        }
        long id = canonicalNumber(new String(answer, 0, idEnd, StandardCharsets.ISO_8859_1), "record id");
        byte[] record = Arrays.copyOfRange(answer, idEnd + 1, textEnd + 1);
        String recordText = recordText(record);

        String treeText = SignedNote.open(Arrays.copyOfRange(answer, textEnd + 2, answer.length), key);
        if (!treeText.startsWith(TREE_HEADER) || treeText.chars().filter(c -> c == '\n').count() < 3) {
            throw new AnswerRejected("malformed tree note: '" + treeText + "'");
        }
        String[] treeLines = treeText.split("\n", 4);
        long treeSize = canonicalNumber(treeLines[1], "tree size");
        byte[] treeHash = Base64s.decodeCanonical(treeLines[2]);
        if (treeHash == null || treeHash.length != LogHashes.HASH_SIZE) {
            throw new AnswerRejected("malformed tree note: '" + treeLines[2] + "' is not a base64 SHA-256 hash");
        }
        if (id >= treeSize) {
            throw new AnswerRejected("record " + id + " is not in the signed tree of " + treeSize + " records");
        }
        proveInclusion(id, record, treeSize, treeHash);
        return new SumDbRecord(modulePath, version, hash(recordText, modulePath + " " + version + " "),
                hash(recordText, modulePath + " " + version + "/go.mod "), id, treeSize, Base64.getEncoder().encodeToString(treeHash));
    }

    /** tlog.ProveRecord over authenticated tile hashes, then tlog.CheckRecord against the signed root. */
    private void proveInclusion(long id, byte[] record, long treeSize, byte[] treeHash) throws IOException, AnswerRejected {
        TileHashReader tiles = new TileHashReader(TILE_HEIGHT, treeSize, treeHash, new TransportTiles());
        List<Long> indexes = LogHashes.leafProofIndex(0, treeSize, id, new ArrayList<>());
        List<byte[]> proof = indexes.isEmpty() ? new ArrayList<>()
                : LogHashes.leafProof(0, treeSize, id, new ArrayList<>(tiles.readHashes(indexes)));
        byte[] root = LogHashes.rootFromProof(proof, 0, treeSize, id, LogHashes.recordHash(record));
        if (root == null || !MessageDigest.isEqual(root, treeHash)) {
            throw new AnswerRejected("record " + id + " is not the record of that id in the signed tree of " + treeSize
                    + " records (its inclusion proof fails)");
        }
    }

    /** The value of the record line starting with {@code prefix} that is an {@code h1:} hash. */
    private static String hash(String recordText, String prefix) throws AnswerRejected {
        for (String line : recordText.split("\n")) {
            if (line.startsWith(prefix) && line.startsWith("h1:", prefix.length()) && line.indexOf(' ', prefix.length()) < 0) {
                return line.substring(prefix.length());
            }
        }
        throw new AnswerRejected("the record has no line '" + prefix + "h1:...'; it is:\n" + recordText);
    }

    /** Record text as tlog requires it: UTF-8 lines without control characters, ending in a newline. */
    private static String recordText(byte[] record) throws AnswerRejected {
        try {
            String text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(record)).toString();
            if (text.chars().anyMatch(c -> c < 0x20 && c != '\n') || text.startsWith("\n")) {
                throw new AnswerRejected("malformed record: it contains a control character or an empty line");
            }
            return text;
        } catch (CharacterCodingException e) {
            throw new AnswerRejected("malformed record: it is not UTF-8");
        }
    }

    private static long canonicalNumber(String text, String what) throws AnswerRejected {
        try {
            long number = Long.parseLong(text);
            if (number >= 0 && Long.toString(number).equals(text)) {
                return number;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new AnswerRejected("malformed " + what + " '" + text + "'");
    }

    private static int indexOf(byte[] bytes, String ascii, int from) {
        byte[] needle = ascii.getBytes(StandardCharsets.US_ASCII);
        for (int i = from; i + needle.length <= bytes.length; i++) {
            if (Arrays.equals(bytes, i, i + needle.length, needle, 0, needle.length)) {
                return i;
            }
        }
        return -1;
    }

    /**
     * Tiles for one lookup from the transport, each read once; a partial tile the database no longer has (because
     * it was completed) is cut from the full one, as cmd/go does.
     */
    private final class TransportTiles implements TileHashReader.TileSource {

        private final Map<Tile, byte[]> read = new HashMap<>();
        private final Set<Tile> reported = new HashSet<>();

        @Override
        public byte[] read(Tile tile) throws IOException, AnswerRejected {
            byte[] data = read.get(tile);
            if (data == null) {
                data = fetch(tile);
                read.put(tile, data);
            }
            return data;
        }

        private byte[] fetch(Tile tile) throws IOException, AnswerRejected {
            try {
                return transport.read(tile.path());
            } catch (FileNotFoundException e) {
                if (tile.isFull()) {
                    throw missing(tile, e);
                }
                byte[] full;
                try {
                    full = transport.read(tile.full().path());
                } catch (FileNotFoundException fullMissing) {
                    throw missing(tile, fullMissing);
                }
                if (full.length != (1 << TILE_HEIGHT) * LogHashes.HASH_SIZE) {
                    throw new AnswerRejected("tile " + tile.full().path() + " has " + full.length + " bytes, not "
                            + (1 << TILE_HEIGHT) * LogHashes.HASH_SIZE);
                }
                return Arrays.copyOf(full, tile.width() * LogHashes.HASH_SIZE);
            }
        }

        /** A database that signs a tree but cannot show its tiles has not proven the record. */
        private AnswerRejected missing(Tile tile, FileNotFoundException e) {
            return new AnswerRejected("the database does not serve " + tile.path() + " of the tree it signed: " + e.getMessage());
        }

        @Override
        public void authenticated(Tile tile, byte[] data) throws IOException {
            if (reported.add(tile)) {
                transport.verified(tile.path(), data.clone());
            }
        }
    }
}
