package io.gohygiene.modfetch;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Every change to a real recorded answer is refused: each byte of the lookup answers, a byte of every hash of
 * every tile the proofs read, notes signed by another key or not signed at all.
 */
class SumDbTamperTest {

    private static final String HINT = "changed in transit or by the proxy";

    @Test
    void everyByteOfTheLookupAnswersMatters() throws Exception {
        for (SumDbRecordings.Version v : SumDbRecordings.VERSIONS) {
            byte[] answer = SumDbRecordings.transport().recorded(v.lookupPath());
            for (int i = 0; i < answer.length; i++) {
                byte[] changed = answer.clone();
                changed[i] ^= 0x01;
                refused(SumDbRecordings.transport().with(v.lookupPath(), changed), v, "byte " + i + " of the lookup of " + v, "");
            }
        }
    }

    @Test
    void eachRegionOfTheAnswerFailsTheCheckThatGuardsIt() throws Exception {
        SumDbRecordings.Version v = SumDbRecordings.VERSIONS.get(0);
        String answer = new String(SumDbRecordings.transport().recorded(v.lookupPath()), StandardCharsets.UTF_8);
        String[] lines = answer.split("\n", -1);
        // 0 id, 1 zip line, 2 go.mod line, 3 "", 4 header, 5 size, 6 root, 7 "", 8 signature line
        Map<String, String[]> regions = Map.of(
                // The last digit: a near id keeps the proof inside the recorded tiles (the byte sweep covers the rest).
                "record id", new String[] {lines[0].substring(lines[0].length() - 1) + "\ngolang.org", "inclusion proof fails"},
                "record line", new String[] {"golang.org/toolchain v0.0.1-go1.21.13", "inclusion proof fails"},
                "zip hash", new String[] {v.zipHash().substring(3), "inclusion proof fails"},
                "tree size", new String[] {lines[5], "invalid signature for key sum.golang.org+033de0ae"},
                "root hash", new String[] {lines[6].substring(0, 43), "invalid signature for key sum.golang.org+033de0ae"},
                // Past the key hash (the first 4 bytes), short of the last character's unused bits and the padding.
                "signature", new String[] {lines[8].substring(lines[8].lastIndexOf(' ') + 8, lines[8].length() - 3),
                        "invalid signature for key sum.golang.org+033de0ae"},
                "key name", new String[] {"sum.golang.org Az", "not signed by the key sum.golang.org+033de0ae"});
        for (Map.Entry<String, String[]> region : regions.entrySet()) {
            int start = answer.indexOf(region.getValue()[0]);
            assertTrue(start >= 0, region.getKey());
            for (int i = start; i < start + region.getValue()[0].length(); i++) {
                if (answer.charAt(i) == ' ' || answer.charAt(i) == '\n' || region.getKey().equals("record id") && i > start) {
                    continue; // a field separator: the byte sweep above covers it
                }
                byte[] changed = answer.getBytes(StandardCharsets.UTF_8);
                int at = answer.substring(0, i).getBytes(StandardCharsets.UTF_8).length; // the em dash is 3 bytes
                changed[at] = similar(changed[at]);
                refused(SumDbRecordings.transport().with(v.lookupPath(), changed), v, region.getKey() + " at " + i, region.getValue()[1]);
            }
        }
    }

    @Test
    void aChangedHashInAnyTileIsRefused() throws Exception {
        for (SumDbRecordings.Version v : SumDbRecordings.VERSIONS) {
            SumDbRecordings.Replay clean = SumDbRecordings.transport();
            SumDbClientTest.lookup(clean, v);
            List<String> tiles = new ArrayList<>(clean.reads.subList(1, clean.reads.size()));
            for (String tile : tiles) {
                byte[] data = clean.recorded(tile);
                for (int slot = 0; slot < data.length / 32; slot++) {
                    byte[] changed = data.clone();
                    changed[slot * 32 + slot % 32] ^= (byte) 0x80;
                    SumDbRecordings.Replay tampered = SumDbRecordings.transport().with(tile, changed);
                    refused(tampered, v, tile + " hash " + slot, "");
                    assertTrue(tampered.verified.isEmpty() || !tampered.verified.containsKey(v.lookupPath()),
                            "nothing of a refused answer is reported verified when the tree is wrong: " + tampered.verified.keySet());
                }
                refused(SumDbRecordings.transport().with(tile, Arrays.copyOf(data, data.length - 32)), v, tile + " cut short", "has " + (data.length - 32) + " bytes");
            }
        }
    }

    @Test
    void aPartialTileTheDatabaseNoLongerServesIsCutFromTheFullTile() throws Exception {
        SumDbRecordings.Version v = SumDbRecordings.VERSIONS.get(0);
        SumDbRecordings.Replay clean = SumDbRecordings.transport();
        SumDbRecord expected = SumDbClientTest.lookup(clean, v);
        String partial = clean.reads.stream().filter(p -> p.contains(".p/")).findFirst().orElseThrow();
        String full = partial.substring(0, partial.indexOf(".p/"));
        byte[] completed = Arrays.copyOf(clean.recorded(partial), 256 * 32); // the rest is hashes added later
        Arrays.fill(completed, clean.recorded(partial).length, completed.length, (byte) 7);

        SumDbRecordings.Replay fallback = SumDbRecordings.transport().with(partial, null).with(full, completed);
        assertEquals(expected, SumDbClientTest.lookup(fallback, v));
        assertTrue(fallback.reads.indexOf(full) == fallback.reads.indexOf(partial) + 1, fallback.reads.toString());
        assertEquals(Arrays.toString(clean.recorded(partial)), Arrays.toString(fallback.verified.get(partial)),
                "the partial tile is what is reported verified, as cmd/go saves it");

        refused(SumDbRecordings.transport().with(partial, null), v, "no tile", "does not serve " + partial);
    }

    @Test
    void aNoteSignedByAnotherKeyIsRefusedAndAcceptedOnlyWithThatKey() throws Exception {
        SumDbRecordings.Version v = SumDbRecordings.VERSIONS.get(1);
        KeyPair pair = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        byte[] publicKey = new byte[33];
        publicKey[0] = 1;
        byte[] x509 = pair.getPublic().getEncoded();
        System.arraycopy(x509, x509.length - 32, publicKey, 1, 32);
        int hash = VerifierKey.keyHash("sum.golang.org", publicKey);
        String otherKey = "sum.golang.org+" + String.format("%08x", hash) + "+" + Base64.getEncoder().encodeToString(publicKey);

        String answer = new String(SumDbRecordings.transport().recorded(v.lookupPath()), StandardCharsets.UTF_8);
        int noteStart = answer.indexOf("\n\n") + 2;
        String treeText = answer.substring(noteStart, answer.indexOf("\n\n", noteStart) + 1);
        Signature signer = Signature.getInstance("Ed25519");
        signer.initSign(pair.getPrivate());
        signer.update(treeText.getBytes(StandardCharsets.UTF_8));
        byte[] signature = signer.sign();
        byte[] line = new byte[4 + signature.length];
        line[0] = (byte) (hash >>> 24);
        line[1] = (byte) (hash >>> 16);
        line[2] = (byte) (hash >>> 8);
        line[3] = (byte) hash;
        System.arraycopy(signature, 0, line, 4, signature.length);
        String otherSignature = "\u2014 sum.golang.org " + Base64.getEncoder().encodeToString(line) + "\n";
        String withoutSignatures = answer.substring(0, answer.indexOf("\n\n", noteStart) + 2);

        byte[] signedByOther = (withoutSignatures + otherSignature).getBytes(StandardCharsets.UTF_8);
        refused(SumDbRecordings.transport().with(v.lookupPath(), signedByOther), v, "signed by another key",
                "not signed by the key sum.golang.org+033de0ae (only by sum.golang.org+" + String.format("%08x", hash) + ")");
        SumDbSetting other = new SumDbSetting("sum.golang.org", otherKey, Optional.empty());
        assertEquals(v.zipHash(), new SumDbClient(other, SumDbRecordings.transport().with(v.lookupPath(), signedByOther))
                .lookup(v.path(), v.version()).zipHash(), "the same note is accepted with the key that signed it");

        ChecksumException wrongKey = assertThrows(ChecksumException.class,
                () -> new SumDbClient(other, SumDbRecordings.transport()).lookup(v.path(), v.version()));
        assertTrue(wrongKey.getMessage().contains("not signed by the key sum.golang.org+" + String.format("%08x", hash)), wrongKey.getMessage());

        byte[] bothSignatures = (answer + otherSignature).getBytes(StandardCharsets.UTF_8);
        assertEquals(v.zipHash(), SumDbClientTest.lookup(SumDbRecordings.transport().with(v.lookupPath(), bothSignatures), v).zipHash(),
                "a signature by a key the client does not know is ignored, as Go ignores it");
    }

    @Test
    void aNoteWithoutItsSignatureLineIsRefused() throws Exception {
        SumDbRecordings.Version v = SumDbRecordings.VERSIONS.get(0);
        String answer = new String(SumDbRecordings.transport().recorded(v.lookupPath()), StandardCharsets.UTF_8);
        String unsigned = answer.substring(0, answer.indexOf("\u2014"));
        refused(SumDbRecordings.transport().with(v.lookupPath(), unsigned.getBytes(StandardCharsets.UTF_8)), v, "unsigned", "no signature lines");
        String noBlankLine = unsigned.substring(0, unsigned.length() - 1);
        refused(SumDbRecordings.transport().with(v.lookupPath(), noBlankLine.getBytes(StandardCharsets.UTF_8)), v, "unsigned", "");
    }

    @Test
    void aVersionTheDatabaseDoesNotKnowIsReportedAsNotInTheDatabase() throws Exception {
        SumDbRecordings.Version v = SumDbRecordings.VERSIONS.get(1);
        ChecksumException e = assertThrows(ChecksumException.class,
                () -> SumDbClientTest.lookup(SumDbRecordings.transport().with(v.lookupPath(), null), v));
        assertEquals("rsc.io/quote@v1.5.2: not found in the checksum database sum.golang.org: reading lookup/rsc.io/quote@v1.5.2: HTTP 404",
                e.getMessage());
        assertTrue(e.hint().contains("check the module path and version"), e.hint());
    }

    @Test
    void anAnswerForAnotherVersionIsRefused() throws Exception {
        SumDbRecordings.Version quote = SumDbRecordings.VERSIONS.get(1);
        SumDbRecordings.Version toml = SumDbRecordings.VERSIONS.get(2);
        SumDbRecordings.Replay swapped = SumDbRecordings.transport().with(quote.lookupPath(), SumDbRecordings.transport().recorded(toml.lookupPath()));
        refused(swapped, quote, "another version's answer", "the record has no line 'rsc.io/quote v1.5.2 h1:...'");
    }

    /** Another character of the same kind (digit, base64), so that the change is caught by what guards the region. */
    private static byte similar(byte c) {
        if (c >= '0' && c <= '9') {
            return (byte) (c == '9' ? '8' : c + 1);
        }
        return (byte) (c == 'A' ? 'B' : 'A');
    }

    private static void refused(SumDbRecordings.Replay transport, SumDbRecordings.Version v, String what, String because) {
        try {
            SumDbRecord accepted = SumDbClientTest.lookup(transport, v);
            fail(what + ": accepted " + accepted);
        } catch (ChecksumException e) {
            assertTrue(e.getMessage().startsWith("verifying " + v + " against the checksum database sum.golang.org failed: "), what + ": " + e.getMessage());
            assertTrue(e.getMessage().contains(because), what + ": " + e.getMessage() + " does not say " + because);
            assertTrue(e.hint().contains(HINT) && e.hint().contains("do not use " + v), e.hint());
            assertTrue(transport.verified.isEmpty() || !transport.verified.containsKey(v.lookupPath()), what + ": reported verified");
        } catch (Exception e) {
            throw new AssertionError(what + ": " + e, e);
        }
    }
}
